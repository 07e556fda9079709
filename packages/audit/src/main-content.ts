import type { AnyNode, Document, Element } from 'domhandler';
import { isTag } from 'domhandler';
import { attr, isHidden } from './dom.ts';
import { documentElements } from './parse.ts';

/** Landmarks that hold site chrome wherever they are. */
const ALWAYS_CHROME = new Set(['nav', 'aside']);
/** `header` and `footer` are the page's banner and footer only outside sectioning content (HTML's own rule). */
const SECTION_CHROME = new Set(['header', 'footer']);
const CHROME_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'menu',
  'menubar',
  'toolbar',
  'tablist',
  'search',
]);
/** Whole class or id tokens that name chrome on sites without landmarks (`<div id="header">`, `.navbar`). */
const CHROME_TOKENS = new Set([
  'nav',
  'navbar',
  'navigation',
  'nav-links',
  'menu',
  'main-menu',
  'main-nav',
  'site-nav',
  'header',
  'site-header',
  'masthead',
  'footer',
  'site-footer',
  'sidebar',
  'breadcrumb',
  'breadcrumbs',
  'pagination',
  'pager',
  'toc',
  'table-of-contents',
  'skip-link',
  'skiplink',
  'language-switcher',
  'lang-switcher',
  'post-nav',
  'post-navigation',
  'pagination-links',
  // Announcement bars above the page ("Updating to Astro 7? Learn how to upgrade"): Starlight's and generic ones.
  'sl-banner',
  'announcement',
  'announcement-bar',
  'announcement-banner',
  'site-banner',
  'promo-bar',
  'notice-bar',
  'top-bar',
  'topbar',
]);
/**
 * Token families that are chrome in any spelling: share and social-follow bars (`share-links`, `social-icons`,
 * `socials`), cookie and consent banners (`cookie-banner`, `cookieConsent`, `gdpr-notice`).
 */
const CHROME_TOKEN_FAMILY =
  /^(?:share|sharing|social|socials|cookies?|consent|gdpr)(?:$|[-_])|[-_](?:share|sharing|social|socials|cookies?|consent)$|^cookie|consent$/;
/** The contract's social proof (`social-proof`, `SocialProof`) is content, not a social-follow bar. */
const NOT_CHROME_TOKEN = /^social-?proof/;
const SECTIONING = new Set(['main', 'article', 'section']);
/** Elements after the main content that hold nothing a reader sees. */
const NOT_CONTENT = new Set(['script', 'style', 'template', 'noscript', 'link', 'meta']);

const WHITESPACE = /\s+/;

function tokens(element: Element): string[] {
  const className = attr(element, 'class');
  const id = attr(element, 'id');
  // Most elements have neither; building and splitting an empty string for each of them showed in the profile.
  if (className === undefined && id === undefined) return [];
  return `${className ?? ''} ${id ?? ''}`.toLowerCase().split(WHITESPACE).filter(Boolean);
}

function hasChromeToken(element: Element): boolean {
  return tokens(element).some(
    (token) => CHROME_TOKENS.has(token) || (CHROME_TOKEN_FAMILY.test(token) && !NOT_CHROME_TOKEN.test(token)),
  );
}

/**
 * Site chrome by landmark, role or class/id name. `insideSectioning`: the element sits in main, article or section,
 * where `header` and `footer` belong to that section rather than to the site.
 */
export function isChrome(element: Element, insideSectioning: boolean): boolean {
  // Templates close pages with an <aside> band ("Interested in working together?" + a link): content, not a sidebar.
  // Only a closing one (the last block of its parent) is a band; an aside elsewhere is a sidebar.
  if (element.name === 'aside') return !(isLastBlock(element) && isCtaBand(element));
  if (ALWAYS_CHROME.has(element.name)) return true;
  // A header holding the page's <h1> and no menu is the page's title block (a hero with its actions), not the
  // site's banner (which holds the navigation, and on some sites the logo as an <h1>).
  if (SECTION_CHROME.has(element.name) && !insideSectioning)
    return !(element.name === 'header' && isTitleBlock(element));
  const role = attr(element, 'role');
  if (role && CHROME_ROLES.has(role)) return true;
  return hasChromeToken(element);
}

