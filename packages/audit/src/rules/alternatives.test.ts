import { describe, expect, it } from 'vitest';
import { auditHtml } from '../engine.ts';
import { countdownA11y } from './countdown-a11y.ts';
import { countdownEvergreen } from './countdown-evergreen.ts';
import { countdownExpired } from './countdown-expired.ts';
import { ctaBelowFold } from './cta-below-fold.ts';
import { ctaDuplicateId } from './cta-duplicate-id.ts';
import { ctaSameNameDiffTarget } from './cta-same-name-diff-target.ts';
import { pageMultiplePrimary } from './page-multiple-primary.ts';
import { pageNoCta } from './page-no-cta.ts';
import { scarcityUnsourced } from './scarcity-unsourced.ts';
import { armCta, choiceMarkup, findingsFor, messagesFor } from './support/test-helpers.ts';

// An offer's or experiment's alternatives are mutually exclusive: each visitor sees one. The existing rules must not
// add up what sits in sibling alternatives, and must still hear what a hidden alternative says to its visitors.

const primary = (arm: string, href: string, text = `Go ${arm}`, experiment = 'e') =>
  armCta({ id: 'hero', href, text, experiment, arm, role: 'primary' });
const experiment = (arms: Record<string, string>, wrapperAttrs = '', name = 'e') =>
  choiceMarkup(
    'experiment',
    name,
    Object.entries(arms).map(([arm, html]) => ({ arm, html })),
    wrapperAttrs,
  );
const offer = (defaultHtml: string, otherHtml: string, name = 'o') =>
  choiceMarkup('offer', name, [
    { arm: 'default', html: defaultHtml },
    { arm: 'back', html: otherHtml, attrs: `data-cta-when='{"returning":true}'` },
  ]);

describe('page-multiple-primary with alternatives', () => {
  const flagged = (snippet: string) => messagesFor(pageMultiplePrimary, snippet);

  it('does not count the primaries of sibling alternatives together', () => {
    expect(flagged(experiment({ A: primary('A', '/signup'), B: primary('B', '/demo') }))).toEqual([]);
  });

  it('still flags a primary in an alternative competing with one outside, whichever alternative is shown', () => {
    const page = `${experiment({ A: primary('A', '/signup'), B: primary('B', '/demo') })}<a href="/signup" data-cta="end" data-cta-role="primary">Start</a>`;
    const messages = flagged(page);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('"Start" is a second primary CTA');
    // Two primaries inside one alternative compete as on any page.
    expect(
      flagged(
        experiment({ A: `${primary('A', '/signup')}${primary('A', '/pricing', 'Plans')}`, B: primary('B', '/signup') }),
      ),
    ).toHaveLength(1);
  });

  it('flags alternatives of two different offers shown together', () => {
    const page = `${offer(primary('default', '/signup', 'Start', 'o1'), '<p>Hi</p>', 'o1')}${offer('<p>Hello</p>', primary('back', '/demo', 'Demo', 'o2'), 'o2')}`;
    expect(flagged(page)).toHaveLength(1);
  });
});

describe('cta-duplicate-id with alternatives', () => {
  const flagged = (snippet: string) => messagesFor(ctaDuplicateId, snippet);

  it('accepts one data-cta id across sibling alternatives, whatever their destinations', () => {
    expect(flagged(experiment({ A: primary('A', '/signup'), B: primary('B', '/demo') }))).toEqual([]);
  });

  it('still flags the id reused outside the alternatives for another destination', () => {
    const page = `${experiment({ A: primary('A', '/signup'), B: primary('B', '/signup') })}<a href="/demo" data-cta="hero">Demo</a>`;
    expect(flagged(page)).toHaveLength(1);
  });
});

describe('cta-same-name-diff-target with alternatives', () => {
  const flagged = (snippet: string) => messagesFor(ctaSameNameDiffTarget, snippet);

  it('accepts the same name leading elsewhere in sibling alternatives', () => {
    const arms = {
      A: '<a class="btn" href="/signup">Get started</a>',
      B: '<a class="btn" href="/demo">Get started</a>',
    };
    expect(flagged(experiment(arms, 'data-cta-destinations="differ"'))).toEqual([]);
    expect(flagged(`${experiment(arms)}<a class="btn" href="/docs/">Get started</a>`)).toHaveLength(1);
  });
});

describe('page-no-cta with alternatives', () => {
  const ids = (main: string) =>
    auditHtml(
      `<!doctype html><html lang="en"><head><title>T</title></head><body><main><h1>Acme</h1>${main}</main></body></html>`,
      [pageNoCta],
      {
        route: '/',
      },
    ).map((finding) => finding.ruleId);

  it('counts a page whose CTAs are all in alternatives as having a CTA', () => {
    expect(ids(experiment({ A: primary('A', '/signup'), B: primary('B', '/signup') }))).toEqual([]);
    expect(
      ids(
        offer(
          '<a class="btn btn-primary" href="/signup">Start your free trial</a>',
          '<a class="btn btn-primary" href="/pricing">See your plan</a>',
        ),
      ),
    ).toEqual([]);
  });

  it('counts one in a hidden alternative even when the default holds none', () => {
    expect(
      ids(offer('<p>Welcome to Acme.</p>', primary('back', '/signup', 'Pick up where you left off', 'o'))),
    ).toEqual([]);
    expect(ids(offer('<p>Welcome to Acme.</p>', '<p>Welcome back.</p>'))).toEqual(['page-no-cta']);
  });
});

