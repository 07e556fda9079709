/**
 * The integration's styling options: `darkMode` becomes one CSS rule that switches the kit's colours to their dark
 * values under the site's own dark-mode strategy (a virtual stylesheet imported into every page), and `unstyled`
 * reaches the components through Vite's `define` (see components/styling.ts).
 */
import type { AstroConfig } from 'astro';
import type { ResolvedOptions } from './options.ts';

/** A Vite plugin as Astro's config takes it (typed through astro, which depends on vite: we do not). */
type VitePlugin = NonNullable<AstroConfig['vite']['plugins']>[number];

export const DARK_MODE_MODULE = 'virtual:astro-cta/dark-mode.css';
const RESOLVED = `\0${DARK_MODE_MODULE}`;

/**
 * The rule that makes the kit dark under the site's strategy; undefined for 'off'. It is outside any cascade layer
 * on purpose: this small stylesheet may be the first of the page (Astro inlines it into <head>), and a layer named
 * there would be ordered before the site's own layers (Starlight's, for one), letting them override the kit.
 * It only sets `color-scheme` on the kit's elements, and an explicitly light ancestor keeps them light.
 */
export function darkModeCss(mode: ResolvedOptions['darkMode']): string | undefined {
  // Names and values are checked by the options schema (word characters and dashes): nothing to escape.
  const kit = ".cta-kit:not(:where(.light, [data-theme='light']) *)";
  const rule = (ancestor: string) => `:where(${ancestor}) ${kit} { color-scheme: dark; }`;
  if (mode === 'off') return undefined;
  if (mode === 'media') return `@media (prefers-color-scheme: dark) { ${kit} { color-scheme: dark; } }\n`;
  if (mode === 'class') return `${rule('.dark')}\n`;
  if (mode === 'attribute') return `${rule('[data-theme="dark"]')}\n`;
  if ('class' in mode) return `${rule(`.${mode.class}`)}\n`;
  return `${rule(`[${mode.attribute}=${JSON.stringify(mode.value)}]`)}\n`;
}

/** Serves the dark-mode stylesheet to the pages (see `astro:config:setup` in index.ts). */
export function darkModePlugin(css: string): VitePlugin {
  return {
    name: 'astro-cta:dark-mode',
    resolveId: (id) => (id === DARK_MODE_MODULE ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? css : undefined),
  };
}
