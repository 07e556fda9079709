import { expect, type Page, test } from '@playwright/test';
import { type Site, serveFixture } from './support/site.ts';

let site: Site;
let defaults: Site;
test.beforeAll(async () => {
  site = await serveFixture('beacon');
  defaults = await serveFixture('beacon-defaults');
});
test.afterAll(async () => {
  await site.close();
  await defaults.close();
});

/** Clicks every kind of thing the beacon reports, waits past the impression second, then leaves the page. */
async function useThePage(page: Page) {
  await page.goto(`${site.url}/links/`);
  await page.locator('[data-cta="go-target"]').click({ modifiers: ['Control'] });
  await page.locator('[data-cta="hand-written"]').click({ modifiers: ['Control'] });
  await page.goto(`${site.url}/custom/`);
  await page.locator('#send-custom').click();
  await page.goto(`${site.url}/target/`);
}

test('with nothing set, the same visit reports (the control for the tests below)', async ({ page }) => {
  const before = site.events().length;
  await useThePage(page);
  await expect
    .poll(() =>
      site
        .events()
        .slice(before)
        .map((event) => event.t),
    )
    .toEqual(expect.arrayContaining(['click', 'custom']));
});

for (const [signal, script] of [
  [
    'Global Privacy Control',
    () => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
  ],
  ['Do Not Track', () => Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1' })],
] as const) {
  test(`${signal} on: nothing is sent`, async ({ page }) => {
    await page.context().addInitScript(script);
    const requests: string[] = [];
    page.on('request', (request) => request.method() === 'POST' && requests.push(request.url()));
    const before = site.received.length;
    await useThePage(page);
    // A request the page makes after all that, so anything the beacon sent would have been seen before it.
    await page.evaluate(() => fetch('/target/'));
    expect(requests).toEqual([]);
    expect(site.received.length).toBe(before);
  });
}

test('by default, localhost and automated browsers (navigator.webdriver) are skipped', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => request.method() === 'POST' && requests.push(request.url()));
  await page.goto(`${defaults.url}/`);
  expect(await page.evaluate(() => navigator.webdriver)).toBe(true);
  await page.locator('[data-cta="default-cta"]').click();
  await page.goto(`${defaults.url}/`);
  await page.evaluate(() => fetch('/'));
  expect(requests).toEqual([]);
  expect(defaults.received).toEqual([]);
});
