import { describe, expect, it } from 'vitest';
import { choiceInvalid } from './choice-invalid.ts';
import { armCta, choiceMarkup, findingsFor } from './support/test-helpers.ts';

const found = (snippet: string) => findingsFor(choiceInvalid, snippet);
const ids = (snippet: string) => found(snippet).map((finding) => finding.messageId);
const when = (json: string) => `data-cta-when='${json}'`;
const offer = (condition: string) =>
  choiceMarkup('offer', 'jacket', [
    { arm: 'default', html: '<p>Free returns.</p>' },
    { arm: 'viewed', html: '<p>Back for the jacket?</p>', attrs: when(condition) },
  ]);
const experiment = (wrapperAttrs = '', armB = '') =>
  choiceMarkup(
    'experiment',
    'e',
    [
      { arm: 'A', html: '<p>Ship faster.</p>' },
      { arm: 'B', html: '<p>Ship faster, sleep better.</p>', attrs: armB },
    ],
    wrapperAttrs,
  );

describe('choice-invalid', () => {
  it('accepts well-formed offers and experiments', () => {
    expect(ids(offer('{"viewed":"fjord-jacket","within":"7d","notPurchased":true}'))).toEqual([]);
    expect(ids(offer('{"viewed":"a","times":2}'))).toEqual([]);
    expect(ids(offer('{"inCart":"a","within":"12h","notPurchased":true}'))).toEqual([]);
    expect(ids(offer('{"notPurchased":true}'))).toEqual([]);
    expect(ids(offer('{"campaign":"black-friday","returning":false}'))).toEqual([]);
    expect(
      ids(
        experiment(
          'data-cta-holdout="0" data-cta-ends="2099-01-01T00:00:00Z" data-cta-winner="B"',
          'data-cta-weight="0.5"',
        ),
      ),
    ).toEqual([]);
  });

  it('names what is wrong with a condition', () => {
    const problem = (json: string) => found(offer(json))[0]?.message ?? '';
    expect(problem('{viewed: "x"}')).toContain('is not valid JSON');
    expect(problem('["viewed"]')).toContain('is not a JSON object');
    expect(problem('{}')).toContain('matches every visitor');
    expect(problem('{"viewd":"fjord-jacket"}')).toContain('unknown key "viewd"');
    expect(problem('{"viewed":""}')).toContain('"viewed" set to something other than an id');
    expect(problem('{"viewed":["a","b"]}')).toContain('"viewed" set to something other than an id');
    expect(problem('{"viewed":"a","notPurchased":false}')).toContain('"notPurchased" set to something other than true');
    expect(problem('{"carted":"a"}')).toContain('unknown key "carted"');
    expect(problem('{"viewed":"x","within":"7 days"}')).toContain('"within"');
    expect(problem('{"viewed":"x","times":0}')).toContain('"times"');
    expect(problem('{"returning":"yes"}')).toContain('"returning"');
    expect(problem('{"within":"7d"}')).toContain('"within" without an item to apply it to; add "viewed" or "inCart"');
    expect(problem('{"inCart":"a","times":2}')).toContain('"times" without an item to apply it to; add "viewed"');
    expect(problem('{"viewed":"x","within":"0d"}')).toContain('"within"');
    expect(problem('{"toString":"x"}')).toContain('unknown key "toString"');
  });

  it('requires exactly one default', () => {
    expect(ids(experiment().replace('data-cta-default', ''))).toEqual(['noDefault']);
    expect(ids(experiment('', 'data-cta-default'))).toEqual(['severalDefaults']);
  });

  it('requires a known kind, a name and two alternatives', () => {
    expect(ids(experiment().replace('data-cta-choose="experiment"', 'data-cta-choose="ab"'))).toEqual(['badKind']);
    expect(ids(experiment().replace('data-cta-experiment="e"', ''))).toEqual(['noName']);
    expect(ids(choiceMarkup('experiment', 'e', [{ arm: 'A', html: '<p>Only one.</p>' }]))).toEqual(['tooFew']);
  });

  it('requires named, distinct arms and a condition on every offer alternative but the default', () => {
    expect(ids(experiment().replace('data-cta-arm="B"', 'data-cta-arm=""'))).toEqual(['unnamedArm']);
    expect(ids(experiment().replace('data-cta-arm="B"', 'data-cta-arm="A"'))).toEqual(['duplicateArm']);
    expect(
      ids(
        choiceMarkup('offer', 'o', [
          { arm: 'default', html: '<p>Hi.</p>' },
          { arm: 'never', html: '<p>Never shown.</p>' },
        ]),
      ),
    ).toEqual(['noCondition']);
  });

  it('checks weights, holdout, end and winner', () => {
    for (const weight of ['0', '-1', 'two', '', 'Infinity']) {
      expect(ids(experiment('', `data-cta-weight="${weight}"`)), weight).toEqual(['badWeight']);
    }
    for (const holdout of ['1', '-0.1', '10%', '']) {
      expect(ids(experiment(`data-cta-holdout="${holdout}"`)), holdout).toEqual(['badHoldout']);
    }
    const ends = found(experiment('data-cta-ends="2026-12-31T23:59"'));
    expect(ends.map((finding) => finding.messageId)).toEqual(['badEnds']);
    expect(ends[0]!.message).toContain('no-offset');
    const winner = found(experiment('data-cta-winner="C"'));
    expect(winner.map((finding) => finding.messageId)).toEqual(['unknownWinner']);
    expect(winner[0]!.message).toContain('arms: A, B');
  });

  it('requires the CTAs in an alternative to carry its experiment and arm names', () => {
    const labelled = armCta({ id: 'hero', href: '/signup', text: 'Start', experiment: 'e', arm: 'B' });
    expect(ids(experiment('', '').replace('<p>Ship faster, sleep better.</p>', labelled))).toEqual([]);
    const wrongArm = armCta({ id: 'hero', href: '/signup', text: 'Start', experiment: 'e', arm: 'A' });
    expect(ids(experiment().replace('<p>Ship faster, sleep better.</p>', wrongArm))).toEqual(['ctaNotLabelled']);
    const unlabelled = '<a href="/signup" data-cta="hero">Start</a>';
    expect(ids(experiment().replace('<p>Ship faster, sleep better.</p>', unlabelled))).toEqual(['ctaNotLabelled']);
    // Hand-written CTAs without data-cta are not reported by the beacon: nothing to label.
    expect(
      ids(experiment().replace('<p>Ship faster, sleep better.</p>', '<a class="btn" href="/signup">Start</a>')),
    ).toEqual([]);
  });
});
