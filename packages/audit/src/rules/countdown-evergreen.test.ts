import { describe, expect, it } from 'vitest';
import { countdownEvergreen } from './countdown-evergreen.ts';
import { messagesFor } from './support/test-helpers.ts';

const flagged = (snippet: string) => messagesFor(countdownEvergreen, snippet);

describe('countdown-evergreen', () => {
  it('flags hand-written timers with only ticking digits', () => {
    expect(flagged('<div class="countdown">02:14:33</div>')[0]).toContain('no deadline in the markup');
    expect(flagged('<span id="offer-timer">2h 14m</span>')).toHaveLength(1);
    expect(flagged('<div role="timer">14:59</div>')).toHaveLength(1);
  });

  it('flags duration settings and ISO durations', () => {
    expect(
      flagged('<div class="countdown" data-minutes="15" data-deadline="2099-01-01T00:00:00Z">…</div>')[0],
    ).toContain('data-minutes');
    expect(flagged('<div data-cta-countdown="PT2H">…</div>')[0]).toContain('is a duration');
    expect(flagged('<div data-evergreen="true">…</div>')).toHaveLength(1);
  });

  it('flags a deadline without time zone offset and suggests one', () => {
    expect(flagged('<div data-cta-countdown="2099-12-31">…</div>')[0]).toContain('2099-12-31T23:59:00+01:00');
    expect(flagged('<div class="countdown"><time datetime="2099-12-31T23:59">…</time></div>')).toHaveLength(1);
  });

  it('flags an unreadable deadline', () => {
    expect(flagged('<div data-cta-countdown="next Friday">…</div>')[0]).toContain('not an ISO 8601');
  });

  it('accepts absolute deadlines with Z, ±hh:mm, ±hhmm or a Unix timestamp', () => {
    for (const deadline of [
      '2099-12-31T23:59:00Z',
      '2099-12-31T23:59:00-05:00',
      '2099-12-31T23:59:00+0100',
      '4102444800',
    ]) {
      expect(flagged(`<div data-cta-countdown="${deadline}">…</div>`), deadline).toEqual([]);
    }
  });

  it('counts one countdown once, not each of its digits', () => {
    expect(
      flagged(
        '<div class="countdown"><span class="countdown__hours">02</span>:<span class="countdown__minutes">14</span></div>',
      ),
    ).toHaveLength(1);
  });

  it('does not take a toast provider for a timer: its data-duration is how long a message shows', () => {
    expect(
      flagged('<div class="toast-provider" role="log" aria-label="Notifications" data-duration="5000"></div>'),
    ).toEqual([]);
    expect(flagged('<div class="snackbar" data-duration="4000"></div>')).toEqual([]);
    expect(flagged('<div class="promo" data-duration="900">…</div>')).toHaveLength(1);
  });

  it('does not take ordinary words for timers', () => {
    expect(
      flagged('<p class="timeline">2019: founded</p><div class="time-table">Opening hours 09:00–17:00</div>'),
    ).toEqual([]);
  });
});
