import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook-astro/framework';

/**
 * Storybook renders the real .astro components with @storybook-astro/framework in `static` mode: every story is
 * rendered to HTML by Astro at build time, so `storybook build` needs no running Astro server and no network.
 *
 * Storybook runs from inside .storybook/ (see the npm scripts) and the framework resolves from here too: it loads the
 * integrations of the astro.config it finds in `resolveFrom`, and the root one (Starlight, the docs site's beacon)
 * does not belong in component stories. Story paths in Storybook's index are relative to this folder as well.
 */
const config: StorybookConfig = {
  stories: ['./stories/*.stories.ts'],
  framework: { name: '@storybook-astro/framework', options: { renderMode: 'static', resolveFrom: fileURLToPath(new URL('.', import.meta.url)) } },
  core: { disableTelemetry: true },
};

export default config;
