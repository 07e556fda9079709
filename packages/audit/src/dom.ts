import type { AnyNode, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';

/** Classes that hide text visually but keep it for screen readers, as the common CSS frameworks spell them. */
const VISUALLY_HIDDEN_CLASS =
  /(?:^|\s)(?:sr-only|visually-hidden|screen-reader-text|screenreader|a11y-hidden|u-hidden-visually)(?:\s|$)/i;

// Attributes are read directly rather than through domutils' getAttributeValue and hasAttrib: same results, but
// these run millions of times per audit and the extra call layer showed in profiles.
export function attr(element: Element, name: string): string | undefined {
  return element.attribs?.[name];
}

export function has(element: Element, name: string): boolean {
  const { attribs } = element;
  return attribs != null && Object.hasOwn(attribs, name) && attribs[name] != null;
}

/** Whitespace that `collapse` changes: a run of two, whitespace other than a plain space, or space at either end. */
const UNCOLLAPSED = /\s\s|[^\S ]|^\s|\s$/;

export function collapse(text: string): string {
  // Most texts (link names, attribute values) are already collapsed, and testing is cheaper than replacing.
  if (!UNCOLLAPSED.test(text)) return text;
  return text.replace(/\s+/g, ' ').trim();
}

/** Hidden from everyone: not rendered, so neither seen nor announced. */
export function isHidden(element: Element): boolean {
  if (has(element, 'hidden')) return true;
  const style = attr(element, 'style');
  return style !== undefined && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

export function isVisuallyHidden(element: Element): boolean {
  return VISUALLY_HIDDEN_CLASS.test(attr(element, 'class') ?? '');
}

/**
 * What a text walk does with an element: leave it and its subtree out, put a text in its place, or read its
 * children (`read`).
 */
export type TextStep = 'leave-out' | 'read' | { text: string };

/**
 * The text of a subtree, in document order. `step` decides for each element; elements `boundary` matches separate
 * words with a space before and after their children, even without whitespace in the source. Iterative (an
 * explicit stack), so markup nested thousands of levels deep cannot exhaust the call stack.
 */
export function walkText(root: AnyNode, step: (element: Element) => TextStep, boundary: RegExp): string {
  let text = '';
  // Strings on the stack are separators to emit after an element's children.
  const stack: (AnyNode | string)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      text += node;
      continue;
    }
    if (isText(node)) {
      text += node.data;
      continue;
    }
    if (!isTag(node)) continue;
    const action = step(node);
    if (action === 'leave-out') continue;
    if (action !== 'read') {
      text += action.text;
      continue;
    }
    if (boundary.test(node.name)) {
      text += ' ';
      stack.push(' ');
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return text;
}

const BLOCK_BOUNDARY = /^(?:div|p|br|li|h[1-6]|span)$/;

/** Text of a subtree for names (with alt text and visually hidden text) or for sighted readers (without). */
function textOf(root: AnyNode, options: { forName: boolean }): string {
  const step = (node: Element): TextStep => {
    if (node.name === 'script' || node.name === 'style' || node.name === 'template' || isHidden(node))
      return 'leave-out';
    if (options.forName && attr(node, 'aria-hidden') === 'true') return 'leave-out';
    if (!options.forName && isVisuallyHidden(node)) return 'leave-out';
    if (node.name === 'img' || (node.name === 'input' && attr(node, 'type') === 'image')) {
      return options.forName ? { text: ` ${attr(node, 'alt') ?? ''} ` } : 'leave-out';
    }
    if (options.forName && node.name === 'svg') {
      const title = node.children.find((child): child is Element => isTag(child) && child.name === 'title');
      return { text: ` ${attr(node, 'aria-label') ?? (title ? textOf(title, options) : '')} ` };
    }
    return 'read';
  };
  return walkText(root, step, BLOCK_BOUNDARY);
}

/** What a sighted user reads: text content without visually hidden parts and without alt text. */
export function visibleText(element: Element): string {
  if (element.name === 'input') return collapse(attr(element, 'value') ?? '');
  return collapse(textOf(element, { forName: false }));
}

/**
 * The accessible name, following the order of the accessible name computation for links and buttons:
 * aria-labelledby, aria-label, content (including alt text and visually hidden text), then title.
 */
export function accessibleName(element: Element, byId: (id: string) => Element | undefined): string {
  const labelledBy = attr(element, 'aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => byId(id))
      .filter((target): target is Element => target !== undefined)
      .map((target) => textOf(target, { forName: true }))
      .join(' ');
    if (collapse(text)) return collapse(text);
  }
  const label = collapse(attr(element, 'aria-label') ?? '');
  if (label) return label;
  if (element.name === 'input') {
    const type = (attr(element, 'type') ?? 'text').toLowerCase();
    const value = collapse(attr(element, 'value') ?? '');
    if (value) return value;
    if (type === 'submit') return 'Submit';
    if (type === 'image') return collapse(attr(element, 'alt') ?? '');
    return collapse(attr(element, 'title') ?? '');
  }
  const content = collapse(textOf(element, { forName: true }));
  return content || collapse(attr(element, 'title') ?? '');
}

/** A short CSS path that points a reviewer at the element: nearest id, then tag:nth-of-type steps. */
export function cssPath(element: Element): string {
  const steps: string[] = [];
  let current: Element | null = element;
  while (current && current.name !== 'html') {
    const id = attr(current, 'id');
    if (id && /^[A-Za-z][\w-]*$/.test(id)) {
      steps.unshift(`#${id}`);
      break;
    }
    const parent: Element | null = current.parent && isTag(current.parent) ? current.parent : null;
    const place = parent ? placeAmongSiblings(parent, current) : undefined;
    steps.unshift(place && place.of > 1 ? `${current.name}:nth-of-type(${place.nth})` : current.name);
    current = parent;
  }
  return steps.join(' > ');
}

/** Per parent: each child element's nth-of-type, and how many children have each tag. */
interface SiblingPlaces {
  nth: Map<Element, number>;
  ofTag: Map<string, number>;
}
const placesByParent = new WeakMap<Element, SiblingPlaces>();

/**
 * Where an element is among its parent's children of the same tag. Counted in one pass over the parent's children
 * and remembered, so paths for 80,000 sibling links take linear time, not a scan of every sibling for each link.
 */
function placeAmongSiblings(parent: Element, child: Element): { nth: number; of: number } | undefined {
  let places = placesByParent.get(parent);
  if (!places) {
    places = { nth: new Map(), ofTag: new Map() };
    for (const sibling of parent.children) {
      if (!isTag(sibling)) continue;
      const nth = (places.ofTag.get(sibling.name) ?? 0) + 1;
      places.ofTag.set(sibling.name, nth);
      places.nth.set(sibling, nth);
    }
    placesByParent.set(parent, places);
  }
  const nth = places.nth.get(child);
  return nth === undefined ? undefined : { nth, of: places.ofTag.get(child.name)! };
}

/** The element's opening tag and a little of its text, for the report. */
export function excerpt(element: Element, html: string, max = 160): string {
  const start = element.startIndex ?? 0;
  const end = element.endIndex === null || element.endIndex === undefined ? start + max : element.endIndex + 1;
  const source = collapse(html.slice(start, Math.min(end, start + max * 2)));
  return source.length > max ? `${source.slice(0, max - 1)}…` : source;
}

/** The element itself or its nearest ancestor that passes the test. */
export function closestAncestor(element: Element, test: (candidate: Element) => boolean): Element | undefined {
  for (let node: AnyNode | null = element; node; node = node.parent) {
    if (isTag(node) && test(node)) return node;
  }
  return undefined;
}

/** Every element in these trees, in document order; iterative (an explicit stack), so deep nesting is safe. */
export function elements(roots: readonly AnyNode[]): Element[] {
  const found: Element[] = [];
  const stack: AnyNode[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    found.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return found;
}
