import type { Document, Element } from 'domhandler';
import { findAll } from 'domutils';
import { CTA_ID, CTA_ROLE, CTA_VARIANT, roleForVariant, CTA_VARIANTS, type CtaVariant } from '@astro-cta/contract';
import type { Cta } from './types.ts';
import { accessibleName, attr, closestAncestor, visibleText } from './dom.ts';

/** Regions that hold site chrome, not a page's calls to action. */
const CHROME = new Set(['nav', 'header', 'footer', 'aside']);
/** Class names that mark a link as a button (Bootstrap, Tailwind kits, WordPress, Starlight…). */
const BUTTON_CLASS = /(?:^|[\s_-])(?:btn|button|cta)(?:$|[\s_-])/i;

export function findMain(document: Document): Element | undefined {
  return findAll((el) => el.name === 'main' || attr(el, 'role') === 'main', document.children)[0]
    ?? findAll((el) => el.name === 'body', document.children)[0];
}

function inChrome(element: Element, main: Element | undefined): boolean {
  return closestAncestor(element, (el) => el === main || CHROME.has(el.name) || attr(el, 'role') === 'navigation') !== main;
}

function kindOf(element: Element): Cta['kind'] | undefined {
  if (element.name === 'a' && attr(element, 'href') !== undefined) return 'link';
  if (element.name === 'button') return (attr(element, 'type') ?? 'submit').toLowerCase() === 'submit' && closestAncestor(element, (el) => el.name === 'form') ? 'submit' : 'button';
  if (element.name === 'input') {
    const type = (attr(element, 'type') ?? '').toLowerCase();
    if (type === 'submit' || type === 'image') return 'submit';
    if (type === 'button') return 'button';
  }
  if (attr(element, 'role') === 'button') return 'button';
  return undefined;
}

/** A link is a CTA by shape when it is styled as a button or stands alone, not inside running prose. */
function looksLikeCta(element: Element, kind: Cta['kind']): boolean {
  if (kind !== 'link') return true;
  if (attr(element, 'role') === 'button' || BUTTON_CLASS.test(attr(element, 'class') ?? '')) return true;
  return false;
}

/**
 * Finds the page's CTAs: every element declared through the markup contract, wherever it is, and, inside the
 * main content only, buttons, form submits and links styled as buttons. Navigation, header, footer and inline
 * prose links are not CTAs.
 */
export function recognizeCtas(document: Document, main: Element | undefined, byId: (id: string) => Element | undefined): Cta[] {
  const ctas: Cta[] = [];
  const taken = new Set<Element>();
  for (const element of findAll((el) => attr(el, CTA_ID) !== undefined, document.children)) {
    taken.add(element);
    ctas.push(describe(element, true, byId));
  }
  if (!main) return ctas;
  // Document order: an outer CTA is taken before anything nested in it, and a nested one is part of it.
  for (const element of findAll(() => true, [main])) {
    if (closestAncestor(element, (el) => taken.has(el))) continue;
    const kind = kindOf(element);
    if (!kind || !looksLikeCta(element, kind) || inChrome(element, main)) continue;
    taken.add(element);
    ctas.push(describe(element, false, byId));
  }
  return ctas;
}

function describe(element: Element, declared: boolean, byId: (id: string) => Element | undefined): Cta {
  const kind = kindOf(element) ?? 'link';
  const variant = attr(element, CTA_VARIANT);
  const roleAttr = attr(element, CTA_ROLE);
  const role = roleAttr === 'primary' || roleAttr === 'secondary'
    ? roleAttr
    : variant && (CTA_VARIANTS as readonly string[]).includes(variant) ? roleForVariant(variant as CtaVariant) : 'secondary';
  return {
    element,
    id: attr(element, CTA_ID),
    role,
    kind,
    name: accessibleName(element, byId),
    visibleText: visibleText(element),
    href: attr(element, 'href'),
    declared,
  };
}
