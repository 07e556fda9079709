import {
  ARM_WEIGHT,
  CHOICE_WHEN,
  CTA_ARM,
  CTA_EXPERIMENT,
  EXPERIMENT_ENDS,
  EXPERIMENT_HOLDOUT,
  EXPERIMENT_WINNER,
  readDeadline,
} from '@astro-cta/contract';
import { attr, closestAncestor } from '../dom.ts';
import type { Cta, ReportInput, Rule } from '../types.ts';
import { type Choice, choicesOf } from './support/choices.ts';
import { describeProblem, readCondition } from './support/conditions.ts';

const OFFER_ARM =
  '<div data-cta-arm="viewed" data-cta-when=\'{"viewed":"fjord-jacket","within":"7d"}\' hidden><p>Back for the Fjord jacket? It is in stock in your size.</p></div>';

export const choiceInvalid: Rule = {
  meta: {
    id: 'choice-invalid',
    severity: 'error',
    category: 'structure',
    description:
      'An offer or experiment the chooser cannot run as written: no or several defaults, an invalid condition, ' +
      'weight, holdout, end or winner, unnamed or repeated arms.',
    rationale:
      'Offers and experiments (data-cta-choose) are chosen on the visitor’s device before first paint; the chooser ' +
      'skips what it cannot read, so a mistake does not break the page, it silently shows the wrong content to ' +
      'everyone: no default means visitors without JavaScript see every alternative or none, a condition with a ' +
      'typo never matches, a winner that is not an arm leaves the experiment running. The report compares ' +
      'alternatives by data-cta-experiment and data-cta-arm, so the CTAs inside an alternative must carry its ' +
      'names. Source: the astro-cta markup contract (docs: Markup contract).',
    examples: {
      fail: [
        `<div data-cta-choose="offer" data-cta-experiment="jacket">${OFFER_ARM}<div data-cta-arm="default"><p>Free returns on every jacket.</p></div></div>`,
        '<div data-cta-choose="offer" data-cta-experiment="jacket"><div data-cta-arm="viewed" data-cta-when=\'{"viewd":"fjord-jacket"}\' hidden><p>Back for the jacket?</p></div><div data-cta-arm="default" data-cta-default><p>Free returns.</p></div></div>',
        '<div data-cta-choose="experiment" data-cta-experiment="hero-copy" data-cta-winner="C"><div data-cta-arm="A" data-cta-default><p>Ship faster.</p></div><div data-cta-arm="B" data-cta-weight="0" hidden><p>Ship faster, sleep better.</p></div></div>',
        '<div data-cta-choose="experiment" data-cta-experiment="hero-copy"><div data-cta-arm="A" data-cta-default><a href="/signup" data-cta="hero">Start your free trial</a></div><div data-cta-arm="B" hidden><a href="/signup" data-cta="hero" data-cta-experiment="hero-copy" data-cta-arm="B">Try it free</a></div></div>',
      ],
      pass: [
        `<div data-cta-choose="offer" data-cta-experiment="jacket">${OFFER_ARM}<div data-cta-arm="default" data-cta-default><p>Free returns on every jacket.</p></div></div>`,
        '<div data-cta-choose="experiment" data-cta-experiment="hero-copy" data-cta-holdout="0.1" data-cta-ends="2099-01-31T00:00:00+01:00" data-cta-winner="B"><div data-cta-arm="A" data-cta-default><a href="/signup" data-cta="hero" data-cta-experiment="hero-copy" data-cta-arm="A">Start your free trial</a></div><div data-cta-arm="B" data-cta-weight="2" hidden><a href="/signup" data-cta="hero" data-cta-experiment="hero-copy" data-cta-arm="B">Try it free</a></div></div>',
      ],
    },
    messages: {
      badKind:
        'data-cta-choose="{value}" is neither "offer" nor "experiment", so the chooser leaves it alone and every ' +
        'alternative shows at once. Write data-cta-choose="offer" or "experiment".',
      noName:
        'This {kind} has no name (data-cta-experiment on the wrapper), so the report cannot tell its events from ' +
        'other CTAs. Name it, e.g. data-cta-experiment="hero-copy" (the name prop).',
      tooFew:
        'This {kind} has {count} alternative(s) (elements with data-cta-arm inside it); an experiment compares at ' +
        'least two, an offer needs one. Add the alternatives, or drop the wrapper and keep the content.',
      noDefault:
        'No alternative of {kind} "{name}" is marked data-cta-default, so visitors without JavaScript (and those ' +
        'no condition matches) get no defined content. Mark one alternative data-cta-default.',
      severalDefaults:
        '{count} alternatives of {kind} "{name}" are marked data-cta-default; exactly one may be. Remove ' +
        'data-cta-default from all but one.',
      unnamedArm:
        'This alternative of {kind} "{name}" has no data-cta-arm, so its events cannot be told apart in the ' +
        'report. Name it, e.g. data-cta-arm="B".',
      duplicateArm:
        'Two alternatives of {kind} "{name}" are named data-cta-arm="{arm}"; the report would count them as one. ' +
        'Give each its own name.',
      noCondition:
        'This alternative of offer "{name}" has no data-cta-when and is not the default, so no visitor is ever ' +
        'shown it. Give it a condition, e.g. data-cta-when=\'{"returning":true}\' (the when prop).',
      badCondition: 'The condition of alternative "{arm}" (data-cta-when) {problem}.',
      badWeight:
        'data-cta-weight="{value}" on arm "{arm}" is not a positive number, so the chooser cannot split visitors ' +
        'by it. Use a positive number such as 1 or 2.5 (weights are relative).',
      badHoldout:
        'data-cta-holdout="{value}" is not a share between 0 and 1 (below 1): write e.g. 0.1 to hold out 10% of ' +
        'visitors.',
      badEnds:
        'data-cta-ends="{value}" is not an RFC 3339 date-time with offset ({problem}), so the experiment never ' +
        'ends. Write it like 2026-12-31T23:59:00+01:00.',
      unknownWinner:
        'data-cta-winner="{value}" names no arm of {kind} "{name}" (arms: {arms}), so the chooser cannot show it. ' +
        'Name one of the arms.',
      ctaNotLabelled:
        'This CTA inside alternative "{arm}" of {kind} "{name}" does not carry data-cta-experiment="{name}" and ' +
        'data-cta-arm="{arm}", so its clicks are not counted for the alternative. Add both (the kit’s <CTA> inside ' +
        '<Offer>/<Experiment> writes them).',
    },
  },
  check(page, report) {
    for (const choice of choicesOf(page)) checkChoice(choice, report, page.ctas);
  },
};

