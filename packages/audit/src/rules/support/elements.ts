import type { Element } from 'domhandler';
import { elements } from '../../dom.ts';
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
  return [root, ...elements(root.children)];
}
