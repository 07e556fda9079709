import type { Element } from 'domhandler';
import { attr, closestAncestor, visibleText } from '../dom.ts';
import { hasDate, parseDeadline } from '../text/dates.ts';
import type { Rule } from '../types.ts';
import { countdownScope, countdownsOf } from './support/countdown.ts';
import { subtree } from './support/elements.ts';

/** Roles that are live regions by default (role=timer is aria-live="off" by default, which is right). */
const LIVE_ROLES = new Set(['status', 'alert', 'log', 'marquee']);

function liveMode(element: Element): string | undefined {
  const live = attr(element, 'aria-live')?.trim().toLowerCase();
  if (live) return live === 'off' ? undefined : live;
  const role = attr(element, 'role');
  return role && LIVE_ROLES.has(role) ? `role=${role}` : undefined;
}

export const countdownA11y: Rule = {
  meta: {
    id: 'countdown-a11y',
    severity: 'warning',
    category: 'accessibility',
    description:
      'A ticking countdown inside a live region (announced every second), or with no static end date to read.',
    rationale:
      'A timer in aria-live="polite" or "assertive" (or role=status/alert) is read out at every tick and drowns out ' +
      'everything else; role="timer" is live "off" by default, which is right (w3c/aria #821, hmrc-frontend #78). ' +
      'Screen-reader users need a static end date rather than changing digits, and WCAG 2.2 SC 2.2.2 asks that ' +
      'auto-updating content can be paused, stopped or hidden. Source: WCAG 2.2 SC 2.2.2 and 4.1.3.',
    examples: {
      fail: [
        '<div aria-live="polite" data-cta-countdown="2099-12-31T23:59:00+01:00" data-cta-on-expire="hide">Ends <time datetime="2099-12-31T23:59:00+01:00">31 December 2099, 23:59 CET</time></div>',
        '<div class="countdown" role="timer">02:14:33</div>',
      ],
      pass: [
        '<div data-cta-countdown="2099-12-31T23:59:00+01:00" data-cta-on-expire="hide" role="timer">Offer ends <time datetime="2099-12-31T23:59:00+01:00">31 December 2099, 23:59 CET</time></div>',
        '<p>Sale ends 31 December 2099, 23:59 CET.</p><div class="countdown" role="timer" aria-hidden="true">02:14:33</div>',
      ],
    },
    messages: {
      liveRegion:
        'This countdown is inside a live region ({live}), so screen readers announce every tick. Remove ' +
        'aria-live from it (role="timer" alone is quiet) and announce only the static end date.',
      noEndDate:
        'This countdown has only changing digits: screen-reader users get no end date they can read. Put ' +
        'the end date next to it as text in a <time datetime="…"> (e.g. "Ends 31 December 2026, 23:59 ' +
        'CET") and hide the ticking digits with aria-hidden="true".',
    },
  },
  check(page, report) {
    for (const countdown of countdownsOf(page)) {
      if (countdown.hidden) continue;
      const liveHolder =
        closestAncestor(countdown.element, (el) => liveMode(el) !== undefined) ??
        subtree(countdown.element).find((el) => liveMode(el) !== undefined);
      if (liveHolder) {
        report({
          element: countdown.element,
          messageId: 'liveRegion',
          data: { live: String(liveMode(liveHolder)) },
        });
        continue;
      }
      const absoluteTime = countdown.times.some((time) => {
        const kind = parseDeadline(attr(time, 'datetime') ?? '').kind;
        return kind === 'absolute' || kind === 'floating';
      });
      if (absoluteTime || hasDate(visibleText(countdownScope(countdown)))) continue;
      report({
        element: countdown.element,
        messageId: 'noEndDate',
      });
    }
  },
};
