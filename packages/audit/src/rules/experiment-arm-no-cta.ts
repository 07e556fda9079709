import type { Element } from 'domhandler';
import { closestAncestor } from '../dom.ts';
import type { Rule } from '../types.ts';
import { choicesOf } from './support/choices.ts';

const ARMS =
  '<div data-cta-choose="experiment" data-cta-experiment="hero-copy">' +
  '<div data-cta-arm="A" data-cta-default><h2>Ship faster</h2><a href="/signup" data-cta="hero" data-cta-experiment="hero-copy" data-cta-arm="A">Start your free trial</a></div>';

export const experimentArmNoCta: Rule = {
  meta: {
    id: 'experiment-arm-no-cta',
    severity: 'warning',
    category: 'structure',
    description: 'An experiment arm without a call to action: nothing in it can convert, so it cannot be compared.',
    rationale:
      'An experiment (data-cta-choose="experiment") compares its arms by the clicks and conversions of the CTAs in ' +
      'each (the beacon reports them with data-cta-experiment and data-cta-arm). An arm without a CTA has nothing to ' +
      'count, and the visitors assigned to it are lost to the page’s goal for the whole run. Give every arm its CTA ' +
      '(usually the same destination with other copy). Source: the astro-cta markup contract.',
    examples: {
      fail: [
        `${ARMS}<div data-cta-arm="B" hidden><h2>Ship faster, sleep better</h2><p>Teams deploy 3× more often.</p></div></div>`,
      ],
      pass: [
        `${ARMS}<div data-cta-arm="B" hidden><h2>Ship faster, sleep better</h2><a href="/signup" data-cta="hero" data-cta-experiment="hero-copy" data-cta-arm="B">Try it free for 14 days</a></div></div>`,
      ],
    },
    messages: {
      noCta:
        'Arm "{arm}" of experiment "{experiment}" has no call to action, so its visitors cannot convert and the ' +
        'report has nothing to compare. Add the CTA to this arm too (a <CTA> inside the arm of <Experiment>).',
    },
  },
  check(page, report) {
    const ctaElements = [...page.ctas, ...page.unsureCtas].map((cta) => cta.element);
    for (const choice of choicesOf(page)) {
      if (choice.kind !== 'experiment') continue;
      for (const alternative of choice.alternatives) {
        const inside = (element: Element) => closestAncestor(element, (el) => el === alternative.element) !== undefined;
        if (ctaElements.some(inside)) continue;
        report({
          element: alternative.element,
          messageId: 'noCta',
          data: { arm: alternative.arm ?? '(unnamed)', experiment: choice.name ?? '(unnamed)' },
        });
      }
    }
  },
};
