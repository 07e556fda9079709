/**
 * Offers and experiments in the integration: the chooser script served as a file of the site (so a strict CSP's
 * `script-src 'self'` allows it), a middleware that puts it into the <head> of exactly the pages that need it, and
 * the page script that records signals and tells the beacon which CTAs count.
 *
 * Why a middleware: Astro has no API to put an external, render-blocking (classic) script into the head of some
 * pages. `injectScript('head-inline')` is inline (refused by strict CSPs) and on every page; `injectScript('page')`
 * and components' <script> are deferred modules, which run after the first paint. A middleware sees each rendered
 * page, in `astro dev`, while prerendering at build time (Astro 5, 6 and 7 run it for prerendered pages) and on
 * demand, and adds the tag only where the HTML holds a `<cta-choose>`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import type { ResolvedOffers } from './offers-options.ts';

export const CHOOSER_MODULE = 'virtual:astro-cta/chooser';
const RESOLVED = `\0${CHOOSER_MODULE}`;

/** The chooser as built by this package (scripts/build-chooser.mjs; src/ and dist/ both sit below the package). */
export function chooserCode(): string {
  const file = new URL('../../dist/client/choose.js', import.meta.url);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new Error(
      `astro-cta: the chooser script ${file.pathname} is missing; this installation of astro-cta is incomplete ` +
        '(in its repository: npm run build:packages).',
    );
  }
}

/** Where the chooser is served: a content hash in the name, so it can be cached for good. */
export function chooserPath(base: string, code: string): string {
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 10);
  return `${base.replace(/\/?$/, '/')}_astro-cta/choose-${hash}.js`;
}

/** Storing the visitor's arm needs no consent: the chooser may pick one before the recorder stores it. */
export function chooserMayPick(offers: ResolvedOffers): boolean {
  return offers.consent === undefined || offers.consent === 'granted';
}

export function chooserScriptTag(path: string, offers: ResolvedOffers): string {
  return `<script src="${path}"${chooserMayPick(offers) ? ' data-store="1"' : ''}></script>`;
}

/** The virtual module the route and the middleware read: the code, and the tag for the head. */
export function chooserPlugin(code: string, tag: string): Plugin {
  return {
    name: 'astro-cta:chooser',
    resolveId: (id) => (id === CHOOSER_MODULE ? RESOLVED : undefined),
    load: (id) =>
      id === RESOLVED
        ? `export const code = ${JSON.stringify(code)};\nexport const tag = ${JSON.stringify(tag)};\n`
        : undefined,
  };
}

/**
 * The page script (`injectScript('page')`, ahead of the beacon's): the chooser's mark kept across client-side
 * navigations, the recorder, and the report of choices.
 */
export function offersBootstrap(offers: ResolvedOffers, withBeacon: boolean): string {
  const lines = [`import { startSignals } from 'astro-cta/client/signals.ts';`];
  if (withBeacon)
    lines.push(`import { startChoiceReport } from 'astro-cta/client/choose-report.ts';`, 'startChoiceReport();');
  const settings = [`expiresMs: ${offers.expiresMs}`, `chooserPicks: ${chooserMayPick(offers)}`];
  if (offers.consent) {
    // Under its own name: Astro joins the page scripts into one module, and the beacon's imports `ctaConsent` too.
    lines.splice(1, 0, `import { ctaConsent as signalsConsent } from 'astro-cta/client/beacon-consent.ts';`);
    settings.push(`consent: { store: signalsConsent, fallback: ${JSON.stringify(offers.consent)} }`);
  }
  lines.push(`startSignals({ ${settings.join(', ')} });`);
  lines.push(`import { keepChooserMark } from 'astro-cta/client/chooser-mark.ts';`, 'keepChooserMark();');
  return `${lines.join('\n')}\n`;
}
