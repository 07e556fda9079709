import type { Element } from 'domhandler';
import { elements } from '../../dom.ts';
import type { PageContext } from '../../types.ts';

const cache = new WeakMap<PageContext['document'], Element[]>();

/**
 * Every element of the page in document order, collected once and shared by the rules: filtering one array is
 * much cheaper than each rule walking the tree again (the audit's budget is about a millisecond per page).
 */
export function elementsOf(page: PageContext): readonly Element[] {
  let list = cache.get(page.document);
  if (!list) {
    list = [...elements(page.document.children)];
    cache.set(page.document, list);
  }
  return list;
}

/** Every element under `root`, itself included, in document order; iterative, so deep nesting is safe. */
export function subtree(root: Element): Element[] {
  return [root, ...elements(root.children)];
}
