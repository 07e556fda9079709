import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPIRES_MS, VISIT_GAP_MS } from './signals-format.ts';
import { serializeWhen, whenProblem, whenWindow } from './when.ts';

const DAY = 864e5;
const NOW = Date.parse('2026-11-30T12:00:00Z');

describe('whenProblem: conditions the build refuses, naming the key', () => {
  it.each([
    [{ seen: 'x' }, 'seen', /not a condition key/],
    [{}, 'when', /always holds/],
    [{ viewed: 'fjord-jacket', within: '0d' }, 'within', /duration of 0 can never hold/],
    [{ viewed: 'fjord-jacket', within: '7 days' }, 'within', /not a duration/],
    [{ within: '7d' }, 'within', /names none/],
    [{ times: 2 }, 'times', /names none/],
    [{ viewed: 'fjord-jacket', times: 0 }, 'times', /1 or more/],
    [{ notPurchased: false }, 'notPurchased', /can only be true/],
    [{ returning: 'yes' }, 'returning', /not true or false/],
    [{ viewed: 'a jacket' }, 'viewed', /not an item id/],
    [{ campaign: '' }, 'campaign', /utm_campaign/],
    ['viewed', 'when', /not a condition/],
  ])('%j → %s', (when, key, problem) => {
    const found = whenProblem(when);
    expect(found?.key).toBe(key);
    expect(found?.problem).toMatch(problem);
    expect(found?.fix).toBeTruthy();
  });

  it('accepts the seed condition and the others', () => {
    expect(whenProblem({ viewed: 'fjord-jacket', within: '7d', notPurchased: true })).toBeUndefined();
    expect(whenProblem({ inCart: 'fjord-jacket', within: '12h' })).toBeUndefined();
    expect(whenProblem({ returning: true, campaign: 'winter-sale' })).toBeUndefined();
    expect(whenProblem({ viewed: 'x', times: 3 })).toBeUndefined();
  });

  it('serializes with the keys in one order, whatever order the author wrote', () => {
    expect(serializeWhen({ notPurchased: true, within: '7d', viewed: 'fjord-jacket' })).toBe(
      '{"viewed":"fjord-jacket","within":"7d","notPurchased":true}',
    );
  });
});

describe('whenWindow: when a condition holds, from the recorded signals', () => {
  const viewedAt = NOW - 2 * DAY;
  const seed = { viewed: 'fjord-jacket', within: '7d', notPurchased: true as const };

  it('viewed within 7 days: from the view until 7 days after it', () => {
    const record = { t: NOW, i: { 'fjord-jacket': [1, viewedAt] as [number, number] } };
    expect(whenWindow(seed, record, DEFAULT_EXPIRES_MS)).toEqual([viewedAt, viewedAt + 7 * DAY]);
  });

  it('never: not viewed, viewed too few times, or purchased since', () => {
    expect(whenWindow(seed, { t: NOW }, DEFAULT_EXPIRES_MS)).toEqual([0, 0]);
    const twice = { viewed: 'fjord-jacket', times: 2 };
    expect(whenWindow(twice, { i: { 'fjord-jacket': [1, viewedAt] } }, DEFAULT_EXPIRES_MS)).toEqual([0, 0]);
    const bought = { i: { 'fjord-jacket': [1, viewedAt] as [number, number] }, p: { 'fjord-jacket': NOW - DAY } };
    expect(whenWindow(seed, bought, DEFAULT_EXPIRES_MS)).toEqual([0, 0]);
  });

  it('without `within`, the signals lifetime bounds it', () => {
    const record = { i: { x: [3, viewedAt] as [number, number] } };
    expect(whenWindow({ viewed: 'x' }, record, 10 * DAY)).toEqual([viewedAt, viewedAt + 10 * DAY]);
  });

  it('returning: from the end of the first visit on; not returning: until then', () => {
    const first = { t: NOW, r: 0 as const };
    expect(whenWindow({ returning: true }, first, DEFAULT_EXPIRES_MS)[0]).toBe(NOW + VISIT_GAP_MS);
    expect(whenWindow({ returning: false }, first, DEFAULT_EXPIRES_MS)[1]).toBe(NOW + VISIT_GAP_MS);
    expect(whenWindow({ returning: false }, { t: NOW, r: 1 }, DEFAULT_EXPIRES_MS)).toEqual([0, 0]);
  });

  it('campaign: for the rest of the visit that landed from it', () => {
    const record = { t: NOW, c: 'winter-sale' };
    expect(whenWindow({ campaign: 'winter-sale' }, record, DEFAULT_EXPIRES_MS)).toEqual([0, NOW + VISIT_GAP_MS]);
    expect(whenWindow({ campaign: 'spring' }, record, DEFAULT_EXPIRES_MS)).toEqual([0, 0]);
  });

  it('malformed records never hold and never throw', () => {
    for (const record of [{ i: 'x' }, { i: { 'fjord-jacket': 'x' } }, { i: { 'fjord-jacket': [1, 'x'] } }, { p: [1] }])
      expect(whenWindow(seed, record as never, DEFAULT_EXPIRES_MS)).toEqual([0, 0]);
  });
});
