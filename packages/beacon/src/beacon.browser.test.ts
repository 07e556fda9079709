import type { CtaEvent, WireEvent } from '@astro-cta/contract';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { startBeacon } from './index.ts';
import { track } from './track.ts';

// Real Chromium, the real core; fetch is replaced by a recorder so the test sees exactly what would be sent.
const sent: { url: string; init: RequestInit }[] = [];
const sunk: WireEvent[] = [];
const bodies = () => sent.map(({ init }) => JSON.parse(String(init.body)) as CtaEvent[]);

beforeAll(() => {
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (url, init) => {
    sent.push({ url: String(url), init: init ?? {} });
    return new Response(null, { status: 204 });
  });
  // sendBeacon refusing sends the flushes through fetch too (the fallback), so the recorder sees every request.
  navigator.sendBeacon = () => false;
  // The test page runs on localhost in an automated browser: both must be allowed explicitly.
  startBeacon({ endpoint: '/collect', sink: (event) => sunk.push(event), localhost: true, automation: true });
});

afterEach(() => {
  sent.length = 0;
  sunk.length = 0;
  document.body.innerHTML = '';
});

describe('beacon core in the browser', () => {
  it('reports a click on a [data-cta] element at once with fetch keepalive and a text/plain string body', async () => {
    document.body.innerHTML =
      '<a href="#pricing" data-cta="hero-trial" data-cta-variant="primary" data-cta-goal="signup"><span>Start trial</span></a>';
    await userEvent.click(document.querySelector('span')!);
    // The click leaves at once; the impression it implies (or that the second counted) is in it or came just before.
    const [{ url, init }] = sent.slice(-1) as [(typeof sent)[0]];
    expect(url).toBe('/collect');
    expect(init).toMatchObject({ method: 'POST', keepalive: true });
    expect(typeof init.body).toBe('string'); // a string body is sent as text/plain: no CORS preflight
    const events = bodies().flat();
    expect(events.map((event) => event.t)).toEqual(['impression', 'click']);
    expect(events[1]).toMatchObject({
      t: 'click',
      id: 'hero-trial',
      v: 'primary',
      g: 'signup',
      p: location.pathname,
      o: 0, // plain
    });
    // Origin and path only: the fragment (and query) of a destination may hold e-mail addresses or tokens.
    expect(events[1]!.d).toBe(location.origin + location.pathname);
    expect(events[1]!.pv).toBe(events[0]!.pv);
    expect(events[1]!.s).toBe(events[0]!.s + 1);
  });

  it('reports the experiment and arm of a CTA taking part in one (x, a), and leaves them out otherwise', async () => {
    document.body.innerHTML =
      '<button data-cta="hero-a" data-cta-experiment="hero-copy" data-cta-arm="B">Try</button><button data-cta="plain">Go</button>';
    await userEvent.click(document.querySelector('[data-cta="hero-a"]')!);
    await userEvent.click(document.querySelector('[data-cta="plain"]')!);
    const clicks = bodies()
      .flat()
      .filter((event) => event.t === 'click');
    expect(clicks[0]).toMatchObject({ id: 'hero-a', x: 'hero-copy', a: 'B' });
    expect(JSON.stringify(clicks[1])).not.toMatch(/"x"|"a"/);
  });

  it('sees elements added after start, and ignores clicks elsewhere and data-cta-notrack', async () => {
    document.body.innerHTML =
      '<p>text</p><button data-cta="late">Late</button><button data-cta="quiet" data-cta-notrack>Quiet</button>';
    await userEvent.click(document.querySelector('p')!);
    await userEvent.click(document.querySelector('[data-cta="quiet"]')!);
    await userEvent.click(document.querySelector('[data-cta="late"]')!);
    expect(
      bodies()
        .flat()
        .filter((event) => event.t === 'click')
        .map((event) => event.id),
    ).toEqual(['late']);
  });

  it('never prevents the default action, and reports a click whose default the page prevented', async () => {
    document.body.innerHTML = '<a href="#next" data-cta="guarded">Go</a>';
    const seen: boolean[] = [];
    document.addEventListener('click', (event) => seen.push(event.defaultPrevented), { once: true });
    await userEvent.click(document.querySelector('a')!);
    expect(seen).toEqual([false]);
    expect(location.hash).toBe('#next');
    expect(
      bodies()
        .flat()
        .some((event) => event.t === 'click' && event.id === 'guarded'),
    ).toBe(true);
  });

  it('hands every event to the sink too, custom events from track() included', async () => {
    track('video-play', { seconds: 42 });
    expect(sunk).toEqual([
      expect.objectContaining({ t: 'custom', id: 'video-play', props: { seconds: 42 }, p: location.pathname }),
    ]);
    expect(bodies()).toEqual([[expect.objectContaining({ t: 'custom', id: 'video-play' })]]);
  });
});
