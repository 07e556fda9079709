import { describe, expect, it } from 'vitest';
import { countdownExpired } from './countdown-expired.ts';
import { messagesFor } from './support/test-helpers.ts';

const now = new Date('2026-06-15T12:00:00Z');
const flagged = (snippet: string) => messagesFor(countdownExpired, snippet, { site: { now } });
const kit = (deadline: string, onExpire = 'hide') =>
  `<div data-cta-countdown="${deadline}" data-cta-on-expire="${onExpire}" role="timer"><time datetime="${deadline}">…</time></div>`;

describe('countdown-expired', () => {
  it('compares the deadline with the audit’s "now", offset included', () => {
    expect(flagged(kit('2026-06-15T13:59:00+02:00'))[0]).toContain('is before the build time 2026-06-15T12:00:00.000Z');
    expect(flagged(kit('2026-06-15T14:01:00+02:00'))).toEqual([]);
  });

  it('reads the deadline from a <time datetime> or a countdown script’s data attribute in hand-written markup', () => {
    expect(
      flagged(
        '<div class="countdown" data-cta-on-expire="hide">Ends <time datetime="2026-01-01T00:00:00Z">1 Jan 2026</time></div>',
      ),
    ).toHaveLength(1);
    expect(
      flagged('<div class="deal-timer" data-deadline="2026-05-01T00:00:00Z" data-cta-on-expire="hide">…</div>'),
    ).toHaveLength(1);
    expect(flagged('<div id="countdown" data-end-date="1767225600" data-cta-on-expire="hide">…</div>')).toHaveLength(1);
  });

  it('treats a deadline without offset as expired only once it has passed in every time zone', () => {
    expect(flagged(kit('2026-06-15T10:00:00'))).toEqual([]);
    expect(flagged(kit('2026-06-14T23:00:00'))).toHaveLength(1);
  });

  it('asks for an expiry behaviour, and rejects unknown ones', () => {
    expect(flagged('<div data-cta-countdown="2099-01-01T00:00:00Z" role="timer">…</div>')[0]).toContain(
      'data-cta-on-expire="hide"',
    );
    expect(flagged(kit('2099-01-01T00:00:00Z', 'reset'))[0]).toContain('"reset" is not a known behaviour');
  });

  it('takes data-cta-on-expire from the group around the countdown', () => {
    expect(
      flagged(
        '<div data-cta-group data-cta-on-expire="disable-cta"><div data-cta-countdown="2099-01-01T00:00:00Z">…</div></div>',
      ),
    ).toEqual([]);
  });

  it('leaves timers without a deadline to countdown-evergreen', () => {
    expect(flagged('<div class="countdown">02:14:33</div>')).toEqual([]);
  });
});
