import type { Rule } from '../types.ts';
import { attr } from '../dom.ts';
import { isGenericText } from '../text/generic-phrases.ts';

export const ctaGenericText: Rule = {
  meta: {
    id: 'cta-generic-text',
    severity: 'warning',
    category: 'copy',
    description: 'A CTA whose text says nothing about where it leads or what it does ("Click here", "Learn more").',
    rationale:
      'Screen-reader users often list links and buttons out of context; "Learn more" five times tells them ' +
      'nothing (WCAG 2.4.4, failure F84). Lighthouse flags the same phrases, but only on exact matches and only ' +
      'for links; this rule also ignores case, punctuation, arrows and emoji, checks buttons, and accepts ' +
      'visually hidden text or aria-describedby that adds the missing context.',
    examples: {
      fail: ['<a class="button" href="/pricing">Learn more →</a>', '<button type="button">Click here!</button>', '<a class="btn" href="/a" lang="de">Hier klicken</a>'],
      pass: [
        '<a class="button" href="/pricing">See pricing plans</a>',
        '<a class="button" href="/pricing">Learn more<span class="sr-only"> about pricing</span></a>',
        '<a class="button" href="/pricing" aria-describedby="p">Learn more</a><p id="p">Pricing for teams</p>',
      ],
    },
  },
  check(page, report) {
    for (const cta of page.ctas) {
      if (attr(cta.element, 'aria-describedby')) continue;
      const lang = attr(cta.element, 'lang') ?? page.lang;
      // The accessible name is what a screen reader announces; visually hidden context makes it specific.
      if (isGenericText(cta.name, lang)) {
        report({
          element: cta.element,
          message: `CTA text "${cta.visibleText || cta.name}" is generic: say what happens, e.g. "Start your free trial" or "See pricing plans".`,
        });
      }
    }
  },
};
