import { describe, expect, it } from 'vitest';
import type { Rule } from '../types.ts';
import { ldInvalidJson } from './ld-invalid-json.ts';
import { ldRatingBounds } from './ld-rating-bounds.ts';
import { ldReviewRequired } from './ld-review-required.ts';
import { ldSelfServing } from './ld-self-serving.ts';
import { ldVisibleMismatch } from './ld-visible-mismatch.ts';
import { messagesFor } from './support/test-helpers.ts';

const ld = (data: unknown) =>
  `<script type="application/ld+json">${typeof data === 'string' ? data : JSON.stringify(data)}</script>`;
const flagged = (rule: Rule, snippet: string) => messagesFor(rule, snippet);
const product = (rating: Record<string, unknown>) => ({
  '@context': 'https://schema.org',
  '@type': 'Product',
  name: 'Acme',
  aggregateRating: { '@type': 'AggregateRating', ...rating },
});

describe('JSON-LD parsing', () => {
  it('turns invalid or empty blocks into findings, and the other rules still run on valid blocks', () => {
    const html = `${ld('{ "@type": "Product", }')}${ld('   ')}${ld(product({ ratingValue: 7, reviewCount: 3 }))}<p>7 from 3</p>`;
    const invalid = flagged(ldInvalidJson, html);
    expect(invalid).toHaveLength(2);
    expect(invalid[0]).toContain('is not valid JSON');
    expect(invalid[1]).toContain('is empty');
    expect(flagged(ldRatingBounds, html)).toHaveLength(1);
  });

  it('ignores other script types and accepts the type in any case', () => {
    expect(
      flagged(ldInvalidJson, '<script type="application/json">{ broken</script><script>var x = {</script>'),
    ).toEqual([]);
    expect(flagged(ldInvalidJson, '<script type="Application/LD+JSON">{ broken</script>')).toHaveLength(1);
  });

  it('reads @graph arrays, top-level arrays and @id references', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', '@id': '#org', name: 'Acme Inc.' },
        { '@type': 'AggregateRating', itemReviewed: { '@id': '#org' }, ratingValue: 4.8, reviewCount: 12 },
      ],
    };
    expect(flagged(ldSelfServing, `${ld(graph)}<p>4.8 (12)</p>`)).toHaveLength(1);
    expect(
      flagged(
        ldRatingBounds,
        ld([product({ ratingValue: 6, reviewCount: 2 }), product({ ratingValue: 4, reviewCount: 0 })]),
      ),
    ).toHaveLength(2);
  });

  it('survives deeply nested and strange values', () => {
    const deep = `${'{"@type":"Thing","child":'.repeat(5000)}{}${'}'.repeat(5000)}`;
    expect(() => flagged(ldReviewRequired, ld(deep))).not.toThrow();
    expect(flagged(ldReviewRequired, ld(`[${'['.repeat(3000)}${']'.repeat(3000)}]`))).toEqual([]);
    expect(
      flagged(ldReviewRequired, ld({ '@type': ['Review', 42, null], author: null, reviewRating: 'five' })),
    ).toHaveLength(1);
  });
});

