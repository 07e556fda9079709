import { CHOICE_DEFAULT, CHOICE_WHEN, CHOOSE, CTA_ARM, CTA_EXPERIMENT } from '@astro-cta/contract';
import type { Element } from 'domhandler';
import { attr, closestAncestor, has, isHidden } from '../../dom.ts';
import type { PageContext } from '../../types.ts';
import { elementsOf, pageSubtree } from './elements.ts';

/**
 * Offers and experiments (the markup contract's `data-cta-choose`): a wrapper with pre-rendered alternatives of
 * which each visitor's device shows exactly one. The rules need to know three things about them: which alternatives
 * a wrapper holds, which elements can never be shown together (they sit in sibling alternatives), and what a visitor
 * without JavaScript sees (the default alternatives).
 */
export interface Choice {
  element: Element;
  /** `data-cta-choose` as written: `offer` or `experiment` when valid. */
  kind: string;
  /** `data-cta-experiment` on the wrapper: the name its events are reported under. */
  name: string | undefined;
  alternatives: Alternative[];
}

export interface Alternative {
  element: Element;
  choice: Choice;
  /** `data-cta-arm`: the alternative's name. */
  arm: string | undefined;
  isDefault: boolean;
}

export interface Choices {
  list: Choice[];
  byElement: Map<Element, Alternative>;
}

/** Marks an element as an alternative of the wrapper around it (a CTA may be an alternative itself). */
function marksAlternative(element: Element): boolean {
  return has(element, CTA_ARM) || has(element, CHOICE_WHEN) || has(element, CHOICE_DEFAULT);
}

function readChoices(page: PageContext): Choices {
  return page.choices;
}

/** Finds the page's offers and experiments and their alternatives. See `page.choices`. */
export function findChoices(page: PageContext): Choices {
  const list: Choice[] = [];
  const byElement = new Map<Element, Alternative>();
  const wrappers = elementsOf(page).filter((element) => has(element, CHOOSE));
  for (const wrapper of wrappers) {
    const choice: Choice = {
      element: wrapper,
      kind: (attr(wrapper, CHOOSE) ?? '').trim(),
      name: attr(wrapper, CTA_EXPERIMENT)?.trim() || undefined,
      alternatives: [],
    };
    list.push(choice);
    // The outermost marked elements whose nearest wrapper is this one: a nested offer's alternatives are its own.
    for (const element of pageSubtree(page, wrapper)) {
      if (element === wrapper || !marksAlternative(element)) continue;
      const parent = element.parent as Element | null;
      const nearestWrapper = parent && closestAncestor(parent, (el) => has(el, CHOOSE));
      if (nearestWrapper !== wrapper) continue;
      const enclosing = closestAncestor(parent!, (el) => el !== wrapper && byElement.get(el)?.choice === choice);
      if (enclosing) continue;
      const alternative: Alternative = {
        element,
        choice,
        arm: attr(element, CTA_ARM)?.trim() || undefined,
        isDefault: has(element, CHOICE_DEFAULT),
      };
      choice.alternatives.push(alternative);
      byElement.set(element, alternative);
    }
  }
  return { list, byElement };
}

/** The page's offers and experiments, in document order (nested ones after their enclosing one). */
export function choicesOf(page: PageContext): Choice[] {
  return readChoices(page).list;
}

/** The alternatives an element is inside (itself included), outermost first; empty outside every offer. */
export function alternativesAround(page: PageContext, element: Element): Alternative[] {
  const { list, byElement } = readChoices(page);
  if (list.length === 0) return [];
  const around: Alternative[] = [];
  for (let node: Element | null = element; node; node = node.parent as Element | null) {
    const alternative = byElement.get(node);
    if (alternative) around.unshift(alternative);
  }
  return around;
}

/** The alternative of `choice` an element is inside, if any. */
export function alternativeIn(page: PageContext, choice: Choice, element: Element): Alternative | undefined {
  return alternativesAround(page, element).find((alternative) => alternative.choice === choice);
}

/** True when no visitor ever sees both: they sit in different alternatives of one offer or experiment. */
export function mutuallyExclusive(page: PageContext, a: Element, b: Element): boolean {
  const aroundA = alternativesAround(page, a);
  if (aroundA.length === 0) return false;
  const aroundB = alternativesAround(page, b);
  return aroundA.some((one) => aroundB.some((other) => other.choice === one.choice && other !== one));
}

/**
 * The alternative a visitor without JavaScript sees: the one marked default, else (a structure error reported by
 * `choice-invalid`) the first.
 */
export function defaultAlternative(choice: Choice): Alternative | undefined {
  return choice.alternatives.find((alternative) => alternative.isDefault) ?? choice.alternatives[0];
}

/** True when the element is shown to a visitor without JavaScript: every alternative around it is its default. */
export function inDefaultView(page: PageContext, element: Element): boolean {
  return alternativesAround(page, element).every(
    (alternative) => defaultAlternative(alternative.choice) === alternative,
  );
}

/** A non-default alternative: shown to some visitors only. Walks that judge the default view leave it out. */
export function isOtherAlternative(page: PageContext, element: Element): boolean {
  const alternative = readChoices(page).byElement.get(element);
  return alternative !== undefined && defaultAlternative(alternative.choice) !== alternative;
}

/**
 * True when the element is an alternative of an offer or experiment: it carries `data-cta-arm`, `data-cta-when` or
 * `data-cta-default`, and the nearest such element or wrapper around it is a wrapper. Needs no page, so text walks can
 * ask it.
 */
export function isAlternativeElement(element: Element): boolean {
  if (!marksAlternative(element) || !element.parent) return false;
  const around = closestAncestor(element.parent as Element, (el) => has(el, CHOOSE) || marksAlternative(el));
  return around !== undefined && has(around, CHOOSE);
}

/**
 * Hidden from every visitor. An alternative hidden in the built HTML (`hidden`, `display: none`) is not: the chooser
 * shows it to the visitors it is meant for, so what it says is still said to someone.
 */
export function hiddenFromEveryone(element: Element): boolean {
  return isHidden(element) && !isAlternativeElement(element);
}

/** Most pages compare their CTAs in this many combinations of alternatives at most; beyond it, one at a time. */
const MAX_VIEWS = 64;

/**
 * The combinations of alternatives visitors can see, as tests on elements: every combination when there are few,
 * else the default view and each alternative on its own with every other offer at its default. A page without
 * offers has one view, which shows everything.
 */
export function viewsOf(page: PageContext): ((element: Element) => boolean)[] {
  const { list } = readChoices(page);
  const choices = list.filter((choice) => choice.alternatives.length > 0);
  if (choices.length === 0) return [() => true];
  const count = choices.reduce((product, choice) => product * choice.alternatives.length, 1);
  const selections: Map<Choice, Alternative>[] = [];
  const defaults = new Map(choices.map((choice) => [choice, defaultAlternative(choice)!]));
  if (count <= MAX_VIEWS) {
    let partial: Map<Choice, Alternative>[] = [new Map()];
    for (const choice of choices) {
      partial = partial.flatMap((selection) =>
        choice.alternatives.map((alternative) => new Map([...selection, [choice, alternative]])),
      );
    }
    selections.push(...partial);
  } else {
    selections.push(defaults);
    for (const choice of choices) {
      for (const alternative of choice.alternatives) {
        if (alternative !== defaults.get(choice)) selections.push(new Map([...defaults, [choice, alternative]]));
      }
    }
  }
  return selections.map(
    (selection) => (element: Element) =>
      alternativesAround(page, element).every((alternative) => selection.get(alternative.choice) === alternative),
  );
}
