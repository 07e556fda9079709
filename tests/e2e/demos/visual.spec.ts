import { expect, test } from '@playwright/test';

// Visual regression of the demo landing pages (docs-site/src/pages/demos/): every page, full length, on a phone
// (390 px) and a laptop (1280 px), compared with the committed baselines in visual.spec.ts-snapshots/.
// After an intended change to the pages or the kit's CSS, regenerate them on this machine kind with
// `npx playwright test tests/e2e/demos/visual.spec.ts --update-snapshots` (after `npm run build`) and look at them.
//
// The page clock is fixed, so countdowns show the same time left and keep their width; the ticking digits are
// masked anyway, so only the layout around them is compared.
const pages = [
  ['home', '/demos/'],
  ['saas', '/demos/saas/'],
  ['sale', '/demos/sale/'],
  ['newsletter', '/demos/newsletter/'],
  ['newsletter-thanks', '/demos/newsletter/thanks/'],
  ['event', '/demos/event/'],
  ['weak', '/demos/weak/'],
  ['no-cta', '/demos/no-cta/'],
] as const;
const widths = [390, 1280] as const;
const NOW = new Date('2026-12-01T10:00:00Z');

test.describe.configure({ mode: 'parallel' });
test.use({ colorScheme: 'light', reducedMotion: 'no-preference' });

for (const width of widths) {
  for (const [name, path] of pages) {
    test(`${path} at ${width} px looks as it did`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.clock.setFixedTime(NOW);
      // A visitor assigned arm A of the SaaS hero's experiment (components/offers.md): a new visitor's arm is random.
      await page.addInitScript(() => localStorage.setItem('ctaSignals', JSON.stringify({ m: { 'hero-copy': 'A' } })));
      await page.setViewportSize({ width, height: 900 });
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      // Every image decoded and every font loaded before the picture is taken.
      await page.evaluate(async () => {
        await document.fonts.ready;
        for (const image of document.images) image.loading = 'eager';
        await Promise.all([...document.images].map((image) => image.decode().catch(() => {})));
      });
      await expect(page).toHaveScreenshot(`${name}-${width}.png`, {
        fullPage: true,
        animations: 'disabled',
        mask: [page.locator('[data-cta-remaining]')],
        maskColor: '#ff00ff',
        // Room for anti-aliasing noise only: a changed line of text is well above it.
        maxDiffPixelRatio: 0.0002,
        // Two full-length screenshots must match before one is kept; on a loaded 2-core machine each takes seconds.
        timeout: 45_000,
      });
    });
  }
}
