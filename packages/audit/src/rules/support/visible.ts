import type { Element } from 'domhandler';
import { isTag } from 'domhandler';
import { collapse, visibleText, walkText } from '../../dom.ts';
import type { PageContext } from '../../types.ts';
import { hiddenFromEveryone } from './choices.ts';

/** What a sighted visitor can read on the whole page: `page.visibleText`, read once per page. */
export function pageVisibleText(page: PageContext): string {
  return page.visibleText;
}

/** Reads the page's visible text (body, without scripts, hidden or visually hidden text). See `page.visibleText`. */
export function readVisibleText(page: Pick<PageContext, 'elements' | 'document'>): string {
  const body = page.elements.find((el) => el.name === 'body');
  return body ? visibleText(body) : page.document.children.filter(isTag).map(visibleText).join(' ');
}

/** Elements whose text is shown as code or quoted from someone else, not claimed by the page itself. */
const NOT_CLAIMED = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'q',
  'textarea',
]);
/** Text between quotation marks talks about a phrase ("only 3 left") rather than saying it. */
const QUOTED = /"[^"\n]{1,200}"|“[^”\n]{1,200}”|„[^“”\n]{1,200}[“”]|«[^»\n]{1,200}»|‘[^’\n]{1,200}’/gu;

/** Elements that separate words in claimed text. */
const BLOCK = /^(?:div|p|br|li|h[1-6]|td|th|section|article)$/;

function claimedTextOf(root: Element, skip?: (element: Element) => boolean): string {
  return walkText(
    root,
    (node) => (NOT_CLAIMED.has(node.name) || hiddenFromEveryone(node) || skip?.(node) ? 'leave-out' : 'read'),
    BLOCK,
  );
}

/**
 * The text an element states in its own voice: no code samples, no quoted phrases, nothing hidden, and nothing in
 * the subtrees `skip` rules out.
 */
export function claimedText(
  element: Element,
  skip?: (element: Element) => boolean,
  worthCleaning?: (raw: string) => boolean,
): string {
  const raw = claimedTextOf(element, skip);
  // Dropping quotes and collapsing whitespace costs more than the walk itself on a whole page: a caller that can tell
  // from the raw text that the result will not interest it gets '' instead.
  if (worthCleaning && !worthCleaning(raw)) return '';
  return collapse(raw.replace(QUOTED, ' '));
}

/** Deeper than this, the reported element is precise enough; it also bounds the work on pathological nesting. */
const MAX_DESCENT = 40;

/**
 * The smallest elements whose text passes the test: "Only <b>3</b> left" is reported on its paragraph, not on the
 * `<b>` or the whole `<main>`. The test runs on the root first, so pages without a match cost one pass.
 */
export function smallestMatching(
  root: Element,
  test: (text: string) => boolean,
  textOf: (element: Element) => string = visibleText,
): Element[] {
  if (hiddenFromEveryone(root) || !test(textOf(root))) return [];
  const found: Element[] = [];
  const queue: { element: Element; depth: number }[] = [{ element: root, depth: 0 }];
  while (queue.length > 0) {
    const { element, depth } = queue.shift()!;
    const inner =
      depth >= MAX_DESCENT
        ? []
        : element.children.filter(isTag).filter((child) => !hiddenFromEveryone(child) && test(textOf(child)));
    if (inner.length === 0) found.push(element);
    else queue.unshift(...inner.map((child) => ({ element: child, depth: depth + 1 })));
  }
  return found;
}