function checkChoice(choice: Choice, report: (finding: ReportInput) => void, ctas: readonly Cta[]): void {
  const kind = choice.kind === 'experiment' ? 'experiment' : 'offer';
  const name = choice.name ?? '(unnamed)';
  const { element, alternatives } = choice;
  if (choice.kind !== 'offer' && choice.kind !== 'experiment') {
    report({ element, messageId: 'badKind', data: { value: choice.kind } });
  }
  if (!choice.name) report({ element, messageId: 'noName', data: { kind } });
  // An experiment compares at least two arms; an offer may hold one alternative for the visitors it is meant for.
  if (alternatives.length < (kind === 'experiment' ? 2 : 1)) {
    report({ element, messageId: 'tooFew', data: { kind, count: alternatives.length } });
  }
  const defaults = alternatives.filter((alternative) => alternative.isDefault);
  if (alternatives.length > 0 && defaults.length === 0)
    report({ element, messageId: 'noDefault', data: { kind, name } });
  if (defaults.length > 1) {
    report({
      element: defaults[1]!.element,
      messageId: 'severalDefaults',
      data: { kind, name, count: defaults.length },
    });
  }
  const arms = new Set<string>();
  for (const alternative of alternatives) {
    const at = alternative.element;
    const arm = alternative.arm ?? '(unnamed)';
    if (!alternative.arm) report({ element: at, messageId: 'unnamedArm', data: { kind, name } });
    else if (arms.has(alternative.arm)) report({ element: at, messageId: 'duplicateArm', data: { kind, name, arm } });
    else arms.add(alternative.arm);
    const when = attr(at, CHOICE_WHEN);
    if (choice.kind === 'offer' && when === undefined && !alternative.isDefault) {
      report({ element: at, messageId: 'noCondition', data: { name } });
    }
    if (when !== undefined) {
      for (const problem of readCondition(when).problems) {
        report({ element: at, messageId: 'badCondition', data: { arm, problem: describeProblem(problem) } });
      }
    }
    const weight = attr(at, ARM_WEIGHT);
    if (weight !== undefined && !isPositiveNumber(weight)) {
      report({ element: at, messageId: 'badWeight', data: { value: weight, arm } });
    }
    // The report compares alternatives by the names on their CTAs' events.
    for (const cta of ctas) {
      if (!cta.declared || !closestAncestor(cta.element, (el) => el === at)) continue;
      if (!choice.name || !alternative.arm) continue;
      if (attr(cta.element, CTA_EXPERIMENT)?.trim() === choice.name && attr(cta.element, CTA_ARM)?.trim() === arm) {
        continue;
      }
      report({ element: cta.element, messageId: 'ctaNotLabelled', data: { kind, name, arm } });
    }
  }
  const holdout = attr(element, EXPERIMENT_HOLDOUT);
  if (holdout !== undefined && !isShare(holdout))
    report({ element, messageId: 'badHoldout', data: { value: holdout } });
  const ends = attr(element, EXPERIMENT_ENDS);
  if (ends !== undefined) {
    const parsed = readDeadline(ends.trim());
    if ('problem' in parsed) report({ element, messageId: 'badEnds', data: { value: ends, problem: parsed.problem } });
  }
  const winner = attr(element, EXPERIMENT_WINNER)?.trim();
  if (winner !== undefined && !arms.has(winner)) {
    report({
      element,
      messageId: 'unknownWinner',
      data: { value: winner, kind, name, arms: [...arms].join(', ') || 'none' },
    });
  }
}

function isPositiveNumber(text: string): boolean {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) && value > 0;
}

function isShare(text: string): boolean {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 && value < 1;
}