/** Elements of a header looked at; a hero is small, a mega-menu banner is not a title block anyway. */
const HEADER_MAX_NODES = 400;

/** A header with an <h1> outside any link (not a logo) and no navigation: the page's own title block. */
function isTitleBlock(header: Element): boolean {
  let h1 = false;
  const stack: Element[] = [header];
  for (let visited = 0; stack.length > 0; visited++) {
    if (visited > HEADER_MAX_NODES) return false;
    const node = stack.pop()!;
    if (node.name === 'nav' || node.name === 'ul' || CHROME_ROLES.has(attr(node, 'role') ?? '')) return false;
    if (node.name === 'h1' && !node.children.some((child) => isTag(child) && child.name === 'a')) h1 = true;
    for (const child of node.children) if (isTag(child)) stack.push(child);
  }
  return h1;
}

export function isSectioning(element: Element): boolean {
  return SECTIONING.has(element.name);
}

/** A CTA band is short: a heading or a line of text and at most a few links or buttons, no lists or menus. */
const BAND_MAX_WORDS = 80;
const BAND_MAX_CONTROLS = 3;
const BAND_MAX_NODES = 300;

/** A short block with a heading and at most three links or buttons, no lists or menus: a call-to-action band. */
export function isCtaBand(element: Element): boolean {
  let heading = false;
  let controls = 0;
  let words = 0;
  let visited = 0;
  const stack: Element[] = [element];
  while (stack.length > 0) {
    if (++visited > BAND_MAX_NODES) return false;
    const node = stack.pop()!;
    if (node.name === 'ul' || node.name === 'ol' || node.name === 'nav' || node.name === 'menu') return false;
    if (/^h[1-6]$/.test(node.name)) heading = true;
    if (node.name === 'a' || node.name === 'button') controls += 1;
    for (const child of node.children) {
      if (isTag(child)) {
        if (!NOT_CONTENT.has(child.name) && child.name !== 'svg') stack.push(child);
      } else if (child.type === 'text') {
        words += (child as { data: string }).data.split(WHITESPACE).filter(Boolean).length;
      }
    }
  }
  return heading && controls >= 1 && controls <= BAND_MAX_CONTROLS && words <= BAND_MAX_WORDS;
}

function isLastBlock(element: Element): boolean {
  for (let sibling = element.next; sibling; sibling = sibling.next) {
    if (isTag(sibling) && !NOT_CONTENT.has(sibling.name)) return false;
  }
  return true;
}

function isMainLandmark(element: Element): boolean {
  return (element.name === 'main' || attr(element, 'role') === 'main') && !isHidden(element);
}

/**
 * The element that holds the page's main content: `<main>` (or `role="main"`), else `<body>`, else `<html>`;
 * undefined for a fragment with neither (an MDX page rendered without a layout), whose top-level elements are
 * its content.
 */
export function findMain(document: Document): Element | undefined {
  let body: Element | undefined;
  let html: Element | undefined;
  for (const element of documentElements(document)) {
    if (isMainLandmark(element)) return element;
    if (element.name === 'body') body ??= element;
    else if (element.name === 'html') html ??= element;
  }
  return body ?? html;
}

function isFooter(element: Element): boolean {
  if (element.name === 'footer' || attr(element, 'role') === 'contentinfo') return true;
  return tokens(element).some((token) => token === 'footer' || token === 'site-footer');
}

/**
 * The page's own content: the main element and what follows it before the site's footer. Layouts often wrap only
 * the hero or the article in `<main>` and put closing sections ("Ready to start?" bands, newsletter forms) after
 * it; those are the page's content too. Chrome between them (asides, navs, banners, dialogs) is left out.
 * Without a main element the whole body is the content (the walk leaves chrome out); a fragment without a body
 * contributes its top-level elements.
 */