describe('ld-review-required', () => {
  it('names every missing field', () => {
    const [message] = flagged(
      ldReviewRequired,
      ld({ '@context': 'https://schema.org', '@type': 'AggregateRating', ratingValue: 4 }),
    );
    expect(message).toContain('lacks ratingCount or reviewCount, itemReviewed');
  });

  it('needs no itemReviewed when nested in the rated item, and accepts author as string or Person', () => {
    const review = { '@type': 'Review', reviewRating: { '@type': 'Rating', ratingValue: 5 } };
    expect(
      flagged(
        ldReviewRequired,
        ld({
          '@type': 'Product',
          name: 'A',
          review: [
            { ...review, author: 'Jane Doe' },
            { ...review, author: { '@type': 'Person', name: 'John Roe' } },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('flags an author name of 100 characters or more', () => {
    const review = {
      '@type': 'Review',
      author: { '@type': 'Person', name: 'x'.repeat(120) },
      reviewRating: { ratingValue: 5 },
      itemReviewed: { '@type': 'Product', name: 'A' },
    };
    expect(flagged(ldReviewRequired, ld(review))[0]).toContain('under 100 characters');
  });
});

describe('ld-rating-bounds', () => {
  it('uses the declared scale, numbers written as strings and decimal commas', () => {
    expect(flagged(ldRatingBounds, ld(product({ ratingValue: '8,5', bestRating: '10', reviewCount: '4' })))).toEqual(
      [],
    );
    expect(flagged(ldRatingBounds, ld(product({ ratingValue: 0.5, reviewCount: 4 })))[0]).toContain(
      'outside its scale 1–5 (bestRating defaults to 5)',
    );
    expect(flagged(ldRatingBounds, ld(product({ ratingValue: 0, worstRating: 0, reviewCount: 4 })))).toEqual([]);
  });

  it('flags an upside-down scale and a non-numeric value', () => {
    expect(
      flagged(ldRatingBounds, ld(product({ ratingValue: 3, worstRating: 5, bestRating: 1, reviewCount: 4 })))[0],
    ).toContain('not above worstRating');
    expect(flagged(ldRatingBounds, ld(product({ ratingValue: 'five stars', reviewCount: 4 })))[0]).toContain(
      'not a number',
    );
  });

  it('checks review ratings too', () => {
    expect(
      flagged(ldRatingBounds, ld({ '@type': 'Review', reviewRating: { '@type': 'Rating', ratingValue: 11 } })),
    ).toHaveLength(1);
  });
});

describe('ld-visible-mismatch', () => {
  const data = ld(product({ ratingValue: 4.8, reviewCount: 2431 }));

  it('accepts the figures in any common format', () => {
    for (const text of [
      '4.8 / 5 · 2,431 reviews',
      '4,8 von 5 (2.431 Bewertungen)',
      '4.8 ★ (2 431 avis)',
      '4.8 stars from 2.4k reviews',
    ]) {
      expect(flagged(ldVisibleMismatch, `${data}<p>${text}</p>`), text).toEqual([]);
    }
  });

  it('flags a rating shown differently and quotes what the rating element shows', () => {
    const [message] = flagged(ldVisibleMismatch, `${data}<p data-cta-proof="rating">4.5 out of 5 (2,431 reviews)</p>`);
    expect(message).toContain('ratingValue 4.8');
    expect(message).toContain('The page shows "4.5 out of 5 (2,431 reviews)"');
  });

  it('does not count numbers hidden from sighted visitors or a rounded integer', () => {
    expect(flagged(ldVisibleMismatch, `${data}<p class="sr-only">4.8 from 2431</p><p>Rated 5 stars</p>`)).toHaveLength(
      2,
    );
  });

  it('checks a single Review’s rating', () => {
    const review = {
      '@type': 'Review',
      author: 'Jane',
      reviewRating: { '@type': 'Rating', ratingValue: 4 },
      itemReviewed: { '@type': 'Product', name: 'A' },
    };
    expect(flagged(ldVisibleMismatch, `${ld(review)}<p>Jane gave it 3 stars</p>`)).toHaveLength(1);
  });
});

describe('ld-self-serving', () => {
  it('flags ratings of the business itself, including LocalBusiness subtypes', () => {
    expect(
      flagged(
        ldSelfServing,
        ld({
          '@type': 'Restaurant',
          name: 'Chez Acme',
          aggregateRating: { '@type': 'AggregateRating', ratingValue: 4.5, reviewCount: 80 },
        }),
      )[0],
    ).toContain('Restaurant "Chez Acme"');
    expect(
      flagged(
        ldSelfServing,
        ld({
          '@type': 'Review',
          itemReviewed: { '@type': 'LocalBusiness', name: 'Acme' },
          author: 'J',
          reviewRating: { ratingValue: 5 },
        }),
      ),
    ).toHaveLength(1);
  });

  it('accepts products, software, courses and events, including a Product whose brand is the Organization', () => {
    expect(
      flagged(
        ldSelfServing,
        ld({
          '@type': 'Product',
          name: 'A',
          brand: { '@type': 'Organization', name: 'Acme' },
          aggregateRating: { '@type': 'AggregateRating', ratingValue: 4.5, reviewCount: 80 },
        }),
      ),
    ).toEqual([]);
    expect(
      flagged(
        ldSelfServing,
        ld({
          '@type': 'Course',
          name: 'A',
          aggregateRating: { '@type': 'AggregateRating', ratingValue: 4.5, reviewCount: 80 },
        }),
      ),
    ).toEqual([]);
  });
});
