import { test as setup } from '@playwright/test';
import { buildFixture } from './support/static-site.ts';

// The kit's styling and CSP specs run against real Astro builds of tests/fixtures/kit-styling (with the built
// integration: `npm run build:packages` after changing it): without a dark-mode strategy, and with two of them;
// the client-router spec against tests/fixtures/kit-router.
// One after the other: the machines have two cores.
setup.describe.configure({ mode: 'serial' });

for (const darkMode of [undefined, 'media', 'class'] as const) {
  setup(`build the kit-styling fixture (darkMode: ${darkMode ?? 'not set'})`, async () => {
    setup.setTimeout(180_000);
    await buildFixture('kit-styling', darkMode ? { CTA_DARK_MODE: darkMode } : {});
  });
}

setup('build the kit-router fixture (offers on, <ClientRouter />)', async () => {
  setup.setTimeout(180_000);
  await buildFixture('kit-router');
});
