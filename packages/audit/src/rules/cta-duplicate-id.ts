import type { Rule } from '../types.ts';
import { destinationOf } from './support/targets.ts';

export const ctaDuplicateId: Rule = {
  meta: {
    id: 'cta-duplicate-id',
    severity: 'error',
    category: 'structure',
    description: 'The same data-cta id on two CTAs of one page that lead to different places.',
    rationale:
      'The beacon reports clicks and impressions by data-cta id. Two different CTAs under one id merge their numbers, ' +
      'so the click-through rate of each is lost and an experiment comparing them measures nothing. The same CTA ' +
      'repeated with the same target (hero and footer) may share an id on purpose. Source: the astro-cta markup contract.',
    examples: {
      fail: [
        '<a href="/signup" data-cta="hero">Start your free trial</a><a href="/demo" data-cta="hero">Book a demo</a>',
      ],
      pass: [
        '<a href="/signup" data-cta="hero">Start your free trial</a><a href="/demo" data-cta="demo">Book a demo</a>',
        '<a href="/signup" data-cta="trial">Start your free trial</a><a href="/signup" data-cta="trial">Start your free trial</a>',
      ],
    },
    messages: {
      reused:
        'data-cta="{id}" is already used by "{other}", which leads elsewhere; their clicks would be ' +
        'counted together. Give this CTA its own id, e.g. data-cta="{id}-2" (the id prop of <CTA>).',
    },
  },
  check(page, report) {
    const first = new Map<string, { destination: string; name: string }>();
    for (const cta of page.ctas) {
      if (!cta.id) continue;
      const destination = destinationOf(cta, page.route);
      const earlier = first.get(cta.id);
      if (!earlier) {
        first.set(cta.id, { destination, name: cta.name });
      } else if (earlier.destination !== destination) {
        report({
          element: cta.element,
          messageId: 'reused',
          data: { id: cta.id, other: earlier.name },
        });
      }
    }
  },
};
