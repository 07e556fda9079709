import { CHOOSE, CTA_EXPERIMENT } from '@astro-cta/contract';
import type { Document, Element } from 'domhandler';
import { isTag } from 'domhandler';
import { attr, collapse, visibleText } from './dom.ts';
import { documentElements } from './parse.ts';

/**
 * What a page is for, as far as calls to action go. Only `page` (home, landing, product, pricing, contact,
 * services: a page that sells) is meant to convert by default; the others exist to inform (articles, docs, about,
 * `content`: a page with no sign of selling, such as a tool or a sample page), to navigate (lists, taxonomies,
 * pagination, archives, search), to inform by obligation (legal), or are not pages people read (errors, redirects,
 * feeds, noindex and CMS shells).
 */
export type PageKind =
  | 'page'
  | 'article'
  | 'taxonomy'
  | 'paginated-list'
  | 'list'
  | 'archive'
  | 'search'
  | 'docs'
  | 'about'
  | 'content'
  | 'legal'
  | 'error'
  | 'redirect'
  | 'feed'
  | 'admin'
  | 'noindex';

export interface PageKindResult {
  kind: PageKind;
  /** True for kinds that are meant to convert (`page`). */
  converting: boolean;
  /** Why the page got this kind, for messages ("its URL /tags/astro/ is a tag index"). */
  reason: string;
}

/** Kinds with no content of their own to convert from: left out even where the user's globs ask for a CTA. */
export const NEVER_CONVERTING: ReadonlySet<PageKind> = new Set(['error', 'redirect', 'feed', 'admin']);

export interface PageKindInput {
  route: string;
  document: Document;
  /** The page's own content (see main-content.ts); the whole document when undefined. */
  content?: readonly Element[];
  /** Every route of the site, to tell `/blog/2/` (a page of `/blog/`) from `/blog/2024/`. */
  routes?: ReadonlySet<string>;
}

const TAXONOMY =
  /^(?:\/[a-z]{2}(?:-[a-z]{2,4})?)?\/(?:tags?|categor(?:y|ies)|topics?|authors?|series|labels?|etiquetas?|kategorien?|schlagworte?|categorie|auteurs?)(?:\/|$)/i;
const PAGE_SUFFIX = /\/(?:page\/)?\d+\/?$/i;
const ARCHIVE = /\/(?:archives?|\d{4}(?:\/\d{2})?)\/?$/i;
const SEARCH = /\/(?:search|suche|recherche|buscar)(?:\/|\.html$|$)/i;
const FEED = /(?:\.(?:xml|rss|atom)|\/(?:feed|rss|atom)\/?)$/i;
const ERROR = /^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?(?:404|500|not-found|error)(?:\.html|\/)?$/i;
const LEGAL =
  /\/(?:privacy(?:-policy)?|terms(?:-of-(?:service|use))?|tos|imprint|impressum|legal|cookies?(?:-policy)?|datenschutz|agb|disclaimer|gdpr|refund(?:-policy)?|accessibility-statement|mentions-legales|aviso-legal)(?:[-/.]|$)/i;
/** About pages tell who is behind the site; they convert only where the user's `requireCta` globs say so. */
const ABOUT =
  /^(?:\/[a-z]{2}(?:-[a-z]{2,4})?)?\/(?:about(?:-us|-me)?|ueber-uns|uber-uns|a-propos|quienes-somos|sobre(?:-nosotros|-mi)?|chi-siamo|over-ons|team)\/?$/i;
/** Documentation sections by URL, for docs sites that are not built with a docs generator. */
const DOCS_PATH =
  /^(?:\/[a-z]{2}(?:-[a-z]{2,4})?)?\/(?:docs|documentation|handbook|manual|reference|api-reference|knowledge-base|kb|help-center)(?:\/|$)/i;
const ADMIN = /^\/(?:admin|keystatic|cms|decap|tina|studio|dashboard\/login)(?:\/|$|\.html$)/i;
/** Index routes of post collections: lists by name, whatever their markup. */
const COLLECTION_INDEX =
  /^(?:\/[a-z]{2}(?:-[a-z]{2,4})?)?\/(?:blog|posts?|news|articles?|notes|writing|journal|stories|projects|work|portfolio|changelog|releases|press|guides|tutorials|resources|insights|updates|case-studies|recipes)\/?$/i;
