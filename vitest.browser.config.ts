import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumLaunchOptions } from './tests/support/chromium.ts';

export default defineConfig({
  test: {
    name: 'browser',
    // The server the browser loads the tests from listens on a port the system picks, not Vitest's fixed default
    // (23315, then the next ones): on a shared machine a fixed port may be taken.
    api: { port: 0, host: '127.0.0.1' },
    include: ['packages/*/src/**/*.browser.test.ts'],
    browser: {
      enabled: true,
      headless: true,
      instances: [{ browser: 'chromium' }],
      provider: playwright({ launchOptions: chromiumLaunchOptions }),
    },
  },
});
