import { isSelfServingReviewType } from '@astro-cta/contract';
import type { Rule } from '../types.ts';
import { isObject, jsonLdOf, resolve, typesOf } from './support/jsonld.ts';

export const ldSelfServing: Rule = {
  meta: {
    id: 'ld-self-serving',
    severity: 'warning',
    category: 'structured-data',
    description: 'A JSON-LD Review or AggregateRating about an Organization or LocalBusiness: the site rating itself.',
    rationale:
      'Since 2019-09-16 Google shows no review stars for an Organization or LocalBusiness that publishes reviews of ' +
      'itself on its own site, including through embedded third-party widgets. Ratings of a Product, ' +
      'SoftwareApplication, Course or Event stay eligible. If this site is a genuine third-party review site, ' +
      'suppress the rule on the block with data-cta-ignore="ld-self-serving". Source: Google Search Central blog, ' +
      '"Making Review Rich Results more helpful" (2019-09-16).',
    examples: {
      fail: [
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"Acme Inc.","aggregateRating":{"@type":"AggregateRating","ratingValue":4.8,"reviewCount":212}}</script><p>Rated 4.8 from 212 reviews</p>',
      ],
      pass: [
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"SoftwareApplication","name":"Acme","applicationCategory":"BusinessApplication","aggregateRating":{"@type":"AggregateRating","ratingValue":4.8,"reviewCount":212}}</script><p>Rated 4.8 from 212 reviews</p>',
      ],
    },
    messages: {
      selfServing:
        "This {types} rates the {rated}{name}, i.e. the site's own business: Google shows no stars for " +
        'self-serving reviews. Attach the rating to what you sell (a Product or SoftwareApplication) ' +
        'instead, or drop it from the JSON-LD and keep it as visible proof only.',
    },
  },
  check(page, report) {
    const { nodes, byId } = jsonLdOf(page);
    for (const { node, types, parent, script } of nodes) {
      if (!types.some((type) => type === 'Review' || type === 'AggregateRating')) continue;
      const item = resolve(node.itemReviewed, byId) ?? parent;
      const rated = isObject(item) ? item : parent;
      // The contract's list: the same types for which <SocialProof> emits no review JSON-LD.
      if (!rated || !isSelfServingReviewType(typesOf(rated))) continue;
      const name = typeof rated.name === 'string' ? ` "${rated.name}"` : '';
      report({
        element: script,
        messageId: 'selfServing',
        data: { types: types.join('/'), rated: typesOf(rated).join('/'), name },
      });
    }
  },
};
