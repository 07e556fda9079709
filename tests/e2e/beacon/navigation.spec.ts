import { expect, test } from '@playwright/test';
import { type Site, serveFixture } from './support/site.ts';

let site: Site;
test.beforeAll(async () => {
  site = await serveFixture('beacon');
});
test.afterAll(() => site.close());

test('hand-written contract markup is reported like the component, and data-cta-notrack is not', async ({ page }) => {
  await page.goto(`${site.url}/links/`);
  const before = site.events().length;
  await page.locator('[data-cta="quiet"]').click({ modifiers: ['Control'] });
  await page.locator('[data-cta="hand-written"]').click({ modifiers: ['Control'] });
  await expect
    .poll(() =>
      site
        .events()
        .slice(before)
        .filter((event) => event.t === 'click'),
    )
    .toEqual([
      expect.objectContaining({ id: 'hand-written', v: 'link', g: 'docs', p: '/links/', o: 1 /* modifier */ }),
    ]);
  expect(site.events().some((event) => event.id === 'quiet')).toBe(false);
});

test('a CTA rendered after the beacon started is reported without re-binding', async ({ page }) => {
  await page.goto(`${site.url}/links/`);
  const before = site.events().length;
  await page.locator('#render-late').click();
  await page.getByRole('link', { name: 'Late CTA' }).click({ modifiers: ['Control'] });
  await expect
    .poll(() =>
      site
        .events()
        .slice(before)
        .filter((event) => event.t === 'click')
        .map((event) => event.id),
    )
    .toEqual(['late-slot', 'late-cta']);
});

test('track() reports a custom event with its properties', async ({ page }) => {
  await page.goto(`${site.url}/custom/`);
  await page.locator('#send-custom').click();
  await expect
    .poll(() => site.events().filter((event) => event.t === 'custom'))
    .toEqual([
      expect.objectContaining({
        t: 'custom',
        id: 'newsletter-open',
        props: { plan: 'pro', seats: 3 },
        p: '/custom/',
        s: 0,
      }),
    ]);
});

test('plain History API navigation (pushState, back) starts a new page view', async ({ page }) => {
  await page.goto(`${site.url}/history/`);
  const before = site.events().length;
  await page.locator('[data-cta="history-cta"]').click();
  await page.locator('#push').click();
  await expect(page).toHaveURL(/\/history\/step-two$/);
  await page.locator('[data-cta="history-cta"]').click();
  await page.goBack();
  await expect(page).toHaveURL(/\/history\/$/);
  await page.locator('[data-cta="history-cta"]').click();
  await expect
    .poll(() =>
      site
        .events()
        .slice(before)
        .filter((event) => event.t === 'click')
        .map(({ p, s }) => ({ p, s })),
    )
    .toEqual([
      { p: '/history/', s: 1 },
      { p: '/history/step-two', s: 1 },
      { p: '/history/', s: 1 },
    ]);
  const views = site
    .events()
    .slice(before)
    .filter((event) => event.t === 'click')
    .map((event) => event.pv);
  expect(new Set(views).size).toBe(3);
});
