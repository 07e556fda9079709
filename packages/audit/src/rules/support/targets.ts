import type { Element } from 'domhandler';
import { attr } from '../../dom.ts';
import type { Cta, PageContext } from '../../types.ts';
import { elementsOf } from './elements.ts';

const ORIGIN = 'http://audit.invalid';
/** Schemes that leave the site: not ours to check. */
const EXTERNAL = /^(?:[a-z][a-z\d+.-]*:|\/\/)/i;
/** A path that names a page (no extension, or .html/.htm); links to /logo.svg or /report.pdf are not pages. */
const PAGE_PATH = /(?:\/|\/[^/.]*|\.html?)$/i;

export type Target =
  | { kind: 'empty' | 'hash-only' | 'javascript' | 'missing' }
  | { kind: 'external'; url: string }
  | { kind: 'asset'; path: string }
  | { kind: 'internal'; path: string; fragment: string | undefined; query: string };

/** Classifies an href as written in a page at `route`. */
export function classifyHref(href: string | undefined, route: string): Target {
  if (href === undefined) return { kind: 'missing' };
  const value = href.trim();
  if (value === '') return { kind: 'empty' };
  if (/^#!?$/.test(value)) return { kind: 'hash-only' };
  if (/^\s*javascript:/i.test(value)) return { kind: 'javascript' };
  if (EXTERNAL.test(value)) return { kind: 'external', url: value };
  let url: URL;
  try {
    url = new URL(value, ORIGIN + route);
  } catch {
    return { kind: 'empty' };
  }
  let path: string;
  try {
    path = decodeURI(url.pathname);
  } catch {
    path = url.pathname;
  }
  const fragment = url.hash ? safeDecode(url.hash.slice(1)) : undefined;
  if (!PAGE_PATH.test(path)) return { kind: 'asset', path };
  return { kind: 'internal', path, fragment, query: url.search };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The route forms a built file can take for one link path: `/a`, `/a/`, `/a.html`, `/a/index.html`. */
export function routeCandidates(path: string): string[] {
  const bare = path.replace(/\/index\.html?$/i, '/').replace(/\.html?$/i, '');
  const noSlash = bare.length > 1 ? bare.replace(/\/$/, '') : bare;
  return [
    ...new Set([path, bare, `${noSlash}/`, noSlash, `${noSlash}.html`, noSlash === '/' ? '/' : `${noSlash}.htm`]),
  ];
}

/**
 * The base path the site is served under (Astro's `base`), which built links carry and routes do not. Read from the
 * page's canonical URL (its path ends with the route) or from Astro's `/_astro/` asset URLs.
 */
export function basePathOf(page: PageContext): string {
  const elements = elementsOf(page);
  const canonical = elements.find(
    (el) => el.name === 'link' && /(?:^|\s)canonical(?:\s|$)/i.test(attr(el, 'rel') ?? ''),
  );
  const href = canonical && attr(canonical, 'href');
  if (href) {
    try {
      const path = new URL(href, ORIGIN).pathname.replace(/\/$/, '');
      const route = page.route.replace(/\/$/, '');
      // A canonical URL pointing at another page (syndicated content) says nothing about the base.
      if (path.endsWith(route)) {
        const base = path.slice(0, path.length - route.length);
        if (base.startsWith('/') && base.length > 1) return `${base}/`;
        return '/';
      }
    } catch {
      // An unparsable canonical URL says nothing about the base either.
    }
  }
  for (const element of elements) {
    const url = attr(element, 'href') ?? attr(element, 'src');
    const match = url && /^(\/(?!\/)[^:]*?\/)_astro\//.exec(url);
    if (match) return match[1]!;
  }
  return '/';
}

/** The built route a link path points to, or undefined when no page of the build answers it. */
export function findRoute(path: string, routes: ReadonlySet<string>, base: string): string | undefined {
  const paths = base !== '/' && path.startsWith(base) ? [path, `/${path.slice(base.length)}`] : [path];
  for (const candidate of paths.flatMap(routeCandidates)) {
    if (routes.has(candidate)) return candidate;
  }
  return undefined;
}

/**
 * What a CTA leads to or does, for comparing CTAs: a normalised URL for links, the form's action for submits, the
 * accessible name for other buttons (a button's action is in script, so its name is the best key there is).
 */
export function destinationOf(cta: Cta, route: string): string {
  if (cta.kind === 'link' && cta.href !== undefined) {
    const target = classifyHref(cta.href, route);
    if (target.kind === 'internal') {
      const path = target.path
        .replace(/\/index\.html?$/i, '/')
        .replace(/\.html?$/i, '')
        .replace(/(.)\/$/, '$1');
      return `${path}${target.query}${target.fragment ? `#${target.fragment}` : ''}`;
    }
    if (target.kind === 'external') return target.url.replace(/\/$/, '');
    if (target.kind === 'asset') return target.path;
    return `(${target.kind} link)`;
  }
  if (cta.kind === 'submit') {
    const form = formOf(cta.element);
    const action = form ? (attr(form, 'action') ?? '') : '';
    return `form:${action || route}`;
  }
  return `button:${cta.name.toLowerCase()}`;
}

function formOf(element: Element): Element | undefined {
  for (let node = element.parent; node; node = node.parent) {
    if ('name' in node && node.name === 'form') return node as Element;
  }
  return undefined;
}

/** Compiled `onDemandRoutes` patterns, per options array (options are fixed for a run). */
const compiledPatterns = new WeakMap<readonly string[], RegExp[]>();

/**
 * An Astro route pattern as a regular expression over a site path: `/blog/[slug]` matches `/blog/hello`,
 * `/docs/[...path]` matches `/docs`, `/docs/a/b`; a trailing slash is optional.
 */
export function routePatternRegex(pattern: string): RegExp {
  const segments = pattern
    .replace(/^\/+|\/+$/g, '')
    .split('/')
    .filter(Boolean);
  let source = '';
  for (const segment of segments) {
    // A rest parameter may match nothing at all, its slash included.
    if (/^\[\.\.\.[^\]]+\]$/.test(segment)) {
      source += '(?:/.*)?';
      continue;
    }
    const parts = segment.split(/(\[[^\]]+\])/).filter(Boolean);
    source += `/${parts
      .map((part) =>
        part.startsWith('[...') ? '.*' : part.startsWith('[') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('')}`;
  }
  return new RegExp(`^${source}/?$`, 'i');
}

/**
 * True when a link path is served by a route that has no built page: a page or endpoint rendered on demand
 * (`prerender = false`, SSR) or a redirect, as the integration recorded them (`onDemandRoutes`).
 */
export function servedOnDemand(path: string, patterns: readonly string[], base: string): boolean {
  if (patterns.length === 0) return false;
  let compiled = compiledPatterns.get(patterns);
  if (!compiled) {
    compiled = patterns.map(routePatternRegex);
    compiledPatterns.set(patterns, compiled);
  }
  const withoutBase = base !== '/' && path.startsWith(base) ? `/${path.slice(base.length)}` : path;
  const bare = withoutBase.replace(/\/index\.html?$/i, '/').replace(/\.html?$/i, '');
  return compiled.some((regex) => regex.test(bare) || regex.test(withoutBase));
}