/** Entries of post collections: `/blog/<slug>/`, `/work/<group>/<slug>/`, `/fr/releases/<v>/`. */
const COLLECTION_ENTRY =
  /^(?:\/[a-z]{2}(?:-[a-z]{2,4})?)?\/(?:blog|posts?|news|articles?|notes|writing|journal|stories|projects|work|portfolio|changelog|releases|press|case-studies|recipes|guides|tutorials|resources|insights|updates)\/[^/]+(?:\/[^/]+)*\/?$/i;
const ARTICLE_TYPE = /"@type"\s*:\s*"(?:BlogPosting|Article|NewsArticle|TechArticle|ScholarlyArticle|Report)"/;
const DOCS_GENERATOR = /starlight|docusaurus|vitepress|vuepress|mkdocs|nextra|docsify/i;
const ERROR_TITLE =
  /^(?:404|500)\b|\b(?:page not found|not found|seite nicht gefunden|page introuvable|página no encontrada)\b/i;

/** Words below which a `noindex` page is a shell (a CMS admin app, a client-rendered tool), not a page to read. */
const SHELL_WORDS = 30;
/** Cards that make a page a list: at least this many, holding at least this share of the content's text. */
const MIN_CARDS = 3;
const CARD_TEXT_SHARE = 0.5;
const HOME_CARD_TEXT_SHARE = 0.85;

const cache = new WeakMap<Document, PageKindResult>();

/** Classifies a page from its URL, its markup and the site's routes. Cached per parsed document. */
export function pageKindOf(input: PageKindInput): PageKindResult {
  const cached = cache.get(input.document);
  if (cached) return cached;
  const result = classify(input);
  cache.set(input.document, result);
  return result;
}

function result(kind: PageKind, reason: string): PageKindResult {
  return { kind, converting: kind === 'page', reason };
}

