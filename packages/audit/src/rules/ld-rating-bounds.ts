import type { Rule } from '../types.ts';
import { jsonLdOf, numberOf } from './support/jsonld.ts';

const RATED = new Set(['Rating', 'AggregateRating', 'EmployerAggregateRating']);

export const ldRatingBounds: Rule = {
  meta: {
    id: 'ld-rating-bounds',
    severity: 'error',
    category: 'structured-data',
    description:
      'A JSON-LD rating outside its scale (worstRating to bestRating, 1 to 5 by default), a scale upside down, or a count of zero.',
    rationale:
      'A 4.9 on a scale that ends at 4, or an aggregate of zero reviews, is wrong data: Google rejects it, and shown ' +
      'on the page it misleads. schema.org defaults the scale to 1–5 when worstRating and bestRating are absent. ' +
      'Source: Google Search Central, "Review snippet"; schema.org Rating.',
    examples: {
      fail: [
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Acme","aggregateRating":{"@type":"AggregateRating","ratingValue":9.2,"reviewCount":40}}</script>',
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Acme","aggregateRating":{"@type":"AggregateRating","ratingValue":4.5,"ratingCount":0}}</script>',
      ],
      pass: [
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Acme","aggregateRating":{"@type":"AggregateRating","ratingValue":9.2,"bestRating":10,"reviewCount":40}}</script>',
      ],
    },
    messages: {
      badScale:
        'This {type} has bestRating {best} not above worstRating {worst}. Set the scale the rating uses, ' +
        'e.g. "worstRating": 1, "bestRating": 5.',
      notANumber:
        'This {type} has ratingValue {value}, which is not a number. Write it as a number, e.g. ' +
        '"ratingValue": 4.8.',
      outOfScale:
        'This {type} has ratingValue {value}, outside its scale {worst}–{best}{defaults}. Fix the value, ' +
        'or declare the scale it uses, e.g. "bestRating": 10.',
      zeroCount:
        'This {type} has {field} {count}: a rating of nothing. Remove the aggregateRating until there are ' +
        'reviews to count.',
    },
  },
  check(page, report) {
    for (const { node, types, script } of jsonLdOf(page).nodes) {
      if (!types.some((type) => RATED.has(type))) continue;
      const worst = numberOf(node.worstRating) ?? 1;
      const best = numberOf(node.bestRating) ?? 5;
      const value = numberOf(node.ratingValue);
      const type = types.join('/');
      if (best <= worst) {
        report({
          element: script,
          messageId: 'badScale',
          data: { type, best, worst },
        });
        continue;
      }
      if (node.ratingValue !== undefined && value === undefined) {
        report({
          element: script,
          messageId: 'notANumber',
          data: { type, value: JSON.stringify(node.ratingValue) },
        });
      } else if (value !== undefined && (value < worst || value > best)) {
        const defaults = node.bestRating === undefined ? ' (bestRating defaults to 5)' : '';
        report({
          element: script,
          messageId: 'outOfScale',
          data: { type, value, worst, best, defaults },
        });
      }
      for (const field of ['ratingCount', 'reviewCount'] as const) {
        const count = numberOf(node[field]);
        if (count !== undefined && count <= 0) {
          report({
            element: script,
            messageId: 'zeroCount',
            data: { type, field, count },
          });
        }
      }
    }
  },
};
