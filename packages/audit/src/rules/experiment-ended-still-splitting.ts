import { EXPERIMENT_ENDS, EXPERIMENT_WINNER, readDeadline } from '@astro-cta/contract';
import { attr } from '../dom.ts';
import type { Rule } from '../types.ts';
import { choicesOf, defaultAlternative } from './support/choices.ts';

const ARMS =
  '<div data-cta-arm="A" data-cta-default><a href="/signup" data-cta="hero" data-cta-experiment="hero-copy" data-cta-arm="A">Start your free trial</a></div>' +
  '<div data-cta-arm="B" hidden><a href="/signup" data-cta="hero" data-cta-experiment="hero-copy" data-cta-arm="B">Try it free for 14 days</a></div>';

export const experimentEndedStillSplitting: Rule = {
  meta: {
    id: 'experiment-ended-still-splitting',
    severity: 'warning',
    category: 'structure',
    description: 'An experiment past its end (data-cta-ends before the build) that names no winner (data-cta-winner).',
    rationale:
      'An experiment is meant to end with a decision: after data-cta-ends everyone should see the arm that won. ' +
      'Without data-cta-winner there is nothing to switch to: the kit’s chooser falls back to the default arm, ' +
      'hand-written scripts usually keep splitting, and either way the losing copy keeps costing conversions ' +
      'long after the result is in. The end is compared with the ' +
      'build time (or the audit’s `now` option). Set the winner (winner="B" on <Experiment>) or remove the ' +
      'experiment and keep the winning copy.',
    examples: {
      fail: [
        `<div data-cta-choose="experiment" data-cta-experiment="hero-copy" data-cta-ends="2020-01-31T00:00:00+01:00">${ARMS}</div>`,
      ],
      pass: [
        `<div data-cta-choose="experiment" data-cta-experiment="hero-copy" data-cta-ends="2020-01-31T00:00:00+01:00" data-cta-winner="B">${ARMS}</div>`,
        `<div data-cta-choose="experiment" data-cta-experiment="hero-copy" data-cta-ends="2099-01-31T00:00:00+01:00">${ARMS}</div>`,
      ],
    },
    messages: {
      ended:
        'Experiment "{experiment}" ended on {ends} but names no winner, so it is left undecided: the kit’s chooser ' +
        'shows everyone the default arm "{fallback}" (which may not be the one that won), other scripts keep ' +
        'splitting. Set data-cta-winner to the arm that won (winner="{example}" on <Experiment>), or remove the ' +
        'experiment and keep the winning copy.',
    },
  },
  check(page, report, site) {
    for (const choice of choicesOf(page)) {
      if (choice.kind !== 'experiment' || choice.alternatives.length < 2) continue;
      if ((attr(choice.element, EXPERIMENT_WINNER) ?? '').trim() !== '') continue;
      const ends = (attr(choice.element, EXPERIMENT_ENDS) ?? '').trim();
      // An end that is not a valid date is choice-invalid's to report.
      const parsed = ends === '' ? undefined : readDeadline(ends);
      if (!parsed || 'problem' in parsed || parsed.epochMs > site.now.getTime()) continue;
      report({
        element: choice.element,
        messageId: 'ended',
        data: {
          experiment: choice.name ?? '(unnamed)',
          ends,
          fallback: defaultAlternative(choice)?.arm ?? '(unnamed)',
          example: choice.alternatives.find((alternative) => alternative.arm)?.arm ?? 'A',
        },
      });
    }
  },
};
