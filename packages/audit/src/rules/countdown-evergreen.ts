import type { Rule } from '../types.ts';
import { countdownsOf } from './support/countdown.ts';

export const countdownEvergreen: Rule = {
  meta: {
    id: 'countdown-evergreen',
    severity: 'error',
    category: 'honesty',
    description:
      'A countdown without an absolute deadline: a duration, a per-visitor start, or a date without time zone offset.',
    rationale:
      'A timer that counts down from "2 hours" for every visitor, or restarts on reload, announces a deadline that does ' +
      'not exist. Mathur et al. (2019, "Dark Patterns at Scale") found 157 deceptive countdowns on 140 sites; the EU ' +
      'consumer sweep found fake timers in 42 of 399 shops; EU UCPD Annex I No 7 and the FTC (2022) treat false ' +
      'urgency as deceptive. A deadline without a UTC offset ends at a different moment for each visitor’s time zone. ' +
      'Give an ISO 8601 date-time with offset in data-cta-countdown, e.g. 2026-12-31T23:59:00+01:00.',
    examples: {
      fail: [
        '<div class="countdown">02:14:33</div>',
        '<div class="countdown" data-duration="7200">Offer ends in <span>02:00:00</span></div>',
        '<div data-cta-countdown="2099-12-31T23:59" data-cta-on-expire="hide">Ends <time datetime="2099-12-31T23:59">31 Dec 2099</time></div>',
      ],
      pass: [
        '<div data-cta-countdown="2099-12-31T23:59:00+01:00" data-cta-on-expire="hide" role="timer">Offer ends <time datetime="2099-12-31T23:59:00+01:00">31 December 2099, 23:59 CET</time></div>',
        '<h2 id="adding-a-countdown">Adding a countdown</h2><p>Give every countdown an absolute deadline.</p>',
      ],
    },
    messages: {
      duration:
        'This countdown is set by a duration ({attribute}), so it starts again for every visitor: a ' +
        'deadline that does not exist. Count down to one absolute moment instead: ' +
        'data-cta-countdown="2026-12-31T23:59:00+01:00".',
      noDeadline:
        'This countdown has no deadline in the markup (no data-cta-countdown, no <time datetime>), so ' +
        'nothing shows it ends at a real moment; timers like this usually restart per visitor. Give it an ' +
        'absolute deadline: data-cta-countdown="2026-12-31T23:59:00+01:00" with a <time datetime> inside.',
      durationDeadline:
        'This countdown\'s deadline "{deadline}" is a duration, not a moment, so it restarts for every ' +
        'visitor. Use an ISO 8601 date-time with offset, e.g. 2026-12-31T23:59:00+01:00.',
      noOffset:
        'This countdown\'s deadline "{deadline}" has no time zone offset, so it ends at a different moment ' +
        "in each visitor's time zone (and Safari may read it differently). Add the offset, e.g. " +
        '"{example}".',
      invalid:
        'This countdown\'s deadline "{deadline}" ({from}) is not an ISO 8601 date-time. Write it like ' +
        '2026-12-31T23:59:00+01:00.',
    },
  },
  check(page, report) {
    for (const countdown of countdownsOf(page)) {
      const { deadline } = countdown;
      if (countdown.durationAttribute) {
        report({
          element: countdown.element,
          messageId: 'duration',
          data: { attribute: countdown.durationAttribute },
        });
      } else if (!deadline) {
        report({
          element: countdown.element,
          messageId: 'noDeadline',
        });
      } else if (deadline.kind === 'duration') {
        report({
          element: countdown.element,
          messageId: 'durationDeadline',
          data: { deadline: String(countdown.deadlineText) },
        });
      } else if (deadline.kind === 'floating') {
        const written = countdown.deadlineText ?? '';
        const example = `${written.length <= 10 ? `${written}T23:59:00` : written}+01:00`;
        report({
          element: countdown.element,
          messageId: 'noOffset',
          data: { deadline: written, example },
        });
      } else if (deadline.kind === 'invalid') {
        report({
          element: countdown.element,
          messageId: 'invalid',
          data: { deadline: String(countdown.deadlineText), from: String(countdown.deadlineFrom) },
        });
      }
    }
  },
};
