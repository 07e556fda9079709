import { describe, expect, it } from 'vitest';
import { countdownA11y } from './countdown-a11y.ts';
import { messagesFor } from './support/test-helpers.ts';

const flagged = (snippet: string) => messagesFor(countdownA11y, snippet);
const terms = '<time datetime="2099-12-31T23:59:00+01:00">31 December 2099, 23:59 CET</time>';

describe('countdown-a11y', () => {
  it('flags a countdown inside, or containing, a polite or assertive live region', () => {
    expect(
      flagged(`<section aria-live="assertive"><div class="countdown">02:14:33 ${terms}</div></section>`)[0],
    ).toContain('(assertive)');
    expect(flagged(`<div class="countdown"><span aria-live="polite">02:14:33</span> ${terms}</div>`)).toHaveLength(1);
    expect(flagged(`<div role="status"><div class="countdown">02:14:33 ${terms}</div></div>`)[0]).toContain(
      'role=status',
    );
  });

  it('accepts role="timer" and aria-live="off"', () => {
    expect(flagged(`<div class="countdown" role="timer">02:14:33 ${terms}</div>`)).toEqual([]);
    expect(flagged(`<div class="countdown" aria-live="off">02:14:33 ${terms}</div>`)).toEqual([]);
  });

  it('accepts a static end date in the CTA group next to the timer', () => {
    expect(
      flagged(
        '<div data-cta-group><p>Sale ends on 31 December</p><div data-cta-countdown="2099-12-31T23:59:00+01:00" role="timer">02:14:33</div></div>',
      ),
    ).toEqual([]);
  });

  it('flags digits with no readable end date', () => {
    expect(
      flagged('<section><h2>Flash sale</h2><div class="countdown" role="timer">02:14:33</div></section>')[0],
    ).toContain('only changing digits');
  });
});
