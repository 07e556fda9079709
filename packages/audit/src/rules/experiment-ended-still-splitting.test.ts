import { describe, expect, it } from 'vitest';
import { experimentEndedStillSplitting } from './experiment-ended-still-splitting.ts';
import { armCta, choiceMarkup, messagesFor } from './support/test-helpers.ts';

const NOW = new Date('2026-11-30T12:00:00Z');
const flagged = (wrapperAttrs: string, now = NOW) =>
  messagesFor(
    experimentEndedStillSplitting,
    choiceMarkup(
      'experiment',
      'hero-copy',
      ['A', 'B'].map((arm) => ({
        arm,
        html: armCta({ id: 'hero', href: '/signup', text: `Start ${arm}`, experiment: 'hero-copy', arm }),
      })),
      wrapperAttrs,
    ),
    { site: { now } },
  );

describe('experiment-ended-still-splitting', () => {
  it('flags an experiment whose end is before the audit’s now and that names no winner', () => {
    const [message] = flagged('data-cta-ends="2026-11-30T12:59:00+01:00"');
    expect(message).toContain('"hero-copy" ended on 2026-11-30T12:59:00+01:00');
    expect(message).toContain('winner="A"');
    expect(flagged('data-cta-ends="2026-11-30T12:59:00+01:00" data-cta-winner=" "')).toHaveLength(1);
  });

  it('judges by the audit’s now, the build time by default', () => {
    expect(flagged('data-cta-ends="2026-12-01T00:00:00+01:00"')).toEqual([]);
    expect(flagged('data-cta-ends="2026-12-01T00:00:00+01:00"', new Date('2026-12-02T00:00:00Z'))).toHaveLength(1);
  });

  it('accepts an ended experiment with a winner, one without an end, and leaves an invalid end to choice-invalid', () => {
    expect(flagged('data-cta-ends="2026-01-01T00:00:00+01:00" data-cta-winner="B"')).toEqual([]);
    expect(flagged('')).toEqual([]);
    expect(flagged('data-cta-ends="2026-01-01"')).toEqual([]);
  });
});
