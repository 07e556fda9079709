import { normalizeCtaText } from '../text/generic-phrases.ts';
import type { Rule } from '../types.ts';

export const ctaName: Rule = {
  meta: {
    id: 'cta-name',
    severity: 'error',
    category: 'accessibility',
    description: 'A CTA with no accessible name, or a name made only of symbols (an icon-only link or button).',
    rationale:
      'Without a name a screen reader announces just "link" or "button", and voice-control users cannot say what to ' +
      'click. Source: WCAG 2.2 SC 4.1.2 Name, Role, Value and 2.4.4 Link Purpose; axe-core rules button-name and ' +
      'link-name. A name of only "→" or an emoji is read as a symbol name ("right arrow"), which says no more.',
    examples: {
      fail: [
        '<a class="button" href="/cart"><svg viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg></a>',
        '<button type="button" class="btn"><img src="/icons/next.svg" alt=""></button>',
        '<a class="btn" href="/next">→</a>',
      ],
      pass: [
        '<a class="button" href="/cart" aria-label="View your cart"><svg viewBox="0 0 24 24" aria-hidden="true"><path d="M0 0h24v24H0z"/></svg></a>',
        '<button type="button" class="btn"><img src="/icons/next.svg" alt="Next step: payment"></button>',
        '<a class="btn" href="/signup">Create your account <span aria-hidden="true">→</span></a>',
      ],
    },
    messages: {
      noName:
        'This {kind} has no accessible name, so screen readers announce only "{kind}". Add visible text, ' +
        'an aria-label (e.g. aria-label="View your cart"), or alt text on its image.',
      symbolOnly:
        'This CTA\'s only name is "{name}", a symbol that says nothing about where it leads. Give it ' +
        'words, e.g. "Next: payment", and mark the symbol aria-hidden="true".',
    },
  },
  check(page, report) {
    for (const cta of page.ctas) {
      if (cta.name === '') {
        report({
          element: cta.element,
          messageId: 'noName',
          data: { kind: cta.kind === 'link' ? 'link' : 'button' },
        });
      } else if (normalizeCtaText(cta.name) === '') {
        report({
          element: cta.element,
          messageId: 'symbolOnly',
          data: { name: cta.name },
        });
      }
    }
  },
};
