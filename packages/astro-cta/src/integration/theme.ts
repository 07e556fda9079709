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

/** The selector or media query under which the kit is dark; undefined for 'off'. */
export function darkModeCss(mode: ResolvedOptions['darkMode']): string | undefined {
  // Names and values are checked by the options schema (word characters and dashes): nothing to escape.
  // One class of specificity, so theme.css's `:is(.light, [data-theme='light']) .cta-kit` still wins inside it.
  const rule = (ancestor: string) => `:where(${ancestor}) .cta-kit { color-scheme: dark; }`;
  let css: string;
  if (mode === 'off') return undefined;
  else if (mode === 'media') css = '@media (prefers-color-scheme: dark) { .cta-kit { color-scheme: dark; } }';
  else if (mode === 'class') css = rule('.dark');
  else if (mode === 'attribute') css = rule('[data-theme="dark"]');
  else if ('class' in mode) css = rule(`.${mode.class}`);
  else css = rule(`[${mode.attribute}=${JSON.stringify(mode.value)}]`);
  return `@layer theme, base, components, utilities;\n@layer components.astro-cta {\n  ${css}\n}\n`;
}

/** Serves the dark-mode stylesheet to the pages (see `astro:config:setup` in index.ts). */
export function darkModePlugin(css: string): VitePlugin {
  return {
    name: 'astro-cta:dark-mode',
    resolveId: (id) => (id === DARK_MODE_MODULE ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? css : undefined),
  };
}
