import { isTag, type Element } from 'domhandler';
import { documentElements } from '../../parse.ts';
import type { PageContext } from '../../types.ts';

/**
 * Every element of the page in document order, collected while parsing and shared by the rules: filtering one array
 * is much cheaper than each rule walking the tree again (the audit's budget is about a millisecond per page).
 */
export function elementsOf(page: PageContext): readonly Element[] {
  return documentElements(page.document);
}

/** Every element under `root`, itself included, in document order; iterative, so deep nesting is safe. */
export function subtree(root: Element): Element[] {
  const found: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    found.push(element);
    pushChildElements(element, stack);
  }
  return found;
}

/**
 * The first element below `root` (not `root` itself) in document order that passes the test. Walks without
 * collecting the subtree: rules ask this of every link on a page.
 */
export function findDescendant(root: Element, test: (element: Element) => boolean): Element | undefined {
  const stack: Element[] = [];
  pushChildElements(root, stack);
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (test(element)) return element;
    pushChildElements(element, stack);
  }
  return undefined;
}

/** Pushes the element's child elements last first, so that popping yields them in document order. */
function pushChildElements(element: Element, stack: Element[]): void {
  for (let i = element.children.length - 1; i >= 0; i--) {
    const child = element.children[i]!;
    if (isTag(child)) stack.push(child);
  }
}
