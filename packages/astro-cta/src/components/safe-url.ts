/**
 * URLs the components put into `href` and `src`. A `javascript:` or `vbscript:` href runs code on click, and a
 * `data:` URL can carry a whole HTML document or script: the kit refuses them at build time instead of writing them
 * into the page. Schemes are allow-listed, so an unknown one is refused too; relative URLs are always fine.
 */
import type { PropProblem } from './validate.ts';

/** Where a CTA may lead. */
export const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel', 'sms'] as const;
/**
 * Where an image (a logo, an avatar) may come from. An inline image (`data:image/png…`, `data:image/svg+xml…`) is
 * allowed too: an <img> never runs script, whatever it holds; any other `data:` (text/html…) is refused.
 */
export const IMAGE_SCHEMES = ['http', 'https', 'data:image'] as const;
const INLINE_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|svg\+xml)[;,]/i;

/**
 * The scheme a browser would see: it strips leading C0 controls and spaces and removes tabs and newlines
 * anywhere (WHATWG URL parsing), so "java\tscript:" and " javascript:" are javascript: too.
 */
export function schemeOf(url: string): string | undefined {
  const cleaned = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  return /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned)?.[1]?.toLowerCase();
}

/** Checks one URL prop; `allowed` lists the schemes it may use. */
export function urlProblem(prop: string, value: unknown, allowed: readonly string[]): PropProblem | undefined {
  if (typeof value !== 'string') return undefined;
  const scheme = schemeOf(value);
  if (scheme === undefined || allowed.includes(scheme)) return undefined;
  if (scheme === 'data' && allowed.includes('data:image') && INLINE_IMAGE.test(value.trim())) return undefined;
  const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return {
    prop,
    problem: `"${shown}" uses the ${scheme}: scheme, which ${scheme === 'javascript' || scheme === 'vbscript' || scheme === 'data' ? 'can run code in the page' : 'the kit does not allow here'}.`,
    fix: `give a relative URL or one starting with ${allowed.map((name) => (name.includes(':') ? `${name}/…` : `${name}:`)).join(', ')}.`,
  };
}