function classify({ route, document, content, routes }: PageKindInput): PageKindResult {
  const path = decodeSafely(route.split(/[?#]/)[0] ?? route);
  const head = headFacts(document);
  if (head.refresh) return result('redirect', 'it redirects (<meta http-equiv="refresh">)');
  if (FEED.test(path)) return result('feed', `its URL ${path} is a feed`);
  if (ERROR.test(path) || ERROR_TITLE.test(head.title)) return result('error', 'it is an error page');
  if (ADMIN.test(path)) return result('admin', `its URL ${path} is a CMS or admin app`);
  const roots = content && content.length > 0 ? content : document.children.filter(isTag);
  if (head.noindex) {
    const words = roots.reduce((total, root) => total + countWords(visibleText(root)), 0);
    if (words < SHELL_WORDS) return result('admin', 'it is marked noindex and has almost no content (an app shell)');
    return result('noindex', 'it is marked noindex (<meta name="robots" content="noindex">)');
  }
  if (SEARCH.test(path)) return result('search', `its URL ${path} is a search page`);
  if (LEGAL.test(path)) return result('legal', `its URL ${path} is a legal page`);
  if (TAXONOMY.test(path)) return result('taxonomy', `its URL ${path} is a tag, category or author index`);
  if (PAGE_SUFFIX.test(path) && isPageOfList(path, routes, head.paginated)) {
    return result('paginated-list', `its URL ${path} is a page of the list ${parentOf(path)}`);
  }
  if (ARCHIVE.test(path)) return result('archive', `its URL ${path} is an archive`);
  if (COLLECTION_INDEX.test(path)) return result('list', `its URL ${path} is the index of a collection`);
  if (head.docs) return result('docs', 'it is a documentation page');
  if (DOCS_PATH.test(path)) return result('docs', `its URL ${path} is in the documentation`);
  if (ABOUT.test(path)) return result('about', `its URL ${path} is an about page`);
  // A home page is the site's front door even where it lists projects or the latest posts beside its own
  // introduction; only a home that is nothing but the list (a changelog's releases) is an index.
  const cardShare = isHome(path) ? HOME_CARD_TEXT_SHARE : CARD_TEXT_SHARE;
  if (isListOfCards(roots, cardShare)) return result('list', 'its content is a list of cards (posts, projects…)');
  if (isHome(path)) return result('page', 'it is the home page');
  if (COLLECTION_ENTRY.test(path)) {
    return result('article', `its URL ${path} is an entry of a collection (a post, a project)`);
  }
  if (head.article) return result('article', 'its markup declares an article (og:type or JSON-LD)');
  // Rendered Markdown (a flat run of paragraphs and headings) is an article or, with code blocks, documentation:
  // pages that inform.
  const text = runningText(roots);
  if (text === 'code') return result('docs', 'its content is running text with code blocks (documentation)');
  if (text === 'prose') return result('article', 'its content is running text (rendered Markdown)');
  // What is left converts only where it shows a sign of selling: a tool or a sample page asks nothing of its reader.
  const selling = sellingSign(path, roots, routes);
  if (selling) return result('page', selling);
  return result('content', 'it is a content page with no sign of selling (no form, price or offer)');
}

/** Routes of pages that sell, in any segment: `/pricing/`, `/fr/products/item-a/`, `/contact-us/`, `/services/`. */
const SELLING_PATH =
  /\/(?:pricing|prices?|plans?|products?|shop|store|buy|checkout|cart|order|contact(?:-us)?|services?|landing|features?|solutions?|demo|book(?:ing)?|get-started|trial|quote|hire(?:-me)?|tarifs?|preise|precios|kontakt|contacto|produkte?|produits?|productos?|angebote?|offres?|leistungen)(?:[-/.]|$)/i;
/** A price in the page's text: "$19", "19 €", "€ 9.99", "USD 40", "/month". */
const PRICE =
  /[$€£¥₹]\s?\d|\d(?:[.,]\d+)?\s?(?:[$€£¥₹]|USD|EUR|GBP)(?![\p{L}])|\/\s?(?:mo|month|year|yr)\b|per (?:month|year|user|seat)\b/iu;
/** Offers and experiments of the kit (data-cta-choose, data-cta-experiment): the page sells by definition. */
const OFFER_ATTRIBUTES = [CHOOSE, CTA_EXPERIMENT];

/**
 * Why a content page is meant to convert, or undefined when it shows no sign of selling: a selling route, the
 * root of a site served under a base path, a form (not a search form), a price or an offer in its content.
 */
function sellingSign(
  path: string,
  roots: readonly Element[],
  routes: ReadonlySet<string> | undefined,
): string | undefined {
  if (path === '/') return 'it is the home page';
  if (SELLING_PATH.test(path)) return `its URL ${path} names a page that sells`;
  if (routes && siteRootOf(routes) === path.replace(/\/?$/, '/')) return 'it is the home page (under a base path)';
  const stack: Element[] = [...roots];
  for (let visited = 0; stack.length > 0 && visited < RUN_MAX_NODES; visited++) {
    const node = stack.pop()!;
    if (node.name === 'form' && !isSearchForm(node)) return 'it has a form';
    if (OFFER_ATTRIBUTES.some((name) => attr(node, name) !== undefined)) return 'it shows an offer or an experiment';
    for (const child of node.children) if (isTag(child)) stack.push(child);
  }
  if (roots.some((root) => PRICE.test(visibleText(root)))) return 'it shows a price';
  return undefined;
}

const SEARCH_FORM_MAX_NODES = 200;

/** A search form (role=search, or only search and hidden inputs): it finds pages, it does not sell. */
function isSearchForm(form: Element): boolean {
  if (lower(attr(form, 'role')) === 'search' || /search|suche|recherche/i.test(attr(form, 'action') ?? '')) return true;
  let fields = 0;
  const stack: Element[] = [form];
  // A search form is small: past this many elements the form is taken as a real one (and nested forms of a hostile
  // page are not walked again and again).
  for (let visited = 0; stack.length > 0; visited++) {
    if (visited >= SEARCH_FORM_MAX_NODES) return false;
    const node = stack.pop()!;
    if (node.name === 'select' || node.name === 'textarea') fields += 1;
    else if (node.name === 'input' && !/^(?:search|hidden|submit|button)$/i.test(attr(node, 'type') ?? 'text')) {
      fields += 1;
    }
    for (const child of node.children) if (isTag(child)) stack.push(child);
  }
  return fields === 0;
}

/** Per routes set, with its size: a run that learns its routes page by page grows the same set. */
const siteRoots = new WeakMap<ReadonlySet<string>, { size: number; root: string | undefined }>();

/**
 * The one top-level folder every route of a site lives under (`/shop/` for a site built with base `/shop`), when
 * the site has at least three pages and that folder is one of them.
 */
function siteRootOf(routes: ReadonlySet<string>): string | undefined {
  const cached = siteRoots.get(routes);
  if (cached && cached.size === routes.size) return cached.root;
  let root: string | undefined;
  if (routes.size < 3) {
    siteRoots.set(routes, { size: routes.size, root: undefined });
    return undefined;
  }
  for (const route of routes) {
    const first = /^\/[^/]+\//.exec(route)?.[0];
    if (!first || (root !== undefined && first !== root)) {
      root = undefined;
      break;
    }
    root = first;
  }
  if (root !== undefined && !routes.has(root)) root = undefined;
  siteRoots.set(routes, { size: routes.size, root });
  return root;
}

function decodeSafely(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

function parentOf(path: string): string {
  return path.replace(PAGE_SUFFIX, '/') || '/';
}

/**
 * `/blog/2/` is a page of `/blog/` when the site has `/blog/` or another numbered sibling, or when the page links
 * to its neighbours with rel=prev/next; `/blog/2024/` with no such sibling is not.
 */
function isPageOfList(path: string, routes: ReadonlySet<string> | undefined, paginated: boolean): boolean {
  if (/\/page\/\d+\/?$/i.test(path) || paginated) return true;
  if (!routes) return false;
  const parent = parentOf(path);
  if (routes.has(parent)) {
    const number = Number(/(\d+)\/?$/.exec(path)?.[1]);
    const prefix = parent.endsWith('/') ? parent : `${parent}/`;
    return routes.has(`${prefix}${number + 1}/`) || routes.has(`${prefix}${number - 1}/`) || number === 2;
  }
  return false;
}

interface HeadFacts {
  title: string;
  noindex: boolean;
  refresh: boolean;
  /** `<link rel="prev|next">`: the page is one of a numbered series. */
  paginated: boolean;
  docs: boolean;
  /** `og:type` article or JSON-LD BlogPosting/Article: a post, whatever its URL. */
  article: boolean;
}

function headFacts(document: Document): HeadFacts {
  const facts: HeadFacts = { title: '', noindex: false, refresh: false, paginated: false, docs: false, article: false };
  let docsGenerator = false;
  let sidebar = false;
  for (const element of documentElements(document)) {
    const { name } = element;
    if (name === 'title' && !facts.title) facts.title = collapse(visibleText(element));
    else if (name === 'meta') {
      const metaName = (attr(element, 'name') ?? '').toLowerCase();
      const value = attr(element, 'content') ?? '';
      if ((metaName === 'robots' || metaName === 'googlebot') && /\bnoindex\b/i.test(value)) facts.noindex = true;
      else if (metaName === 'generator' && DOCS_GENERATOR.test(value)) docsGenerator = true;
      else if (lower(attr(element, 'property')) === 'og:type' && /^article$/i.test(value.trim())) facts.article = true;
      else if (lower(attr(element, 'http-equiv')) === 'refresh' && /url\s*=/i.test(value)) facts.refresh = true;
    } else if (name === 'link' && /\b(?:prev|next)\b/i.test(attr(element, 'rel') ?? '')) facts.paginated = true;
    else if (name === 'html' && attr(element, 'data-has-sidebar') !== undefined) sidebar = true;
    else if (name === 'script' && /ld\+json/i.test(attr(element, 'type') ?? '') && ARTICLE_TYPE.test(textOf(element))) {
      facts.article = true;
    } else if (name === 'body') break;
  }
  // Starlight's splash pages (its home, landing pages) have no sidebar: they are pages, not documentation.
  facts.docs = docsGenerator && sidebar;
  return facts;
}

function lower(value: string | undefined): string {
  return (value ?? '').toLowerCase();
}

function textOf(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? (child as { data: string }).data : '')).join('');
}

const WORD = /[\p{L}\p{N}]+/gu;

function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

const HEADING = /^h[2-4]$/;
/** A card's title: any level, since product and post cards use h1 to h6 (a Bootstrap card's title is an h5). */
const CARD_HEADING = /^h[1-6]$/;
/** The site's home, or a locale's (`/fr/`, `/pt-br/`, `/zh-hans/`), but not `/no-cta/`: a region is 2 letters or 3
 * digits, a script 4 letters. */
const HOME = /^(?:\/[a-z]{2}(?:-(?:[a-z]{2}|[a-z]{4}|\d{3}))?)?\/?(?:index\.html)?$/i;

function isHome(path: string): boolean {
  return HOME.test(path);
}
/** A flat run of Markdown: at least this many paragraphs and headings side by side in one element. */
const RUN_PARAGRAPHS = 4;
const RUN_HEADINGS = 2;
/** Elements looked at for running text: enough for any real page, bounded for hostile ones. */
const RUN_MAX_NODES = 20_000;

/** 'code' or 'prose' when one element of the content holds a flat run of paragraphs and headings; else undefined. */
function runningText(roots: readonly Element[]): 'code' | 'prose' | undefined {
  let found = false;
  let code = false;
  const stack: Element[] = [...roots];
  for (let visited = 0; stack.length > 0 && visited < RUN_MAX_NODES; visited++) {
    const node = stack.pop()!;
    if (node.name === 'pre') code = true;
    let paragraphs = 0;
    let headings = 0;
    for (const child of node.children) {
      if (!isTag(child)) continue;
      if (child.name === 'p') paragraphs += 1;
      else if (HEADING.test(child.name)) headings += 1;
      stack.push(child);
    }
    if (paragraphs >= RUN_PARAGRAPHS && headings >= RUN_HEADINGS) found = true;
  }
  return found ? (code ? 'code' : 'prose') : undefined;
}

/** A link to another page: a card whose link goes nowhere ("#", javascript:) is a feature box, not an index entry. */
function leadsToAPage(element: Element): boolean {
  const href = attr(element, 'href');
  return element.name === 'a' && href !== undefined && !/^\s*(?:#.*|javascript:.*)?$/is.test(href);
}

/**
 * A card: an element that holds a linked heading (`<h2><a>Post</a></h2>`) or a link that wraps a heading or a
 * date (`<a><h3>Post</h3><p>…</p></a>`, `<a>2.0 <time>Jul 1</time></a>`).
 */
function isCard(element: Element): boolean {
  const stack: Element[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (CARD_HEADING.test(node.name) || node.name === 'time') {
      if (CARD_HEADING.test(node.name) && node.children.some((child) => isTag(child) && leadsToAPage(child))) {
        return true;
      }
      for (let up = node.parent; up && up !== element.parent; up = up.parent) {
        if (isTag(up) && leadsToAPage(up)) return true;
      }
    }
    for (const child of node.children) if (isTag(child)) stack.push(child);
  }
  return false;
}

/**
 * True when most of the content's text sits in at least three sibling cards of the same tag: the index of a
 * blog, a tag or a portfolio. A landing page's feature grid has headings without links, so it is not one.
 */
function isListOfCards(roots: readonly Element[], share: number): boolean {
  const total = roots.reduce((sum, root) => sum + countWords(visibleText(root)), 0);
  if (total === 0) return false;
  let best = 0;
  const stack: Element[] = [...roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const children = node.children.filter(isTag);
    const byTag = new Map<string, Element[]>();
    for (const child of children) {
      const group = byTag.get(child.name);
      if (group) group.push(child);
      else byTag.set(child.name, [child]);
    }
    for (const group of byTag.values()) {
      if (group.length < MIN_CARDS) continue;
      const cards = group.filter(isCard);
      if (cards.length < MIN_CARDS) continue;
      best = Math.max(
        best,
        cards.reduce((sum, card) => sum + countWords(visibleText(card)), 0),
      );
    }
    // One by one: spreading a list of 100,000 siblings into push() would overflow the call stack.
    for (const child of children) stack.push(child);
  }
  return best / total >= share;
}
