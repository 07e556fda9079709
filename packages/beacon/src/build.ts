import type * as Defaults from './settings.ts';

/** One build's settings of the core: settings.ts's constants but `built`. */
export type BuildSettings = Omit<typeof Defaults, 'built'>;

/**
 * The source of the module that replaces settings.ts in a build (the astro-cta integration's Vite plugin): the core's
 * settings as constants, so that the minifier drops what the configuration does not use.
 */
export function settingsModule(settings: BuildSettings): string {
  const lines = Object.entries({ built: true, ...settings }).map(
    ([name, value]) => `export const ${name} = ${JSON.stringify(value)};`,
  );
  return `${lines.join('\n')}\n`;
}

/** The default configuration's settings (a collector endpoint, visits on): what bench-default-page.ts is built with. */
export const DEFAULT_PAGE_SETTINGS: BuildSettings = {
  endpoint: '/api/cta',
  sink: false,
  gate: false,
  href: false,
  history: false,
  gpc: true,
  dnt: true,
  localhost: false,
  automation: false,
  visits: true,
};
