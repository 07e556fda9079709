import { attr } from '../dom.ts';
import { isDefaultSubmitText } from '../text/submit-words.ts';
import type { Rule } from '../types.ts';

export const ctaDefaultSubmit: Rule = {
  meta: {
    id: 'cta-default-submit',
    severity: 'warning',
    category: 'copy',
    description: 'A form button left with the browser default label or a bare "Submit", "Send", "OK" or "Go".',
    rationale:
      'A submit button is often the page’s main CTA; "Submit" says neither what happens nor what people get. An ' +
      '<input type="submit"> without value shows the browser’s default ("Submit", "Senden"…), which also differs ' +
      'per browser language. Source: GOV.UK Design System, Button component ("use a verb that describes the action", ' +
      'e.g. "Save and continue"); convention.',
    examples: {
      fail: [
        '<form action="/subscribe"><input type="email" name="email" aria-label="Email"><input type="submit"></form>',
        '<form action="/subscribe"><input type="email" name="email" aria-label="Email"><button>Submit</button></form>',
        '<form action="/kontakt"><textarea name="m" aria-label="Nachricht"></textarea><button type="submit">Absenden</button></form>',
      ],
      pass: [
        '<form action="/subscribe"><input type="email" name="email" aria-label="Email"><button>Get the weekly newsletter</button></form>',
        '<form action="/subscribe"><input type="submit" value="Send my free guide"></form>',
      ],
    },
    messages: {
      noValue:
        'This submit button has no value, so it shows the browser’s default label ("Submit", or "Senden" ' +
        'in a German browser). Give it a value that says what happens, e.g. value="Get the free guide".',
      defaultText:
        'The form button says only "{label}". Say what happens when it is pressed, e.g. "Subscribe to the ' +
        'newsletter" or "Send my request".',
    },
  },
  check(page, report) {
    for (const cta of page.ctas) {
      if (cta.kind !== 'submit') continue;
      const isInput = cta.element.name === 'input';
      if (isInput && (attr(cta.element, 'type') ?? '').toLowerCase() === 'image') continue;
      if (isInput && !attr(cta.element, 'value')?.trim() && !attr(cta.element, 'aria-label')?.trim()) {
        report({
          element: cta.element,
          messageId: 'noValue',
        });
        continue;
      }
      const label = cta.visibleText || cta.name;
      if (isDefaultSubmitText(label)) {
        report({
          element: cta.element,
          messageId: 'defaultText',
          data: { label },
        });
      }
    }
  },
};
