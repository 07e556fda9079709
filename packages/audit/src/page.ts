import type { Element } from 'domhandler';
import { findAll } from 'domutils';
import { LineIndex, parseHtml } from './parse.ts';
import { attr, cssPath, excerpt } from './dom.ts';
import { findMain, recognizeCtas } from './recognize.ts';
import type { PageContext } from './types.ts';

/** Parses a built page and recognises its CTAs once, so that every rule reads the same view of it. */
export function createPage(html: string, route: string, file: string): PageContext {
  const document = parseHtml(html);
  let ids: Map<string, Element> | undefined;
  const byId = (id: string) => {
    ids ??= new Map(findAll((el) => attr(el, 'id') !== undefined, document.children).map((el) => [attr(el, 'id')!, el]));
    return ids.get(id);
  };
  const htmlElement = findAll((el) => el.name === 'html', document.children)[0];
  const main = findMain(document);
  const lines = new LineIndex(html);
  return {
    route,
    file,
    html,
    document,
    lang: (htmlElement ? attr(htmlElement, 'lang') ?? '' : '').toLowerCase(),
    main,
    ctas: recognizeCtas(document, main, byId),
    byId,
    locate: (element) => ({ ...lines.locate(element.startIndex ?? 0), selector: cssPath(element), excerpt: excerpt(element, html) }),
  };
}
