import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { chromiumLaunchOptions } from './tests/support/chromium.ts';

export default defineConfig({
  test: {
    name: 'browser',
    include: ['packages/*/src/**/*.browser.test.ts'],
    browser: {
      enabled: true,
      headless: true,
      instances: [{ browser: 'chromium' }],
      provider: playwright({ launchOptions: chromiumLaunchOptions }),
    },
  },
});
