import { attr } from '../dom.ts';
import { normalizeCtaText } from '../text/generic-phrases.ts';
import type { Rule } from '../types.ts';

/** True when `words` appears in `text` as whole words (both normalised). */
function containsPhrase(text: string, words: string): boolean {
  return ` ${text} `.includes(` ${words} `);
}

export const ctaLabelInName: Rule = {
  meta: {
    id: 'cta-label-in-name',
    severity: 'warning',
    category: 'accessibility',
    description: 'A CTA whose aria-label or aria-labelledby does not contain the text shown on it.',
    rationale:
      'Speech-input users say what they see ("click Start free trial"); if the accessible name is something else, ' +
      'the command fails, and screen-reader users hear words that do not match the screen. Source: WCAG 2.2 SC 2.5.3 ' +
      'Label in Name (Level A); the Understanding document advises starting the name with the visible text.',
    examples: {
      fail: [
        '<a class="btn" href="/signup" aria-label="Create an account">Start free trial</a>',
        '<button type="button" aria-label="Subscribe">Get updates</button>',
      ],
      pass: [
        '<a class="btn" href="/signup" aria-label="Start free trial of Acme Pro">Start free trial</a>',
        '<a class="btn" href="/signup">Start free trial<span class="sr-only"> of Acme Pro</span></a>',
        '<a class="btn" href="/cart" aria-label="View cart">🛒</a>',
      ],
    },
    messages: {
      labelNotInName:
        'The visible text "{visible}" is not part of the accessible name "{name}", so voice commands ' +
        'using what people see fail. Start the aria-label with the visible text (e.g. ' +
        'aria-label="{visible} …") or remove the aria-label.',
    },
  },
  check(page, report) {
    for (const cta of page.ctas) {
      if (!attr(cta.element, 'aria-label') && !attr(cta.element, 'aria-labelledby')) continue;
      const visible = normalizeCtaText(cta.visibleText);
      // Icons and symbols have no words to speak; cta-name judges those.
      if (!visible) continue;
      const name = normalizeCtaText(cta.name);
      if (containsPhrase(name, visible)) continue;
      report({
        element: cta.element,
        messageId: 'labelNotInName',
        data: { visible: cta.visibleText, name: cta.name },
      });
    }
  },
};
