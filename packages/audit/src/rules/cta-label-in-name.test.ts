import { describe, expect, it } from 'vitest';
import { ctaLabelInName } from './cta-label-in-name.ts';
import { messagesFor } from './support/test-helpers.ts';

const flagged = (snippet: string) => messagesFor(ctaLabelInName, snippet);

describe('cta-label-in-name', () => {
  it('accepts a label that contains the visible words, ignoring case, punctuation and arrows', () => {
    expect(flagged('<a class="btn" href="/s" aria-label="start free trial — Acme Pro">Start free trial →</a>')).toEqual(
      [],
    );
    expect(flagged('<a class="btn" href="/s" aria-label="Acme: Start free trial">Start free trial</a>')).toEqual([]);
  });

  it('matches whole words only: "Start" is not in "Restart"', () => {
    expect(flagged('<button type="button" aria-label="Restart the tour">Start</button>')).toHaveLength(1);
  });

  it('reads aria-labelledby like a screen reader', () => {
    expect(
      flagged('<span id="n">Create an account</span><a class="btn" href="/s" aria-labelledby="n">Start free trial</a>'),
    ).toHaveLength(1);
    expect(
      flagged(
        '<span id="n">Start free trial of Acme</span><a class="btn" href="/s" aria-labelledby="n">Start free trial</a>',
      ),
    ).toEqual([]);
  });

  it('ignores CTAs without an aria-label and icon-only CTAs', () => {
    expect(flagged('<a class="btn" href="/s">Start free trial</a>')).toEqual([]);
    expect(flagged('<a class="btn" href="/cart" aria-label="View cart"><svg/></a>')).toEqual([]);
  });

  it('compares visible text only: visually hidden words may extend the name', () => {
    expect(
      flagged(
        '<a class="btn" href="/s" aria-label="Read the pricing guide">Read<span class="sr-only"> more about pricing</span></a>',
      ),
    ).toEqual([]);
  });

  it('says which text is missing from which name', () => {
    expect(flagged('<a class="btn" href="/s" aria-label="Create an account">Start free trial</a>')[0]).toContain(
      '"Start free trial" is not part of the accessible name "Create an account"',
    );
  });
});
