import type { Finding } from '@astro-cta/audit';

export type HighlightResult = 'shown' | 'not-found' | 'not-visible';

const STYLE_FOR: Record<Finding['severity'], string> = { error: 'red', warning: 'yellow', info: 'blue' };
const PADDING = 6;
/** Where a highlighted element lands, as a share of the viewport's height from its top. */
const SCROLL_MARGIN = 0.2;

/**
 * Finds a finding's element on the live page by its CSS path, scrolls it into view and outlines it with the
 * toolbar's own `<astro-dev-toolbar-highlight>`, placed in the app's canvas (never inside the user's markup).
 */
export class ElementHighlighter {
  #canvas: ShadowRoot;
  #current: { highlight: HTMLElement; element: Element } | undefined;

  constructor(canvas: ShadowRoot) {
    this.#canvas = canvas;
    window.addEventListener('resize', () => this.#reposition());
  }

  show(finding: Finding): HighlightResult {
    this.clear();
    const element = findElement(finding);
    if (!element) return 'not-found';
    // Near the top of the viewport rather than centred: the app's window covers the middle and bottom of the page.
    element.scrollIntoView({ block: 'start', inline: 'nearest' });
    window.scrollBy(0, -window.innerHeight * SCROLL_MARGIN);
    const highlight = document.createElement('astro-dev-toolbar-highlight');
    highlight.setAttribute('highlight-style', STYLE_FOR[finding.severity]);
    highlight.dataset.ctaHighlight = finding.ruleId;
    this.#current = { highlight, element };
    this.#canvas.append(highlight);
    return this.#reposition() ? 'shown' : 'not-visible';
  }

  clear(): void {
    this.#current?.highlight.remove();
    this.#current = undefined;
  }

  /** Places the outline over the element; false when the element takes no space (hidden, `display: none`). */
  #reposition(): boolean {
    if (!this.#current) return false;
    const { highlight, element } = this.#current;
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) {
      highlight.style.display = 'none';
      return false;
    }
    // Inside a fixed container the element stays put while the page scrolls: so must its outline.
    const fixed = isInFixedContainer(element);
    Object.assign(highlight.style, {
      display: 'block',
      position: fixed ? 'fixed' : 'absolute',
      top: `${rect.top + (fixed ? 0 : window.scrollY) - PADDING}px`,
      left: `${rect.left + (fixed ? 0 : window.scrollX) - PADDING}px`,
      width: `${rect.width + 2 * PADDING}px`,
      height: `${rect.height + 2 * PADDING}px`,
      pointerEvents: 'none',
    });
    return true;
  }
}

/**
 * The element a finding is about, located by its CSS path. The path was computed on the server-rendered HTML; a
 * script may since have changed the page, so the element must still have the tag the finding's excerpt shows.
 */
export function findElement(
  finding: Pick<Finding, 'selector' | 'excerpt'>,
  root: ParentNode = document,
): Element | undefined {
  if (!finding.selector) return undefined;
  let element: Element | null;
  try {
    element = root.querySelector(finding.selector);
  } catch {
    return undefined; // not a selector this browser understands
  }
  if (!element) return undefined;
  const tag = /^<([a-z][\w-]*)/i.exec(finding.excerpt ?? '')?.[1]?.toLowerCase();
  return tag && element.localName !== tag ? undefined : element;
}

function isInFixedContainer(element: Element): boolean {
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (getComputedStyle(current).position === 'fixed') return true;
  }
  return false;
}
