import type { Element } from 'domhandler';
import { attr, closestAncestor, cssPath, excerpt, has } from './dom.ts';
import { contentRegions, findMain } from './main-content.ts';
import { pageKindOf } from './page-kind.ts';
import { documentElements, LineIndex, parseHtml } from './parse.ts';
import { CONFIDENT, recognizeCtas } from './recognize.ts';
import { findChoices } from './rules/support/choices.ts';
import { findCountdowns } from './rules/support/countdown.ts';
import { parseJsonLd } from './rules/support/jsonld.ts';
import { readVisibleText } from './rules/support/visible.ts';
import type { Cta, Location, PageContext } from './types.ts';

/** A value computed on first use and kept (undefined included). */
function lazy<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/**
 * Parses a built page once, so that every rule reads the same view of it. Its facts (main content, CTAs, page
 * kind, countdowns, JSON-LD, visible text) are computed the first time a rule asks and kept on the page object:
 * no rule pays for a fact it does not use, none computes one twice, and no module keeps a "last page" around.
 * `site.routes` (the build's routes) tells list pages from others (see page-kind.ts).
 */
export function createPage(
  html: string,
  route: string,
  file: string,
  site: { routes?: ReadonlySet<string> } = {},
): PageContext {
  const document = parseHtml(html);
  const elements = documentElements(document);
  const ids = lazy(() => {
    const map = new Map<string, Element>();
    for (const el of elements) {
      const value = attr(el, 'id');
      // The first element with an id wins, as in getElementById.
      if (value !== undefined && !map.has(value)) map.set(value, el);
    }
    return map;
  });
  const byId = (id: string) => ids().get(id);
  const main = lazy(() => findMain(document));
  const content = lazy(() => contentRegions(document, main()));
  const regions = lazy(() => new Set(content()));
  const recognized = lazy(() => recognizeCtas(document, main(), byId, { includeUnsure: true }));
  const ctas = lazy(() => recognized().filter((cta) => cta.confidence >= CONFIDENT));
  const unsureCtas = lazy(() => recognized().filter((cta) => cta.confidence < CONFIDENT));
  const lang = lazy(() => {
    const root = document.children.find((node): node is Element => node.type === 'tag' && node.name === 'html');
    return (root ? (attr(root, 'lang') ?? '') : '').toLowerCase();
  });
  const lines = new LineIndex(html);
  const page: PageContext = {
    route,
    file,
    html,
    document,
    elements,
    get lang() {
      return lang();
    },
    get main() {
      return main();
    },
    get content() {
      return content();
    },
    inContent: (element) => {
      const own = regions();
      return closestAncestor(element, (el) => own.has(el)) !== undefined;
    },
    get ctas(): Cta[] {
      return ctas();
    },
    get unsureCtas(): Cta[] {
      return unsureCtas();
    },
    get kind() {
      return kind();
    },
    get countdowns() {
      return countdowns();
    },
    get choices() {
      return choices();
    },
    get jsonLd() {
      return jsonLd();
    },
    get visibleText() {
      return visibleText();
    },
    byId,
    locate: (element) => {
      const source = writtenIn(element);
      const where = lines.locate(element.startIndex ?? 0);
      return { ...where, selector: cssPath(element), excerpt: excerpt(element, html), ...(source ? { source } : {}) };
    },
  };
  const kind = lazy(() => pageKindOf({ route, document, content: content(), routes: site.routes }));
  const countdowns = lazy(() => findCountdowns(page));
  const choices = lazy(() => findChoices(page));
  const jsonLd = lazy(() => parseJsonLd(page));
  const visibleText = lazy(() => readVisibleText(page));
  return page;
}

/**
 * The component file and position an element was written at, from the annotations Astro adds in development
 * (`data-astro-source-file="/…/src/components/Hero.astro" data-astro-source-loc="12:5"`) on it or its nearest
 * annotated ancestor; undefined in builds without them. Never guessed.
 */
function writtenIn(element: Element): Location['source'] | undefined {
  const annotated = closestAncestor(element, (candidate) => has(candidate, 'data-astro-source-file'));
  const file = annotated && attr(annotated, 'data-astro-source-file');
  if (!annotated || !file) return undefined;
  const [line, column] = (attr(annotated, 'data-astro-source-loc') ?? '').split(':').map(Number);
  return { file, ...(line ? { line } : {}), ...(line && column ? { column } : {}) };
}
