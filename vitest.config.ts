import { defineConfig } from 'vitest/config';

// Two projects: `unit` (Node: rules, components through the Astro Container API, collector) and `browser`
// (real Chromium: beacon and countdown enhancer). Playwright end-to-end suites live in tests/e2e.
export default defineConfig({
  test: {
    projects: ['./vitest.unit.config.ts', './vitest.browser.config.ts'],
  },
});
