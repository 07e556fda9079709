import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/support/chromium.ts';

// `astro preview` listens on a port the system picks (port 0): on a shared machine any fixed port may be taken.
// Playwright finds the address in its output (the named group of `wait.stdout`) and puts it in the environment as
// CTA_PREVIEW_URL before it starts the workers, which load this file again and read it as their baseURL.
const PREVIEW_URL = /Local\s+(?<cta_preview_url>http:\/\/127\.0\.0\.1:\d+)/;

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
    baseURL: process.env.CTA_PREVIEW_URL,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: 'astro preview --host 127.0.0.1 --port 0',
    wait: { stdout: PREVIEW_URL },
    timeout: 60_000,
  },
  projects: [
    // The docs site's suites (the webServer above).
    // The compatibility matrix and the static Storybook have their own configs and CI steps (npm run test:compat,
    // npm run test:storybook): they install or build their own sites.
    {
      name: 'site',
      testIgnore: [/e2e\/(beacon|kit)\//, /e2e\/compat\//, /e2e\/storybook\//, /e2e\/offers\/fixture\//],
    },
    // Beacon suites: each spec serves a built fixture site itself on 127.0.0.1 (tests/e2e/beacon/support/site.ts).
    { name: 'beacon-fixtures', testMatch: /e2e\/beacon\/build-fixtures\.setup\.ts/ },
    { name: 'beacon', testMatch: /e2e\/beacon\/.*\.spec\.ts/, dependencies: ['beacon-fixtures'] },
    // The kit's styling and CSP suites: a fixture site built in three variants (tests/e2e/kit/build-fixtures.setup.ts).
    { name: 'kit-fixtures', testMatch: /e2e\/kit\/build-fixtures\.setup\.ts/ },
    { name: 'kit', testMatch: /e2e\/kit\/.*\.spec\.ts/, dependencies: ['kit-fixtures'] },
    // Offers and experiments with consent required: a fixture site built once (tests/fixtures/offers).
    { name: 'offers-fixtures', testMatch: /e2e\/offers\/fixture\/build-fixture\.setup\.ts/ },
    { name: 'offers', testMatch: /e2e\/offers\/fixture\/.*\.spec\.ts/, dependencies: ['offers-fixtures'] },
  ],
});
