import { EXPERIMENT_DESTINATIONS } from '@astro-cta/contract';
import type { Element } from 'domhandler';
import { attr, closestAncestor } from '../dom.ts';
import type { Cta, Rule } from '../types.ts';
import { type Alternative, choicesOf, defaultAlternative } from './support/choices.ts';
import { destinationOf } from './support/targets.ts';

const arm = (name: string, href: string, extra = '') =>
  `<div data-cta-arm="${name}"${extra}><a href="${href}" data-cta="hero" data-cta-experiment="hero-copy" data-cta-arm="${name}">Get started</a></div>`;

export const experimentDestinationsDiffer: Rule = {
  meta: {
    id: 'experiment-destinations-differ',
    severity: 'warning',
    category: 'structure',
    description:
      'The arms of an experiment lead to different destinations without saying so (data-cta-destinations="differ").',
    rationale:
      'An experiment on CTA copy or design should change one thing. When one arm sends visitors to /signup and ' +
      'another to /demo, the result mixes the copy with what happens after the click (a longer form, another ' +
      'offer), and the winner cannot be told apart from its destination. Keep the destinations equal, or declare ' +
      'that comparing destinations is the point with data-cta-destinations="differ" (destinations="differ" on ' +
      '<Experiment>). Buttons without a destination (type="button") are not compared.',
    examples: {
      fail: [
        `<div data-cta-choose="experiment" data-cta-experiment="hero-copy">${arm('A', '/signup', ' data-cta-default')}${arm('B', '/demo', ' hidden')}</div>`,
      ],
      pass: [
        `<div data-cta-choose="experiment" data-cta-experiment="hero-copy">${arm('A', '/signup', ' data-cta-default')}${arm('B', '/signup/', ' hidden')}</div>`,
        `<div data-cta-choose="experiment" data-cta-experiment="hero-copy" data-cta-destinations="differ">${arm('A', '/signup', ' data-cta-default')}${arm('B', '/demo', ' hidden')}</div>`,
      ],
    },
    messages: {
      differ:
        'In experiment "{experiment}", arm "{arm}" leads to {here} while arm "{reference}" leads to {there}: the ' +
        'result would mix the copy with the destination. Point the arms to the same place, or declare it on the ' +
        'wrapper with data-cta-destinations="differ" (destinations="differ" on <Experiment>).',
    },
  },
  check(page, report) {
    for (const choice of choicesOf(page)) {
      if (choice.kind !== 'experiment' || attr(choice.element, EXPERIMENT_DESTINATIONS)?.trim() === 'differ') continue;
      const reference = defaultAlternative(choice);
      if (!reference) continue;
      const there = destinationsOf(page.ctas, reference, page.route);
      if (there.size === 0) continue;
      for (const alternative of choice.alternatives) {
        if (alternative === reference) continue;
        const here = destinationsOf(page.ctas, alternative, page.route);
        // An arm without a CTA is experiment-arm-no-cta's to report.
        const differing = [...here].find(([destination]) => !there.has(destination));
        const missing = [...there.keys()].find((destination) => !here.has(destination));
        if (here.size === 0 || (!differing && !missing)) continue;
        const [, cta] = differing ?? [...here][0]!;
        report({
          element: cta.element,
          messageId: 'differ',
          data: {
            experiment: choice.name ?? '(unnamed)',
            arm: alternative.arm ?? '(unnamed)',
            reference: reference.arm ?? '(unnamed)',
            here: [...here.values()].map(describe).join(', '),
            there: [...there.values()].map(describe).join(', '),
          },
        });
      }
    }
  },
};

/** The destinations of an arm's links and form submits (a `type="button"` button has none to compare). */
function destinationsOf(ctas: readonly Cta[], alternative: Alternative, route: string): Map<string, Cta> {
  const found = new Map<string, Cta>();
  const inside = (element: Element) => closestAncestor(element, (el) => el === alternative.element) !== undefined;
  for (const cta of ctas) {
    if (cta.kind === 'button' || !inside(cta.element)) continue;
    const destination = destinationOf(cta, route);
    if (!found.has(destination)) found.set(destination, cta);
  }
  return found;
}

function describe(cta: Cta): string {
  return cta.kind === 'link' ? (cta.href ?? '(no href)') : `a form submit ("${cta.name}")`;
}
