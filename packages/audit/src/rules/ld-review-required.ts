import type { Rule } from '../types.ts';
import { hasValue, isObject, type JsonObject, jsonLdOf, type LdNode, resolve } from './support/jsonld.ts';

/** Google's limit for a review author's name. */
const MAX_AUTHOR_NAME = 100;

function authorProblem(author: unknown, byId: ReadonlyMap<string, JsonObject>): string | undefined {
  const value = resolve(author, byId);
  if (!hasValue(value)) return 'author';
  const name = typeof value === 'string' ? value : isObject(value) ? value.name : undefined;
  if (typeof name !== 'string' || name.trim() === '') return 'author.name';
  if (name.trim().length >= MAX_AUTHOR_NAME)
    return `author.name under ${MAX_AUTHOR_NAME} characters (it has ${name.trim().length})`;
  return undefined;
}

function missingFields(ld: LdNode, byId: ReadonlyMap<string, JsonObject>): string[] {
  const { node, types, parent } = ld;
  const missing: string[] = [];
  // Nested in the thing it rates (Product.aggregateRating), the item reviewed is implicit.
  const needsItem = !parent && !hasValue(node.itemReviewed);
  if (types.includes('Review')) {
    const author = authorProblem(node.author, byId);
    if (author) missing.push(author);
    const rating = resolve(node.reviewRating, byId);
    if (!isObject(rating) || !hasValue(rating.ratingValue)) missing.push('reviewRating.ratingValue');
    if (needsItem) missing.push('itemReviewed');
  } else if (types.some((type) => type === 'AggregateRating' || type === 'EmployerAggregateRating')) {
    if (!hasValue(node.ratingValue)) missing.push('ratingValue');
    if (!hasValue(node.ratingCount) && !hasValue(node.reviewCount)) missing.push('ratingCount or reviewCount');
    if (needsItem) missing.push('itemReviewed');
  }
  return missing;
}

/** A JSON snippet that fills the first missing field. */
function exampleFor(field: string): string {
  if (field.startsWith('author')) return '"author": { "@type": "Person", "name": "Jane Doe" }';
  if (field === 'reviewRating.ratingValue') return '"reviewRating": { "@type": "Rating", "ratingValue": 5 }';
  if (field === 'itemReviewed') return '"itemReviewed": { "@type": "Product", "name": "Acme" }';
  if (field === 'ratingValue') return '"ratingValue": 4.8';
  return '"reviewCount": 212';
}

export const ldReviewRequired: Rule = {
  meta: {
    id: 'ld-review-required',
    severity: 'error',
    category: 'structured-data',
    description: 'A JSON-LD Review or AggregateRating missing a field Google requires.',
    rationale:
      'Google shows review stars only when the required properties are present: a Review needs author (a name under ' +
      '100 characters), reviewRating.ratingValue and itemReviewed; an AggregateRating needs ratingValue, ratingCount ' +
      'or reviewCount, and itemReviewed (implicit when nested in the rated item). Source: Google Search Central, ' +
      '"Review snippet" structured data documentation.',
    examples: {
      fail: [
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Acme","aggregateRating":{"@type":"AggregateRating","ratingValue":"4.8"}}</script><p>Rated 4.8</p>',
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Review","reviewRating":{"@type":"Rating","ratingValue":5},"itemReviewed":{"@type":"Product","name":"Acme"}}</script>',
      ],
      pass: [
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Acme","aggregateRating":{"@type":"AggregateRating","ratingValue":"4.8","reviewCount":"212"}}</script><p>Rated 4.8 out of 5 from 212 reviews</p>',
      ],
    },
    messages: {
      missingFields:
        'This JSON-LD {type} lacks {missing}, so Google will not show review stars for it. Add {pronoun} ' +
        'to the {type} object (e.g. {example}), or remove the {type} if the page has no such data.',
    },
  },
  check(page, report) {
    const { nodes, byId } = jsonLdOf(page);
    for (const ld of nodes) {
      const missing = missingFields(ld, byId);
      if (missing.length === 0) continue;
      const type = ld.types.join('/');
      report({
        element: ld.script,
        messageId: 'missingFields',
        data: {
          type,
          missing: missing.join(', '),
          pronoun: missing.length > 1 ? 'them' : 'it',
          example: exampleFor(missing[0]!),
        },
      });
    }
  },
};
