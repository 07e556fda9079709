import type { AnyNode, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { findAll } from 'domutils';
import { collapse, isHidden, visibleText } from '../../dom.ts';
import type { PageContext } from '../../types.ts';

const bodies = new WeakMap<PageContext['document'], string>();

/** What a sighted visitor can read on the whole page (body, without scripts, hidden or visually hidden text). */
export function pageVisibleText(page: PageContext): string {
  let text = bodies.get(page.document);
  if (text === undefined) {
    const body = findAll((el) => el.name === 'body', page.document.children)[0];
    text = body ? visibleText(body) : page.document.children.filter(isTag).map(visibleText).join(' ');
    bodies.set(page.document, text);
  }
  return text;
}

/** Elements whose text is shown as code or quoted from someone else, not claimed by the page itself. */
const NOT_CLAIMED = new Set(['script', 'style', 'template', 'noscript', 'code', 'pre', 'kbd', 'samp', 'var', 'q', 'textarea']);
/** Text between quotation marks talks about a phrase ("only 3 left") rather than saying it. */
const QUOTED = /"[^"\n]{1,200}"|“[^”\n]{1,200}”|„[^“”\n]{1,200}[“”]|«[^»\n]{1,200}»|‘[^’\n]{1,200}’/gu;

function claimedTextOf(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (!isTag(node) || NOT_CLAIMED.has(node.name) || isHidden(node)) return '';
  const inner = node.children.map(claimedTextOf).join('');
  return /^(?:div|p|br|li|h[1-6]|td|th|section|article)$/.test(node.name) ? ` ${inner} ` : inner;
}

/** The text an element states in its own voice: no code samples, no quoted phrases, nothing hidden. */
export function claimedText(element: Element): string {
  return collapse(claimedTextOf(element).replace(QUOTED, ' '));
}

/**
 * The smallest elements whose text passes the test: "Only <b>3</b> left" is reported on its paragraph, not on the
 * `<b>` or the whole `<main>`. The test runs on the root first, so pages without a match cost one pass.
 */
export function smallestMatching(root: Element, test: (text: string) => boolean, textOf: (element: Element) => string = visibleText): Element[] {
  if (isHidden(root) || !test(textOf(root))) return [];
  const inner = root.children.filter(isTag).flatMap((child) => smallestMatching(child, test, textOf));
  return inner.length > 0 ? inner : [root];
}
