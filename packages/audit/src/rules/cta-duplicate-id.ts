import type { Cta, Rule } from '../types.ts';
import { mutuallyExclusive } from './support/choices.ts';
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
      'repeated with the same target (hero and footer) may share an id on purpose, and so may the CTAs of an ' +
      "offer's or experiment's alternatives (never shown together; data-cta-arm tells them apart in the report). " +
      'Source: the astro-cta markup contract.',
    examples: {
      fail: [
        '<a href="/signup" data-cta="hero">Start your free trial</a><a href="/demo" data-cta="hero">Book a demo</a>',
      ],
      pass: [
        '<a href="/signup" data-cta="hero">Start your free trial</a><a href="/demo" data-cta="demo">Book a demo</a>',
        '<a href="/signup" data-cta="trial">Start your free trial</a><a href="/signup" data-cta="trial">Start your free trial</a>',
        '<div data-cta-choose="offer" data-cta-experiment="welcome"><div data-cta-arm="first" data-cta-default><a href="/tour" data-cta="hero" data-cta-experiment="welcome" data-cta-arm="first">Take the tour</a></div><div data-cta-arm="back" data-cta-when=\'{"returning":true}\' hidden><a href="/pricing" data-cta="hero" data-cta-experiment="welcome" data-cta-arm="back">See the plans</a></div></div>',
      ],
    },
    messages: {
      reused:
        'data-cta="{id}" is already used by "{other}", which leads elsewhere; their clicks would be ' +
        'counted together. Give this CTA its own id, e.g. data-cta="{id}-2" (the id prop of <CTA>).',
    },
  },
  check(page, report) {
    const byId = new Map<string, { cta: Cta; destination: string }[]>();
    for (const cta of page.ctas) {
      if (!cta.id) continue;
      const destination = destinationOf(cta, page.route);
      const earlier = byId.get(cta.id) ?? [];
      // Sibling alternatives of an offer or experiment are never shown together: one id across them is how the
      // report compares them (their data-cta-arm tells them apart).
      const first = earlier.find((other) => !mutuallyExclusive(page, other.cta.element, cta.element));
      if (first && first.destination !== destination) {
        report({
          element: cta.element,
          messageId: 'reused',
          data: { id: cta.id, other: first.cta.name },
        });
      }
      earlier.push({ cta, destination });
      byId.set(cta.id, earlier);
    }
  },
};