describe('cta-below-fold with alternatives', () => {
  const words = (count: number) => `<p>${Array.from({ length: count }, (_, i) => `word${i}`).join(' ')}</p>`;
  const flagged = (snippet: string) => messagesFor(ctaBelowFold, snippet);

  it('does not count the words of the alternatives not shown by default', () => {
    const long = offer(`<h1>Acme</h1>${words(40)}`, `<h1>Welcome back</h1>${words(400)}`);
    expect(flagged(`${long}<a class="btn btn-primary" href="/signup">Start your free trial</a>`)).toEqual([]);
    const longDefault = offer(`<h1>Acme</h1>${words(400)}`, `<h1>Welcome back</h1>${words(40)}`);
    expect(flagged(`${longDefault}<a class="btn btn-primary" href="/signup">Start your free trial</a>`)).toHaveLength(
      1,
    );
    // The chooser may hide the alternatives by a stylesheet rather than the hidden attribute.
    const styled = long.replaceAll(' hidden ', ' ');
    expect(styled).not.toContain('hidden');
    expect(flagged(`${styled}<a class="btn btn-primary" href="/signup">Start your free trial</a>`)).toEqual([]);
  });

  it('judges the default alternative’s primary, not a later arm’s', () => {
    const arms = experiment({ A: primary('A', '/signup'), B: `${words(400)}${primary('B', '/signup')}` });
    expect(flagged(`<h1>Acme</h1>${arms}`)).toEqual([]);
    const late = experiment({ A: `${words(400)}${primary('A', '/signup')}`, B: primary('B', '/signup') });
    expect(flagged(`<h1>Acme</h1>${late}`)).toHaveLength(1);
    // The default written after another arm: its primary is the one judged.
    const defaultLast = choiceMarkup('experiment', 'e', [
      { arm: 'B', html: primary('B', '/signup') },
      { arm: 'A', html: `${words(400)}${primary('A', '/signup')}` },
    ])
      .replace('data-cta-default', 'hidden')
      .replace('data-cta-arm="A" hidden', 'data-cta-arm="A" data-cta-default');
    const messages = flagged(`<h1>Acme</h1>${defaultLast}`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('"Go A"');
  });
});

describe('honesty rules read alternatives hidden in the HTML: the chooser shows them to someone', () => {
  const NOW = new Date('2026-11-30T12:00:00Z');
  const hiddenCountdown = (countdown: string) =>
    offer('<p>Free returns.</p>', `<p>20% off for returning visitors.</p>${countdown}`);

  it('countdown-evergreen flags a countdown that restarts per visitor inside an alternative', () => {
    expect(
      findingsFor(countdownEvergreen, hiddenCountdown('<div class="countdown" data-minutes="15">15:00</div>')),
    ).toHaveLength(1);
    expect(
      findingsFor(
        countdownEvergreen,
        hiddenCountdown('<div data-cta-countdown="PT48H" data-cta-on-expire="hide" role="timer">48:00:00</div>'),
      ),
    ).toHaveLength(1);
    expect(findingsFor(countdownEvergreen, hiddenCountdown('<div class="countdown">02:14:33</div>'))).toHaveLength(1);
  });

  it('countdown-expired and countdown-a11y check a countdown in a hidden alternative like a shown one', () => {
    const ended =
      '<div data-cta-countdown="2026-11-01T00:00:00+01:00" data-cta-on-expire="hide" role="timer">Ends <time datetime="2026-11-01T00:00:00+01:00">1 Nov</time></div>';
    expect(findingsFor(countdownExpired, hiddenCountdown(ended), { site: { now: NOW } })).toHaveLength(1);
    const ticking =
      '<div data-cta-countdown="2099-11-01T00:00:00+01:00" data-cta-on-expire="hide" aria-live="assertive">01:00:00</div>';
    expect(findingsFor(countdownA11y, hiddenCountdown(ticking))).not.toEqual([]);
    // Hidden for everyone (not an alternative): nothing is claimed.
    expect(findingsFor(countdownExpired, `<div hidden>${ended}</div>`, { site: { now: NOW } })).toEqual([]);
  });

  it('scarcity-unsourced reads the claims of a hidden alternative', () => {
    expect(
      findingsFor(scarcityUnsourced, offer('<p>Free returns.</p>', '<p>Only 2 jackets left in your size!</p>')),
    ).toHaveLength(1);
    expect(findingsFor(scarcityUnsourced, '<div hidden><p>Only 2 jackets left in your size!</p></div>')).toEqual([]);
  });
});
