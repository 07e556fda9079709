import type { WireEvent } from '@astro-cta/contract';
import { describe, expect, it, vi } from 'vitest';
import { trackConversion } from './conversion.ts';
import { startBeacon } from './index.ts';
import { TAB_KEY } from './visits.ts';

// Real Chromium: the conversion goes through the real core, the visits gate and sessionStorage to a sink.
describe('trackConversion in the browser', () => {
  const sunk: WireEvent[] = [];

  it('keeps a conversion reported before the beacon started, then sends it with the visit id', () => {
    trackConversion('signup', { value: 49.9, currency: 'EUR' });
    expect(sunk).toEqual([]);
    startBeacon({ sink: (event) => sunk.push(event), localhost: true, automation: true, visits: true });
    expect(sunk).toEqual([
      expect.objectContaining({
        t: 'conversion',
        id: 'signup',
        g: 'signup',
        val: 49.9,
        cur: 'EUR',
        p: location.pathname,
        s: 0,
      }),
    ]);
    expect(sunk[0]!.vi).toBe(sessionStorage.getItem(TAB_KEY));
  });

  it('sends a value only with a valid currency, and says why in the console', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    sunk.length = 0;
    trackConversion('purchase', { value: 10 });
    trackConversion('purchase', { value: -1, currency: 'EUR' });
    trackConversion('purchase', { value: 10, currency: 'eur' });
    trackConversion('purchase', { value: 10, currency: 'USD' });
    expect(sunk.map((event) => event.t === 'conversion' && [event.val, event.cur])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
      [undefined, undefined],
      [10, 'USD'],
    ]);
    expect(errors).toHaveBeenCalledTimes(3);
    expect(String(errors.mock.calls[0]![0])).toMatch(/trackConversion\("purchase"\).*currency/);
    errors.mockRestore();
  });

  it('refuses a goal that is not a name, with an error in the console and no event', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    sunk.length = 0;
    trackConversion('');
    trackConversion(42 as unknown as string);
    trackConversion('x'.repeat(129));
    expect(sunk).toEqual([]);
    expect(errors).toHaveBeenCalledTimes(3);
    expect(String(errors.mock.calls[0]![0])).toMatch(/goal must be a name/);
    errors.mockRestore();
  });
});
