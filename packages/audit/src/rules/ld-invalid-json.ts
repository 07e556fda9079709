import type { Rule } from '../types.ts';
import { jsonLdOf } from './support/jsonld.ts';

export const ldInvalidJson: Rule = {
  meta: {
    id: 'ld-invalid-json',
    severity: 'error',
    category: 'structured-data',
    description: 'A <script type="application/ld+json"> block that is empty or not valid JSON.',
    rationale:
      'Search engines drop a JSON-LD block that does not parse, silently: the rich result (stars, price, FAQ) it was ' +
      'written for never appears. The audit reads every block and reports the parse error instead of skipping it. ' +
      'Source: Google Search Central, "Structured data general guidelines"; JSON-LD 1.1.',
    examples: {
      fail: [
        '<script type="application/ld+json">{ "@context": "https://schema.org", "@type": "Product", "name": "Acme", }</script>',
      ],
      pass: [
        '<script type="application/ld+json">{ "@context": "https://schema.org", "@type": "Product", "name": "Acme" }</script>',
      ],
    },
    messages: {
      invalid:
        'This JSON-LD block {problem}, so search engines ignore all of it. Fix the JSON (trailing commas, ' +
        'unquoted keys and comments are not allowed) or generate it with JSON.stringify.',
    },
  },
  check(page, report) {
    for (const error of jsonLdOf(page).errors) {
      report({
        element: error.script,
        messageId: 'invalid',
        data: { problem: error.message },
      });
    }
  },
};
