import { describe, expect, it } from 'vitest';
import { alternativeAttributes, alternativeProblem, DEFAULT_DISCLOSURE, experimentProblem } from './choice.ts';

describe('alternative props', () => {
  it.each([
    [{ when: { viewed: 'x' } }, 'offer', 'arm', /needs a name/],
    [{ arm: 'a b' }, 'offer', 'arm', /not a usable name/],
    [{ arm: 'x', when: { seen: 'x' } }, 'offer', 'when.seen', /not a condition key/],
    [{ arm: 'x', when: { viewed: 'x', within: '0d' } }, 'offer', 'when.within', /never hold/],
    [{ arm: 'x', personalised: true, disclosure: '' }, 'offer', 'disclosure', /empty or too short/],
    [{ arm: 'x', disclosure: 'A notice long enough to read.' }, 'offer', 'disclosure', /not `personalised`/],
    [{ arm: 'B', weight: 0 }, 'experiment', 'weight', /not a positive number/],
    [{ arm: 'B', weight: -1 }, 'experiment', 'weight', /not a positive number/],
    [{ arm: 'B', weight: '2' }, 'experiment', 'weight', /not a positive number/],
    [{ weight: 1 }, 'experiment', 'name', /is missing/],
  ] as const)('%j in an %s → %s', (props, kind, prop, problem) => {
    const found = alternativeProblem(props, kind);
    expect(found?.prop).toBe(prop);
    expect(found?.problem).toMatch(problem);
  });

  it('writes the contract attributes: the default has no condition', () => {
    expect(alternativeAttributes({ arm: 'standard' }, 'offer')).toEqual({
      'data-cta-arm': 'standard',
      'data-cta-default': '',
    });
    expect(
      alternativeAttributes({ arm: 'viewed', when: { viewed: 'x', within: '7d' }, personalised: true }, 'offer'),
    ).toEqual({
      'data-cta-arm': 'viewed',
      'data-cta-when': '{"viewed":"x","within":"7d"}',
      'data-cta-personalised': '',
    });
    expect(alternativeAttributes({ arm: 'B', weight: 2 }, 'experiment')).toEqual({
      'data-cta-arm': 'B',
      'data-cta-weight': '2',
    });
  });

  it('the default disclosure says the price was personalised by automated decision-making (Omnibus)', () => {
    expect(DEFAULT_DISCLOSURE).toMatch(/personalised/i);
    expect(DEFAULT_DISCLOSURE).toMatch(/automated decision-making/);
  });
});

describe('experiment props', () => {
  it.each([
    [{}, 'name', /is missing/],
    [{ name: 'hero', ends: '2027-01-31' }, 'ends', /offset|time/],
    [{ name: 'hero', holdout: 1 }, 'holdout', /share/],
    [{ name: 'hero', holdout: -0.1 }, 'holdout', /share/],
    [{ name: 'hero', destinations: 'same' }, 'destinations', /"differ"/],
  ])('%j → %s', (props, prop, problem) => {
    const found = experimentProblem(props);
    expect(found?.prop).toBe(prop);
    expect(found?.problem).toMatch(problem);
  });
});
