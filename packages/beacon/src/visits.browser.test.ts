import type { WireEvent } from '@astro-cta/contract';
import { atom } from 'nanostores';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { type ConsentState, consentGate } from './consent.ts';
import { startBeacon } from './index.ts';
import { track } from './track.ts';
import { TAB_KEY } from './visits.ts';

// Real Chromium and its real sessionStorage; the clock is faked where a long quiet spell is tested. Beacons
// started here keep running until the file ends, so the tests that expect nothing sent come before any that sends.
// Each through() starts a beacon with visits whose gate lets events in only until the test ends (`generation`), so an
// earlier test's beacon neither stamps nor stores what a later test does.
let generation = 0;
const through = () => {
  const mine = generation;
  const out: WireEvent[] = [];
  startBeacon({
    sink: (delivered) => out.push(delivered),
    localhost: true,
    automation: true,
    visits: true,
    gate: (deliver) => (event) => mine == generation && deliver(event),
  });
  return { out, send: () => track('x') };
};

afterEach(() => {
  generation++;
  vi.useRealTimers();
  vi.restoreAllMocks();
  sessionStorage.clear();
  document.body.innerHTML = '';
});

describe('tab id in sessionStorage', () => {
  it('keeps one id for the events of a tab: the page-view id of its first event', () => {
    const { out, send } = through();
    send();
    send();
    send();
    const [first] = out;
    expect(first!.vi).toMatch(/^\w{1,64}$/);
    expect(first!.vi).toBe(first!.pv);
    expect(out.map((delivered) => delivered.vi)).toEqual([first!.vi, first!.vi, first!.vi]);
    expect(sessionStorage.getItem(TAB_KEY)).toBe(first!.vi);
    expect(sessionStorage.length).toBe(1); // the id alone: no clock, nothing else
    // A new page (another startBeacon, another page view) in the same tab sends the same id.
    const again = through();
    again.send();
    expect(again.out[0]!.pv).not.toBe(first!.pv);
    expect(again.out[0]!.vi).toBe(first!.vi);
  });

  it('keeps the id however long the tab is quiet: the collector splits visits after 30 minutes', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T10:00:00Z'));
    const { out, send } = through();
    send();
    vi.setSystemTime(Date.now() + 3 * 60 * 60 * 1000);
    send();
    expect(out[1]!.vi).toBe(out[0]!.vi);
  });

  it('stores nothing and sends nothing under Global Privacy Control', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status: 204 }));
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { configurable: true, get: () => true });
    try {
      expect(startBeacon({ endpoint: '/collect', localhost: true, automation: true, visits: true })).toBeUndefined();
      document.body.innerHTML = '<button data-cta="gpc-visit">Go</button>';
      await userEvent.click(document.querySelector('button')!);
      expect(fetchSpy).not.toHaveBeenCalled();
      expect(sessionStorage.length).toBe(0);
    } finally {
      delete (Navigator.prototype as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });

  it('stores nothing and sends nothing while consent is pending or denied', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status: 204 }));
    const consent = atom<ConsentState | undefined>(undefined);
    startBeacon({ endpoint: '/collect', localhost: true, automation: true, visits: true, gate: consentGate(consent) });
    document.body.innerHTML = '<button data-cta="consent-visit">Go</button>';
    await userEvent.click(document.querySelector('button')!);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(sessionStorage.length).toBe(0);
    consent.set('denied');
    await userEvent.click(document.querySelector('button')!);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(sessionStorage.length).toBe(0);
  });

  it('sends events without a visit id when sessionStorage cannot be read (disabled, sandboxed)', () => {
    const real = Object.getOwnPropertyDescriptor(window, 'sessionStorage')!;
    Object.defineProperty(window, 'sessionStorage', {
      configurable: true,
      get: () => {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    try {
      const { out, send } = through();
      expect(send).not.toThrow();
      expect(out).toHaveLength(1);
      expect(out[0]).not.toHaveProperty('vi');
    } finally {
      Object.defineProperty(window, 'sessionStorage', real);
    }
    expect(sessionStorage).toBeInstanceOf(Storage);
  });

  it('sends events without a visit id when the storage is full', () => {
    // Fill the real quota (a few megabytes in Chromium) until not even one more character fits.
    let index = 0;
    for (const size of [512 * 1024, 1024, 1]) {
      expect(() => {
        for (;;) sessionStorage.setItem(`f${index++}`, 'x'.repeat(size));
      }).toThrow(/quota/i);
    }
    const { out, send } = through();
    expect(send).not.toThrow();
    expect(out).toHaveLength(1);
    expect(out[0]!.vi).toBeUndefined();
  });

  // Last: the beacon it starts keeps running (and sending) for the rest of this file.
  it('stamps events that consent lets through, and only then stores the visit', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status: 204 }));
    const consent = atom<ConsentState | undefined>(undefined);
    startBeacon({ endpoint: '/collect', localhost: true, automation: true, visits: true, gate: consentGate(consent) });
    document.body.innerHTML = '<button data-cta="granted-visit">Go</button>';
    await userEvent.click(document.querySelector('button')!);
    expect(sessionStorage.length).toBe(0);
    consent.set('granted');
    await vi.waitFor(() => expect(fetchSpy).toHaveBeenCalled());
    const events = fetchSpy.mock.calls.flatMap(([, init]) => JSON.parse(String(init!.body)) as WireEvent[]);
    const click = events.find((sent) => sent.t === 'click' && sent.id === 'granted-visit');
    expect(click?.vi).toBe(sessionStorage.getItem(TAB_KEY));
  });
});
