import { type AnyNode, type Element, isTag } from 'domhandler';
import { elements } from '../../dom.ts';
import type { PageContext } from '../../types.ts';

/**
 * Every element of the page in document order, collected while parsing and shared by the rules: filtering one array
 * is much cheaper than each rule walking the tree again (the audit's budget is about a millisecond per page).
 */
export function elementsOf(page: PageContext): readonly Element[] {
  return page.elements;
}

/**
 * Every element under `root`, itself included, in document order: for a large part of the page (its main content),
 * a slice of the page's element list is much cheaper than walking the subtree. The slice is contiguous because the
 * list is in document order; it ends where the first element after `root`'s subtree starts.
 */
export function pageSubtree(page: PageContext, root: Element): Element[] {
  const list = elementsOf(page);
  const start = list.indexOf(root);
  // Not one of the page's elements (a rule handed in another tree): walk it.
  if (start === -1) return subtree(root);
  const after = nextOutside(root);
  const end = after ? list.indexOf(after, start) : list.length;
  return list.slice(start, end === -1 ? list.length : end);
}

/**
 * The first element after `root` in document order that is not inside it: the next element sibling of `root`, or
 * of its nearest ancestor that has one.
 */
function nextOutside(root: Element): Element | undefined {
  for (let node: AnyNode | null = root; node; node = node.parent) {
    for (let sibling = node.next; sibling; sibling = sibling.next) {
      if (isTag(sibling)) return sibling;
    }
  }
  return undefined;
}

/** Every element under `root`, itself included, in document order; iterative, so deep nesting is safe. */
export function subtree(root: Element): Element[] {
  return elements([root]);
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
