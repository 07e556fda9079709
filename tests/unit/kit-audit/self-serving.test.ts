import { auditHtml, examplePage, rules } from '@astro-cta/audit';
import { SELF_SERVING_REVIEW_TYPES } from '@astro-cta/contract';
import { describe, expect, it } from 'vitest';
import { structuredData } from '../../../packages/astro-cta/src/components/social-proof.ts';

// Issue 9: the components knew 18 self-serving review types, the audit 39. Now both read the contract's one list.
const selfServing = rules.filter((rule) => rule.meta.id === 'ld-self-serving');
const rating = (type: string) => ({ rating: { value: 4.6, count: 980, itemReviewed: { type, name: 'Adler' } } });

describe('one list of self-serving review types', () => {
  it('holds the union of both former lists (39 types)', () => {
    expect(SELF_SERVING_REVIEW_TYPES.size).toBe(39);
    for (const type of ['Hotel', 'Dentist', 'Organization', 'LodgingBusiness', 'SelfStorage'])
      expect(SELF_SERVING_REVIEW_TYPES.has(type)).toBe(true);
  });

  it.each([...SELF_SERVING_REVIEW_TYPES])(
    '%s: <SocialProof> writes no review JSON-LD, and the audit flags JSON-LD that does',
    (type) => {
      expect(structuredData(rating(type)).kind).toBe('self-serving');
      const jsonLd = `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': type, name: 'Adler', aggregateRating: { '@type': 'AggregateRating', ratingValue: 4.6, ratingCount: 980 } })}</script>`;
      expect(
        auditHtml(examplePage(`${jsonLd}<p>Rated 4.6 from 980 reviews</p>`), selfServing).map(
          (finding) => finding.ruleId,
        ),
      ).toEqual(['ld-self-serving']);
    },
  );

  it('a product stays eligible on both sides', () => {
    expect(structuredData(rating('Product')).kind).toBe('json-ld');
  });
});
