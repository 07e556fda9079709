import { COUNTDOWN_EXPIRE_MODES, COUNTDOWN_ON_EXPIRE } from '@astro-cta/contract';
import { FLOATING_SLACK_MS } from '../text/dates.ts';
import type { Rule } from '../types.ts';
import { countdownsOf } from './support/countdown.ts';

export const countdownExpired: Rule = {
  meta: {
    id: 'countdown-expired',
    severity: 'error',
    category: 'honesty',
    description:
      'A countdown whose deadline has already passed at build time, or that says nothing about what happens at zero.',
    rationale:
      'An offer "ending" on a date already gone is a false urgency claim; so is a timer that reaches zero while the ' +
      'offer goes on. The Dutch ACM (2023) found 41 webshop offers still on sale after the timer hit zero; EU UCPD ' +
      'Annex I No 7 bans falsely claiming an offer is available for a very limited time. Mathur et al. (2019) found ' +
      'timers that reset after zero on 140 shopping sites. Declare what happens at zero with data-cta-on-expire ' +
      '(hide, replace or disable-cta), and rebuild or remove the countdown once the deadline passed.',
    examples: {
      fail: [
        '<div data-cta-countdown="2020-01-31T23:59:00+01:00" data-cta-on-expire="hide" role="timer">Offer ends <time datetime="2020-01-31T23:59:00+01:00">31 January 2020, 23:59 CET</time></div>',
        '<div data-cta-countdown="2099-12-31T23:59:00+01:00" role="timer">Offer ends <time datetime="2099-12-31T23:59:00+01:00">31 December 2099, 23:59 CET</time></div>',
      ],
      pass: [
        '<div data-cta-countdown="2099-12-31T23:59:00+01:00" data-cta-on-expire="hide" role="timer">Offer ends <time datetime="2099-12-31T23:59:00+01:00">31 December 2099, 23:59 CET</time></div>',
      ],
    },
    messages: {
      expired:
        "This countdown's deadline {deadline} ({from}) is before the build time {now}: the page shows an " +
        'offer that has ended. Remove the countdown or set a new deadline, and rebuild.',
      noOnExpire:
        'This countdown does not say what happens when it reaches zero. Add data-cta-on-expire="hide" (or ' +
        '"replace", "disable-cta"), and make sure the offer really ends then; if your own script already ' +
        'does this, declare it with the same attribute.',
      unknownOnExpire: '{attribute}="{mode}" is not a known behaviour; use one of {modes}.',
    },
  },
  check(page, report, site) {
    for (const countdown of countdownsOf(page)) {
      const { deadline } = countdown;
      // Timers without a readable deadline are countdown-evergreen's findings.
      if (!deadline || (deadline.kind !== 'absolute' && deadline.kind !== 'floating')) continue;
      const passedAt =
        deadline.kind === 'floating' ? deadline.date.getTime() + FLOATING_SLACK_MS : deadline.date.getTime();
      if (passedAt < site.now.getTime()) {
        // Hidden, or showing "Offer ended": the page tells the truth about the deadline.
        if (countdown.hidden || countdown.showsEnded) continue;
        report({
          element: countdown.element,
          messageId: 'expired',
          data: {
            deadline: String(countdown.deadlineText),
            from: String(countdown.deadlineFrom),
            now: site.now.toISOString(),
          },
        });
        continue;
      }
      const mode = countdown.onExpire?.trim();
      if (mode === undefined || mode === '') {
        report({
          element: countdown.element,
          messageId: 'noOnExpire',
        });
      } else if (!(COUNTDOWN_EXPIRE_MODES as readonly string[]).includes(mode)) {
        report({
          element: countdown.element,
          messageId: 'unknownOnExpire',
          data: { attribute: COUNTDOWN_ON_EXPIRE, mode, modes: COUNTDOWN_EXPIRE_MODES.join(', ') },
        });
      }
    }
  },
};
