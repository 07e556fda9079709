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
// The framework renders stories with the Container API on an Astro Vite server that it closes once they are rendered.
// Astro also starts building its dev-server app (the request handler of `astro dev`, unused here) whenever such a
// server is configured; the early close then logged "[ERROR] Failed to create the dev server app: transport was
// disconnected" on every build although nothing failed. Astro skips that app under Vitest (`process.env.VITEST`, read
// only there in Astro 7); Storybook reads the variable only as "true", so a different value changes nothing else.
process.env.VITEST ??= 'storybook-astro-render-only';

const config: StorybookConfig = {
  stories: ['./stories/*.stories.ts'],
  framework: { name: '@storybook-astro/framework', options: { renderMode: 'static', resolveFrom: fileURLToPath(new URL('.', import.meta.url)) } },
  core: { disableTelemetry: true },
};

export default config;
