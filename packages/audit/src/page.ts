import type { Element } from 'domhandler';
import { attr, closestAncestor, cssPath, excerpt, has } from './dom.ts';
import { contentRegions, findMain } from './main-content.ts';
import { documentElements, LineIndex, parseHtml } from './parse.ts';
import { CONFIDENT, recognizeCtas } from './recognize.ts';
import type { Location, PageContext } from './types.ts';

/** Parses a built page and recognises its CTAs once, so that every rule reads the same view of it. */
export function createPage(html: string, route: string, file: string): PageContext {
  const document = parseHtml(html);
  let ids: Map<string, Element> | undefined;
  const byId = (id: string) => {
    if (!ids) {
      ids = new Map();
      for (const el of documentElements(document)) {
        const value = attr(el, 'id');
        // The first element with an id wins, as in getElementById.
        if (value !== undefined && !ids.has(value)) ids.set(value, el);
      }
    }
    return ids.get(id);
  };
  const htmlElement = document.children.find(
    (node): node is Element => node.type === 'tag' && (node as Element).name === 'html',
  );
  const main = findMain(document);
  const content = contentRegions(document, main);
  const regions = new Set(content);
  const recognized = recognizeCtas(document, main, byId, { includeUnsure: true });
  const lines = new LineIndex(html);
  return {
    route,
    file,
    html,
    document,
    lang: (htmlElement ? (attr(htmlElement, 'lang') ?? '') : '').toLowerCase(),
    main,
    content,
    inContent: (element) => closestAncestor(element, (el) => regions.has(el)) !== undefined,
    ctas: recognized.filter((cta) => cta.confidence >= CONFIDENT),
    unsureCtas: recognized.filter((cta) => cta.confidence < CONFIDENT),
    byId,
    locate: (element) => {
      const source = writtenIn(element);
      const where = lines.locate(element.startIndex ?? 0);
      return { ...where, selector: cssPath(element), excerpt: excerpt(element, html), ...(source ? { source } : {}) };
    },
  };
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
