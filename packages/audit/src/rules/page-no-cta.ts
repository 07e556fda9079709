import type { Rule } from '../types.ts';
import { closestAncestor } from '../dom.ts';

export const pageNoCta: Rule = {
  meta: {
    id: 'page-no-cta',
    severity: 'warning',
    category: 'structure',
    description: 'A page that should convert has no call to action in its main content.',
    rationale:
      'A landing page without a call to action leaves visitors with nothing to do next. Navigation, header and ' +
      'footer links do not count: they are on every page and are not what the page asks for.',
    examples: {
      fail: ['<h1>Our product</h1><p>It is great. <a href="/docs">Read the docs</a> to learn how.</p>'],
      pass: ['<h1>Our product</h1><a class="button" href="/signup">Start your free trial</a>'],
    },
  },
  check(page, report) {
    const main = page.main;
    if (page.ctas.some((cta) => main && closestAncestor(cta.element, (el) => el === main))) return;
    report({ message: 'This page has no call to action in its main content. Add a <CTA>, or exclude the page in the audit options if it is not meant to convert.' });
  },
};
