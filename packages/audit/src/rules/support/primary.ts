import type { Element } from 'domhandler';
import { attr, closestAncestor } from '../../dom.ts';
import { isCtaBand } from '../../main-content.ts';
import { styledAsButton } from '../../recognize.ts';
import type { Cta, PageContext } from '../../types.ts';
import { inDefaultView } from './choices.ts';
import { destinationOf } from './targets.ts';

/**
 * The page's primary CTAs: declared with `data-cta-role`/`data-cta-variant`, or, for hand-written CTAs without the
 * contract, styled as primary by class name (recognize.ts decides the role once).
 */
export function primaryCtas(page: PageContext): Cta[] {
  return page.ctas.filter((cta) => cta.role === 'primary');
}

/** In a dialog or popover: not in the page's flow. */
export function isOverlay(element: Element): boolean {
  const role = attr(element, 'role');
  return (
    element.name === 'dialog' || role === 'dialog' || role === 'alertdialog' || attr(element, 'popover') !== undefined
  );
}

/** Utility classes that fill a button (`bg-blue-600`), as opposed to outline, ghost or text styles. */
const SOLID_FILL =
  /(?:^|\s)(?:[a-z-]+:)?bg-(?!transparent\b|none\b|opacity)[\w[\]#/.-]+|(?:^|[\s_-])(?:filled|solid|fill|primary|cta)(?:$|[\s_-])/i;
const NOT_SOLID =
  /(?:^|[\s_-])(?:outline|outlined|ghost|link|text|secondary|minimal|subtle|tertiary|plain)(?:$|[\s_-])/i;

/**
 * Where the page does not say which CTA is its primary (no `data-cta-role`, no primary class), the most prominent
 * one, only where that is clear: the page's one CTA destination, else the first solid button of the section that
 * holds the page's `<h1>` (the hero's main button), else the one action of a band closing the page; on pages meant to convert only (page-kind.ts). Undefined when
 * unsure. Used by `cta-below-fold` only.
 */
export function guessPrimary(page: PageContext): Cta | undefined {
  if (primaryCtas(page).length > 0) return undefined;
  // A list, post, docs or legal page's one link-like CTA ("Read more", a contact address) is not its main action.
  if (!page.kind.converting) return undefined;
  // Of an offer's alternatives, the default one: what a visitor without JavaScript sees.
  const inFlow = page.ctas.filter(
    (cta) =>
      page.inContent(cta.element) && !closestAncestor(cta.element, isOverlay) && inDefaultView(page, cta.element),
  );
  if (inFlow.length === 0) return undefined;
  const destinations = new Set(inFlow.map((cta) => destinationOf(cta, page.route)));
  if (destinations.size === 1) return inFlow[0];
  const hero = heroOf(page);
  const heroButton =
    hero && inFlow.find((cta) => closestAncestor(cta.element, (el) => el === hero) && isSolidButton(cta.element));
  return heroButton ?? closingBandCta(page, inFlow);
}

/**
 * The one action of a band that closes the page ("Interested in working together?" and a "Send me a message"
 * button): what the page leads up to, so its main action when the opening section has none.
 */
function closingBandCta(page: PageContext, inFlow: readonly Cta[]): Cta | undefined {
  const last = page.content.at(-1);
  if (!last) return undefined;
  const blocks = last.children.filter(
    (child): child is Element => 'name' in child && !['script', 'style', 'template'].includes((child as Element).name),
  );
  // The last block of the last region, or the region itself when it is a band after <main> (never all of <main>).
  const candidates = [blocks.at(-1), last === page.content[0] ? undefined : last];
  const band = candidates.find((block): block is Element => block !== undefined && isCtaBand(block));
  if (!band) return undefined;
  const inBand = inFlow.filter((cta) => closestAncestor(cta.element, (el) => el === band));
  return new Set(inBand.map((cta) => destinationOf(cta, page.route))).size === 1 ? inBand[0] : undefined;
}

function isSolidButton(element: Element): boolean {
  const className = attr(element, 'class') ?? '';
  return styledAsButton(element) && SOLID_FILL.test(className) && !NOT_SOLID.test(className);
}

/** The section, header or top-level block of the content that holds the page's first `<h1>`. */
function heroOf(page: PageContext): Element | undefined {
  const h1 = page.content.flatMap((root) => firstH1(root) ?? []).at(0);
  if (!h1) return undefined;
  return (
    closestAncestor(
      h1,
      (el) => el.name === 'section' || el.name === 'header' || page.content.includes(el.parent as Element),
    ) ?? (h1.parent as Element)
  );
}

function firstH1(root: Element): Element | undefined {
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.name === 'h1') return node;
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i]!;
      if ('name' in child) stack.push(child as Element);
    }
  }
  return undefined;
}