export function contentRegions(document: Document, main: Element | undefined = findMain(document)): Element[] {
  if (!main) return blocksOf(document.children).filter((node) => node.name !== 'head');
  if (!isMainLandmark(main)) return [main];
  const regions = [main];
  for (let node: Element | null = main; node && !/^(?:body|html)$/.test(node.name); node = parentElement(node)) {
    for (let sibling = node.next; sibling; sibling = sibling.next) {
      if (!isTag(sibling)) continue;
      if (isFooter(sibling)) return regions;
      const band = sibling.name === 'aside' && isCtaBand(sibling);
      if (!band && (NOT_CONTENT.has(sibling.name) || isHidden(sibling) || isChrome(sibling, false))) continue;
      regions.push(sibling);
    }
  }
  return regions;
}

function parentElement(node: Element): Element | null {
  const parent = node.parent;
  return parent && isTag(parent) ? parent : null;
}

const COPYRIGHT =
  /©|&copy;|\bcopyright\b|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados/i;
/** Chrome blocks are short: a header bar or a footer line, not a section of the page. */
const MAX_CHROME_WORDS = 120;

/**
 * Chrome that only position and structure reveal, on pages without landmarks: the first block of the body when it
 * is a bar of links (a logo link home, a menu) without the page's heading, and the last blocks when they carry the
 * copyright line. Only asked when the content is the whole body.
 */
export function chromeByStructure(body: Element): Set<Element> {
  const found = new Set<Element>();
  let blocks = blocksOf(body.children);
  // One wrapper around everything (`<div id="app">`): its children are the blocks.
  if (blocks.length === 1) blocks = blocksOf(blocks[0]!.children);
  if (blocks.length < 2) return found;
  const first = blocks[0]!;
  const firstFacts = facts(first);
  const barOfLinks = firstFacts.links >= 2 && (firstFacts.homeLink || firstFacts.list);
  if (!firstFacts.h1 && barOfLinks && firstFacts.words <= MAX_CHROME_WORDS) {
    found.add(first);
  }
  for (let i = blocks.length - 1; i > 0; i--) {
    const block = blocks[i]!;
    const blockFacts = facts(block);
    if (blockFacts.h1 || blockFacts.words > MAX_CHROME_WORDS) break;
    if (COPYRIGHT.test(blockFacts.text)) {
      found.add(block);
      break;
    }
  }
  return found;
}

/** Enough text of a block to find a copyright line. */
const MAX_FACT_TEXT = 2000;

function blocksOf(nodes: readonly AnyNode[]): Element[] {
  return nodes.filter((node): node is Element => isTag(node) && !NOT_CONTENT.has(node.name));
}

interface BlockFacts {
  h1: boolean;
  links: number;
  homeLink: boolean;
  list: boolean;
  words: number;
  text: string;
}

function facts(root: Element): BlockFacts {
  const result: BlockFacts = { h1: false, links: 0, homeLink: false, list: false, words: 0, text: '' };
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (NOT_CONTENT.has(node.name)) continue;
    if (node.name === 'h1') result.h1 = true;
    if (node.name === 'ul' || node.name === 'ol') result.list = true;
    if (node.name === 'a') {
      result.links += 1;
      const href = attr(node, 'href') ?? '';
      if (href === '/' || href === './' || /^https?:\/\/[^/]+\/?$/.test(href)) result.homeLink = true;
    }
    for (const child of node.children) {
      if (isTag(child)) stack.push(child);
      else if (child.type === 'text' && result.text.length < MAX_FACT_TEXT) {
        result.text += ` ${(child as { data: string }).data}`;
      }
    }
  }
  result.words = result.text.split(WHITESPACE).filter(Boolean).length;
  return result;
}
