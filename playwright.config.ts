import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/support/chromium.ts';

const port = 4322;

// End-to-end suites against the built docs site (`npm run build` first; `npm test` does).
export default defineConfig({
  testDir: './tests/e2e',
  fullyParallel: true,
  // One retry on CI, as a safety net on a loaded 2-core machine: a test that passes only on its retry is named as
  // flaky in the summary (scripts/test.mjs), not hidden. The two flakes seen so far were test races, now fixed.
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: `astro preview --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
  projects: [
    // The docs site's suites (the webServer above).
    { name: 'site', testIgnore: /e2e\/(beacon|kit)\// },
    // Beacon suites: each spec serves a built fixture site itself on 127.0.0.1 (tests/e2e/beacon/support/site.ts).
    { name: 'beacon-fixtures', testMatch: /e2e\/beacon\/build-fixtures\.setup\.ts/ },
    { name: 'beacon', testMatch: /e2e\/beacon\/.*\.spec\.ts/, dependencies: ['beacon-fixtures'] },
    // The kit's styling and CSP suites: a fixture site built in three variants (tests/e2e/kit/build-fixtures.setup.ts).
    { name: 'kit-fixtures', testMatch: /e2e\/kit\/build-fixtures\.setup\.ts/ },
    { name: 'kit', testMatch: /e2e\/kit\/.*\.spec\.ts/, dependencies: ['kit-fixtures'] },
  ],
});
