import type { Element } from 'domhandler';
import { isTag } from 'domhandler';
import { findAll } from 'domutils';
import { isHidden, visibleText } from '../../dom.ts';
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

/**
 * The smallest elements whose visible text passes the test: "Only <b>3</b> left" is reported on its paragraph, not
 * on the `<b>` or the whole `<main>`. The test runs on the root first, so pages without a match cost one pass.
 */
export function smallestMatching(root: Element, test: (text: string) => boolean): Element[] {
  if (isHidden(root) || !test(visibleText(root))) return [];
  const inner = root.children.filter(isTag).flatMap((child) => smallestMatching(child, test));
  return inner.length > 0 ? inner : [root];
}
