import { visibleText } from '../dom.ts';
import { hasDate, hasTimeZone } from '../text/dates.ts';
import type { Rule } from '../types.ts';
import { countdownsOf } from './support/countdown.ts';
import { pageVisibleText } from './support/visible.ts';

export const countdownNoTerms: Rule = {
  meta: {
    id: 'countdown-no-terms',
    severity: 'warning',
    category: 'honesty',
    description: 'A countdown with no visible end date and time zone on the page.',
    rationale:
      'Ticking digits alone cannot be checked: visitors need to read when the offer ends, and where ("31 December ' +
      '2026, 23:59 CET"), to trust it and to plan. A visible date also survives when scripts fail. Sources: EU UCPD ' +
      'Art 7 (material information) and Annex I No 7; FTC staff report "Bringing Dark Patterns to Light" (2022).',
    examples: {
      fail: [
        '<div class="countdown">02:14:33</div>',
        '<div data-cta-countdown="2099-12-31T23:59:00+01:00" data-cta-on-expire="hide" role="timer">Ends <time datetime="2099-12-31T23:59:00+01:00">31 December 2099</time></div>',
      ],
      pass: [
        '<div data-cta-countdown="2099-12-31T23:59:00+01:00" data-cta-on-expire="hide" role="timer">Offer ends <time datetime="2099-12-31T23:59:00+01:00">31 December 2099, 23:59 CET</time></div>',
        '<div lang="de" data-cta-countdown="2099-12-31T23:59:00+01:00" data-cta-on-expire="hide" role="timer">Angebot endet am <time datetime="2099-12-31T23:59:00+01:00">31. Dezember 2099, 23:59 MEZ</time></div>',
      ],
    },
    messages: {
      noTerms:
        'This countdown shows no {missing}: visitors cannot tell when the offer really ends. Show it in ' +
        'text next to the timer, e.g. "Offer ends 31 December 2026, 23:59 CET" (inside <time ' +
        'datetime="2026-12-31T23:59:00+01:00">).',
    },
  },
  check(page, report) {
    // A hidden countdown shows no terms because it shows nothing.
    const countdowns = countdownsOf(page).filter((countdown) => !countdown.hidden && !countdown.showsEnded);
    if (countdowns.length === 0) return;
    const pageText = pageVisibleText(page);
    // The terms may be in the fine print rather than next to the timer: anywhere visible on the page counts.
    const pageHasTerms = hasDate(pageText) && hasTimeZone(pageText);
    for (const countdown of countdowns) {
      const own = visibleText(countdown.element);
      if (pageHasTerms || (hasDate(own) && hasTimeZone(own))) continue;
      const missing = hasDate(pageText) || hasDate(own) ? 'time zone for its end date' : 'end date with time zone';
      report({
        element: countdown.element,
        messageId: 'noTerms',
        data: { missing },
      });
    }
  },
};
