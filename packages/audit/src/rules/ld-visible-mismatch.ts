import { PROOF_KIND } from '@astro-cta/contract';
import { attr, collapse, visibleText } from '../dom.ts';
import type { Rule } from '../types.ts';
import { elementsOf } from './support/elements.ts';
import { isObject, jsonLdOf, numberOf, resolve } from './support/jsonld.ts';
import { pageVisibleText } from './support/visible.ts';

interface Shown {
  value: number;
  /** How precisely it is written: "4.8" → 0.1, "1.2k" → 100, "212" → 1. */
  step: number;
}

const NUMBER = /(\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+|\d+(?:[.,]\d+)?)\s*([kKmM](?![a-z]))?/gu;

/** Every number the page shows, in each reading a locale allows ("4,8" is 4.8; "2,431" is 2431 or 2.431). */
function shownNumbers(text: string): Shown[] {
  const shown: Shown[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const [, digits, suffix] = match;
    const scale = suffix ? (suffix.toLowerCase() === 'k' ? 1_000 : 1_000_000) : 1;
    const readings = new Set<string>([digits!.replace(/[,.\u00a0\u202f ]/g, '')]);
    const single = /^(\d+)[.,](\d+)$/.exec(digits!);
    if (single) readings.add(`${single[1]}.${single[2]}`);
    for (const reading of readings) {
      const decimals = reading.includes('.') ? reading.split('.')[1]!.length : 0;
      shown.push({ value: Number(reading) * scale, step: 10 ** -decimals * scale });
    }
  }
  return shown;
}

/**
 * Shown when a visible number rounds to it: "4.9" for 4.85 or "1.2k" for 1,234, but a "5" does not stand for 4.7
 * (ratings need their decimal) and "1k" does not stand for 1,500.
 */
function isShown(value: number, shown: readonly Shown[]): boolean {
  const coarsest = Number.isInteger(value) ? Math.max(1, Math.abs(value) / 10) : 0.1;
  return shown.some(
    (number) => number.step <= coarsest + 1e-9 && Math.abs(number.value - value) <= number.step / 2 + 1e-9,
  );
}

export const ldVisibleMismatch: Rule = {
  meta: {
    id: 'ld-visible-mismatch',
    severity: 'error',
    category: 'structured-data',
    description: 'A JSON-LD rating or review count that the page does not show, or shows differently.',
    rationale:
      'Structured data must describe what visitors see: a 4.9 in JSON-LD with no rating on the page, or 1,200 ' +
      'reviews in the markup and 120 on screen, is misleading markup that Google can penalise with a manual action. ' +
      'Generate the JSON-LD from the same data as the visible proof. Source: Google Search Central, "Review snippet" ' +
      'and "Structured data general guidelines" (content must be visible to users).',
    examples: {
      fail: [
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Acme","aggregateRating":{"@type":"AggregateRating","ratingValue":4.9,"reviewCount":1200}}</script><h1>Acme</h1>',
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Acme","aggregateRating":{"@type":"AggregateRating","ratingValue":4.9,"reviewCount":1200}}</script><p data-cta-proof="rating">Rated 4.7 out of 5 from 1,200 reviews</p>',
      ],
      pass: [
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Acme","aggregateRating":{"@type":"AggregateRating","ratingValue":4.9,"reviewCount":1200}}</script><p data-cta-proof="rating">Rated 4.9 out of 5 from 1,200 reviews</p>',
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Acme","aggregateRating":{"@type":"AggregateRating","ratingValue":"4.85","reviewCount":"1234"}}</script><p lang="de">4,85 von 5 Sternen (1.234 Bewertungen)</p>',
      ],
    },
    messages: {
      notVisible:
        'The JSON-LD {types} says {field} {value}, but that number is not visible on the page.{visible} ' +
        'Show the same figure to visitors (e.g. "{value} …"), or fix the structured data; better, ' +
        'generate both from one source.',
    },
  },
  check(page, report) {
    const { nodes, byId } = jsonLdOf(page);
    const ratings = nodes.filter(({ types }) =>
      types.some((type) => type === 'AggregateRating' || type === 'EmployerAggregateRating' || type === 'Review'),
    );
    if (ratings.length === 0) return;
    const shown = shownNumbers(pageVisibleText(page));
    const proofText = elementsOf(page)
      .filter((el) => attr(el, PROOF_KIND) === 'rating')
      .map((el) => collapse(visibleText(el)))
      .join(' / ');
    for (const { node, types, script } of ratings) {
      const rating = types.includes('Review') ? resolve(node.reviewRating, byId) : node;
      const checks: [string, unknown][] = [['ratingValue', isObject(rating) ? rating.ratingValue : undefined]];
      if (!types.includes('Review')) checks.push(['ratingCount', node.ratingCount], ['reviewCount', node.reviewCount]);
      for (const [field, raw] of checks) {
        const value = numberOf(raw);
        if (value === undefined || isShown(value, shown)) continue;
        const visible = proofText ? ` The page shows "${proofText.slice(0, 100)}".` : ' The page shows no such number.';
        report({
          element: script,
          messageId: 'notVisible',
          data: { types: types.join('/'), field, value, visible },
        });
      }
    }
  },
};
