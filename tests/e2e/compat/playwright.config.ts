import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../../support/chromium.ts';

// The compatibility matrix (`npm run test:compat`, a CI step of its own in .ci/run): scratch sites on Astro 5, 6
// and 7 built from the packed tarballs, then checked in Chromium. Screenshots are compared with the baselines in
// __screenshots__/ (`npm run test:compat -- --update-snapshots` after an intended visual change).
export default defineConfig({
  testDir: '.',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: 'list',
  snapshotPathTemplate: '{testDir}/__screenshots__/{arg}{ext}',
  // Same machine kind, same fonts: a few anti-aliasing pixels of slack, no more (a ratio would let one unreadable line
  // of small text through).
  expect: { toHaveScreenshot: { maxDiffPixels: 50 } },
  use: { browserName: 'chromium', launchOptions: chromiumLaunchOptions, viewport: { width: 1024, height: 720 } },
  projects: [
    { name: 'compat-sites', testMatch: /sites\.setup\.ts/ },
    { name: 'compat', testMatch: /matrix\.spec\.ts/, dependencies: ['compat-sites'] },
  ],
});
