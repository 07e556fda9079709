import { describe, expect, it } from 'vitest';
import { compare } from './query.ts';

// The change between two periods; the z-test behind it is @astro-cta/stats' (tested there against R).
describe('compare (the change a report shows)', () => {
  it('says "noise" when p >= 0.05, higher or lower otherwise', () => {
    expect(compare(100, 1000, 120, 1000)).toMatchObject({ previous: 0.1, current: 0.12, verdict: 'noise' });
    expect(compare(500, 10000, 560, 10000).verdict).toBe('noise');
    expect(compare(30, 1000, 52, 1000)).toMatchObject({ verdict: 'higher' });
    expect(compare(52, 1000, 30, 1000)).toMatchObject({ verdict: 'lower' });
    expect(compare(52, 1000, 30, 1000).difference).toBeCloseTo(-0.022, 10);
    expect(compare(0, 0, 3, 10)).toMatchObject({ previous: null, current: 0.3, verdict: 'no data', p: null });
  });
});
