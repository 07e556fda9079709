import { ARM_WEIGHT } from '@astro-cta/contract';
import { attr } from '../dom.ts';
import type { Location, Rule } from '../types.ts';
import { type Choice, choicesOf } from './support/choices.ts';
import { isSuppressed } from './support/suppress.ts';

const RULE_ID = 'experiment-duplicate-name';

/** One named offer or experiment on one page, kept for the comparison across pages. */
interface Named extends Partial<Location> {
  route: string;
  file: string;
  name: string;
  kind: string;
  /** What makes it the same experiment: its kind, arms, default and weights. */
  signature: string;
}

function signatureOf(choice: Choice): string {
  const arms = choice.alternatives
    .map(
      (alternative) =>
        `${alternative.arm ?? ''}${alternative.isDefault ? '*' : ''}=${attr(alternative.element, ARM_WEIGHT) ?? '1'}`,
    )
    .sort();
  return `${choice.kind}:${arms.join(',')}`;
}

const arms = (name: string) =>
  `<div data-cta-choose="experiment" data-cta-experiment="${name}"><div data-cta-arm="A" data-cta-default><a href="/signup" data-cta="hero" data-cta-experiment="${name}" data-cta-arm="A">Start your free trial</a></div><div data-cta-arm="B" hidden><a href="/signup" data-cta="hero" data-cta-experiment="${name}" data-cta-arm="B">Try it free</a></div></div>`;

export const experimentDuplicateName: Rule = {
  meta: {
    id: RULE_ID,
    severity: 'error',
    category: 'structure',
    description:
      'One offer or experiment name (data-cta-experiment) used twice on a page, or for different experiments on ' +
      'different pages.',
    rationale:
      'The report compares alternatives by experiment name and arm, and the chooser keeps each visitor’s assignment ' +
      'by name. Two experiments under one name mix their numbers and share assignments, so neither result means ' +
      'anything. The same experiment on several pages (a banner in the layout) is fine when it is the same: same ' +
      'kind, arms, default and weights. Source: the astro-cta markup contract.',
    examples: {
      fail: [`${arms('hero-copy')}${arms('hero-copy')}`],
      pass: [`${arms('hero-copy')}${arms('pricing-copy')}`],
    },
    messages: {
      twiceOnPage:
        'The {what} name "{name}" is used twice on this page; the report would count both as one and visitors ' +
        'would get one assignment for both. Give each its own name (data-cta-experiment, the name prop).',
      otherOnRoute:
        'The {what} name "{name}" is also used on {route} for a different {otherWhat} (other arms, default or ' +
        'weights); their numbers would be mixed. Rename one, or make both the same.',
    },
  },
  check(page, _report, site) {
    for (const choice of choicesOf(page)) {
      if (!choice.name || isSuppressed(choice.element, RULE_ID)) continue;
      site.keep({
        route: page.route,
        file: page.file,
        ...page.locate(choice.element),
        name: choice.name,
        kind: choice.kind,
        signature: signatureOf(choice),
      } satisfies Named);
    }
  },
  afterAll(report, site) {
    const first = new Map<string, Named>();
    for (const named of site.kept as Named[]) {
      const earlier = first.get(named.name);
      if (!earlier) {
        first.set(named.name, named);
        continue;
      }
      const { signature: _signature, name, kind: _kind, ...where } = named;
      const what = named.kind === 'experiment' ? 'experiment' : 'offer';
      if (earlier.route === named.route) {
        report({
          ...where,
          messageId: 'twiceOnPage',
          data: { what, name },
        });
      } else if (earlier.signature !== named.signature) {
        report({
          ...where,
          messageId: 'otherOnRoute',
          data: { what, name, route: earlier.route, otherWhat: earlier.kind === 'experiment' ? 'experiment' : 'offer' },
        });
      }
    }
  },
};
