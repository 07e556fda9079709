import { expect, test } from '@playwright/test';

// The components lay out with logical properties, so a right-to-left page mirrors them without extra CSS.
test('a CTA section mirrors on a right-to-left page', async ({ page }) => {
  await page.goto('/demos/saas/');
  const cta = page.locator('[data-cta="start-trial"]');
  const pitch = page.locator('.cta-section__pitch').first();
  const ltr = { cta: (await cta.boundingBox())!, pitch: (await pitch.boundingBox())! };
  expect(Math.abs(ltr.cta.x - ltr.pitch.x)).toBeLessThan(2);

  await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
  const rtl = { cta: (await cta.boundingBox())!, pitch: (await pitch.boundingBox())! };
  // The CTA now starts at the right edge of the pitch column.
  expect(Math.abs(rtl.cta.x + rtl.cta.width - (rtl.pitch.x + rtl.pitch.width))).toBeLessThan(2);
  expect(rtl.cta.x).toBeGreaterThan(ltr.cta.x);
});
