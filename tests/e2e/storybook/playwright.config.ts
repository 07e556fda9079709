import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../../support/chromium.ts';

// The static Storybook as a reader opens it (`npm run test:storybook`, a step of .ci/run): the build runs first
// (its log must hold no [ERROR] line), then every story is opened and must render without console errors or 404s.
export default defineConfig({
  testDir: '.',
  fullyParallel: true,
  workers: 2,
  reporter: 'list',
  use: { browserName: 'chromium', launchOptions: chromiumLaunchOptions },
  projects: [
    { name: 'storybook-build', testMatch: /build\.setup\.ts/ },
    { name: 'storybook', testMatch: /stories\.spec\.ts/, dependencies: ['storybook-build'] },
  ],
});
