import { expect, type Page, test } from '@playwright/test';
import { fixtureRoot, type StaticSite, serveStatic } from './support/static-site.ts';

// A site with Astro's client-side router (<ClientRouter />, as AstroWind has; tests/fixtures/kit-router): the visitor lands on a page without
// any kit script and the router swaps in a page with an experiment and a countdown. The offer chooser (a head
// script) and the countdown enhancer (a module) must still do their work: one arm shown, the time left ticking.
let site: StaticSite;
test.beforeAll(async () => {
  site = await serveStatic(`${fixtureRoot('kit-router')}dist`);
});
test.afterAll(async () => site.close());

/** The arms whose wrapper is visible (the chooser hides the others with visibility: hidden). */
const shownArms = (page: Page) =>
  page
    .locator('[data-cta-choose] > [data-cta-arm]')
    .evaluateAll((arms) =>
      arms
        .filter((arm) => getComputedStyle(arm).visibility === 'visible')
        .map((arm) => arm.getAttribute('data-cta-arm')),
    );

test('an experiment and a countdown work on a page the router swapped in, and after navigating back to it', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${site.url}/router-start/`);
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  await page.click('#to-offer');
  await expect(page).toHaveURL(/\/router-offer\/$/);
  await expect(page.locator('h1')).toHaveText('The winter plan');
  // The router swapped the page in place (no full load): the marker set on the first page survives.
  expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
  await expect.poll(() => shownArms(page)).toEqual(['B']);
  // The arm the visitor saw is the one stored for them, and only its CTA counts for the beacon. Before the fix the
  // page view was recorded at the swap, before the chooser had run: the visitor was stored in the holdout ("").
  await expect
    .poll(() => page.evaluate(() => JSON.parse(localStorage.ctaSignals ?? '{}').m?.['router-copy']))
    .toBe('B');
  await expect(page.locator('[data-cta="router-a"]')).toHaveAttribute('data-cta-notrack', '');
  await expect(page.locator('[data-cta="router-b"]')).not.toHaveAttribute('data-cta-notrack');
  const remaining = page.locator('[data-cta-remaining]');
  await expect(remaining).toHaveText(/\d+d \d+h \d+m \d+s/);
  const first = await remaining.textContent();
  await expect(remaining).not.toHaveText(first!, { timeout: 3000 });

  await page.click('#to-start');
  await expect(page.locator('h1')).toHaveText('Welcome');
  await page.click('#to-offer');
  await expect(page.locator('h1')).toHaveText('The winter plan');
  // The same arm for the same visitor, and the countdown runs again, still without a full load.
  expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
  await expect.poll(() => shownArms(page)).toEqual(['B']);
  await expect(page.locator('[data-cta-remaining]')).toHaveText(/\d+d \d+h \d+m \d+s/);
  expect(errors).toEqual([]);
});
