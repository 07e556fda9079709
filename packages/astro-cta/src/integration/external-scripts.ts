/**
 * Keeps the countdown enhancer and the conversion module external files. Astro inlines a bundled <script> smaller
 * than Vite's `build.assetsInlineLimit` into the HTML, and a strict Content-Security-Policy (`script-src 'self'`, no
 * 'unsafe-inline') then refuses to run it. This wraps the site's limit: those two chunks are never inlined,
 * everything else is decided exactly as the site's own setting (a number or a function, default 4096) decides it.
 */

import { COUNTDOWN_DEADLINE } from '@astro-cta/contract';
import type { AstroConfig } from 'astro';
import { CONVERSION_GOAL } from '../client/conversion-attributes.ts';

type InlineLimit = NonNullable<NonNullable<AstroConfig['vite']['build']>['assetsInlineLimit']>;

/** Vite's default `build.assetsInlineLimit`. */
const VITE_DEFAULT_LIMIT = 4096;

/** True for the bundled chunk of Countdown.astro's <script> (the enhancer reads the countdown attribute). */
export function isCountdownEnhancerChunk(file: string, content: Buffer): boolean {
  return /Countdown\.astro_astro_type_script/.test(file) && content.includes(COUNTDOWN_DEADLINE);
}

/** True for the bundled chunk of Conversion.astro's <script> (it reads the conversion attribute). */
export function isConversionChunk(file: string, content: Buffer): boolean {
  return /Conversion\.astro_astro_type_script/.test(file) && content.includes(CONVERSION_GOAL);
}

export function assetsInlineLimitKeepingEnhancerExternal(
  site: InlineLimit | undefined,
): (file: string, content: Buffer) => boolean | undefined {
  return (file, content) => {
    if (isCountdownEnhancerChunk(file, content) || isConversionChunk(file, content)) return false;
    if (typeof site === 'function') return site(file, content);
    return content.byteLength < (site ?? VITE_DEFAULT_LIMIT);
  };
}
