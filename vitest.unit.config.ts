import { fileURLToPath } from 'node:url';
import { getViteConfig } from 'astro/config';

const root = fileURLToPath(new URL('./', import.meta.url));

// getViteConfig gives Vitest Astro's compiler, so tests can render .astro components with the Container API.
// configFile: false keeps the docs site's integrations (Starlight…) out of unit tests.
export default getViteConfig(
  {
    test: {
      name: 'unit',
      root,
      include: ['packages/*/src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
      exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
      environment: 'node',
    },
  },
  { root, configFile: false, logLevel: 'error', devToolbar: { enabled: false } },
);
