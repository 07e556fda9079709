import { describe, expect, it } from 'vitest';
import { countdownNoTerms } from './countdown-no-terms.ts';
import { messagesFor } from './support/test-helpers.ts';

const flagged = (snippet: string) => messagesFor(countdownNoTerms, snippet);
const timer =
  '<div data-cta-countdown="2099-12-31T23:59:00+01:00" data-cta-on-expire="hide" role="timer">02:14:33</div>';

describe('countdown-no-terms', () => {
  it('accepts an end date with a time zone anywhere visible on the page', () => {
    expect(flagged(`${timer}<p class="fine-print">Offer valid until December 31, 2099, 11:59 pm EST.</p>`)).toEqual([]);
    expect(flagged(`${timer}<p>Ends 2099-12-31 23:59 (UTC+1)</p>`)).toEqual([]);
    expect(flagged(`${timer}<p>L’offre se termine le 31 décembre 2099 à 23h59, heure de Paris.</p>`)).toEqual([]);
    expect(flagged(`${timer}<p>Endet am 31.12.2099 um 23:59 Uhr (Europe/Berlin)</p>`)).toEqual([]);
  });

  it('flags a date without time zone, and says that the time zone is missing', () => {
    expect(flagged(`${timer}<p>Offer ends 31 December 2099</p>`)[0]).toContain('no time zone for its end date');
  });

  it('flags ticking digits alone', () => {
    expect(flagged('<div class="countdown">02:14:33</div>')[0]).toContain('no end date with time zone');
  });

  it('does not accept terms hidden from sighted visitors', () => {
    expect(
      flagged(
        `${timer}<p class="sr-only">Ends 31 December 2099, 23:59 CET</p><p hidden>Ends 31 December 2099, 23:59 CET</p>`,
      ),
    ).toHaveLength(1);
  });

  it('does not mistake the clock for a date or a time zone', () => {
    expect(flagged('<div class="countdown">12/31 — 02:14:33 left</div>')).toHaveLength(1);
  });
});
