/**
 * Keeps the countdown enhancer an external file. Astro inlines a bundled <script> smaller than Vite's
 * `build.assetsInlineLimit` into the HTML, and a strict Content-Security-Policy (`script-src 'self'`, no
 * 'unsafe-inline') then refuses to run it. This wraps the site's limit: the enhancer's chunk is never inlined,
 * everything else is decided exactly as the site's own setting (a number or a function, default 4096) decides it.
 */
import type { AstroConfig } from 'astro';
import { COUNTDOWN_DEADLINE } from '@astro-cta/contract';

type InlineLimit = NonNullable<NonNullable<AstroConfig['vite']['build']>['assetsInlineLimit']>;

/** Vite's default `build.assetsInlineLimit`. */
const VITE_DEFAULT_LIMIT = 4096;

/** True for the bundled chunk of Countdown.astro's <script> (the enhancer reads the countdown attribute). */
export function isCountdownEnhancerChunk(file: string, content: Buffer): boolean {
  return /Countdown\.astro_astro_type_script/.test(file) && content.includes(COUNTDOWN_DEADLINE);
}

export function assetsInlineLimitKeepingEnhancerExternal(site: InlineLimit | undefined): (file: string, content: Buffer) => boolean | undefined {
  return (file, content) => {
    if (isCountdownEnhancerChunk(file, content)) return false;
    if (typeof site === 'function') return site(file, content);
    return content.byteLength < (site ?? VITE_DEFAULT_LIMIT);
  };
}
