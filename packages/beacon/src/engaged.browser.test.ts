import type { WireEvent } from '@astro-cta/contract';
import { ENGAGED_SIGNAL } from '@astro-cta/contract';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBeacon } from './index.ts';
import { ENGAGED_ID, ENGAGED_MS } from './names.ts';

// Real Chromium and the real core; the clock is faked (setTimeout and Date) and the page's visibility is set by the
// test, which then dispatches visibilitychange as the browser would. Each test starts its own beacon; the gate of an
// earlier test's beacon lets nothing through (`generation`), since beacons cannot be stopped.
let generation = 0;
let hidden = false;
const engaged = (out: WireEvent[]) => out.filter((event) => event.t === 'engaged');

const start = () => {
  const mine = generation;
  const out: WireEvent[] = [];
  startBeacon({
    sink: (event) => out.push(event),
    localhost: true,
    automation: true,
    gate: (deliver) => (event) => mine == generation && deliver(event),
  });
  return out;
};
const setVisible = (visible: boolean) => {
  hidden = !visible;
  document.dispatchEvent(new Event('visibilitychange'));
};

beforeEach(() => {
  vi.useFakeTimers();
  hidden = false;
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
});

afterEach(() => {
  generation++;
  vi.useRealTimers();
  delete (document as { hidden?: boolean }).hidden;
});

describe('engagement: a page view visible for 10 s in total', () => {
  it('ties the core to the contract: the signal id and 10 s', () => {
    expect(ENGAGED_ID).toBe(ENGAGED_SIGNAL);
    expect(ENGAGED_MS).toBe(10_000);
  });

  it('reports engaged once, when the page has been visible for 10 s, with the page view fields', () => {
    const out = start();
    vi.advanceTimersByTime(ENGAGED_MS - 1);
    expect(engaged(out)).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(engaged(out)).toEqual([
      { t: 'engaged', id: ENGAGED_ID, p: location.pathname, pv: expect.stringMatching(/^\d+$/), s: 0 },
    ]);
    // Once per page view, however long it stays and however often it is hidden and shown again.
    vi.advanceTimersByTime(60_000);
    setVisible(false);
    setVisible(true);
    vi.advanceTimersByTime(60_000);
    expect(engaged(out)).toHaveLength(1);
  });

  it('adds up visible time across visible spells and pauses while the page is hidden', () => {
    const out = start();
    vi.advanceTimersByTime(6_000);
    setVisible(false);
    vi.advanceTimersByTime(10 * 60_000); // ten minutes in another tab count for nothing
    expect(engaged(out)).toEqual([]);
    setVisible(true);
    vi.advanceTimersByTime(2_000);
    setVisible(false);
    vi.advanceTimersByTime(5_000);
    setVisible(true);
    vi.advanceTimersByTime(1_999); // 6 + 2 + 1.999 s visible
    expect(engaged(out)).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(engaged(out)).toHaveLength(1);
  });

  it('counts nothing for a page opened in the background until it is shown', () => {
    hidden = true;
    const out = start();
    vi.advanceTimersByTime(60_000);
    expect(engaged(out)).toEqual([]);
    setVisible(true);
    vi.advanceTimersByTime(ENGAGED_MS);
    expect(engaged(out)).toHaveLength(1);
  });

  it('other page-level moments (focus changes, the page hiding) do not restart or double the count', () => {
    const out = start();
    vi.advanceTimersByTime(4_000);
    dispatchEvent(new Event('blur'));
    dispatchEvent(new Event('focus'));
    vi.advanceTimersByTime(5_000);
    dispatchEvent(new Event('focus'));
    vi.advanceTimersByTime(1_000);
    expect(engaged(out)).toHaveLength(1);
  });

  it('starts over for a new page view (a view transition to another path)', () => {
    const out = start();
    vi.advanceTimersByTime(ENGAGED_MS);
    const first = engaged(out)[0]!;
    const path = location.pathname;
    history.pushState(null, '', '/engaged-next-page/');
    try {
      document.dispatchEvent(new Event('astro:page-load'));
      vi.advanceTimersByTime(ENGAGED_MS - 1);
      expect(engaged(out)).toHaveLength(1);
      vi.advanceTimersByTime(1);
      const second = engaged(out)[1]!;
      expect(second).toMatchObject({ p: '/engaged-next-page/', s: 0 });
      expect(second.pv).not.toBe(first.pv);
    } finally {
      history.replaceState(null, '', path);
    }
  });
});
