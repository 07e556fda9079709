import { expect, test } from '@playwright/test';
import { type Site, serveFixture } from './support/site.ts';

// The fixture requires consent (consent: 'pending'): events wait in memory until the page grants it.
let site: Site;
test.beforeAll(async () => {
  site = await serveFixture('beacon-consent');
});
test.afterAll(() => site.close());

test('nothing leaves before consent; once granted, the waiting events go out in order', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => request.method() === 'POST' && requests.push(request.url()));
  await page.goto(`${site.url}/`);
  const before = site.events().length;
  await page.locator('[data-cta="consent-cta"]').click();
  await page.locator('[data-cta="consent-cta"]').click();
  await page.evaluate(() => fetch('/'));
  expect(requests).toEqual([]);
  // No visit id either: it is stored only for events that consent let through.
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);

  await page.locator('#grant').click();
  await expect
    .poll(() =>
      site
        .events()
        .slice(before)
        .map(({ t, id, s }) => ({ t, id, s })),
    )
    .toEqual([
      { t: 'impression', id: 'consent-cta', s: 0 },
      { t: 'click', id: 'consent-cta', s: 1 },
      { t: 'click', id: 'consent-cta', s: 2 },
    ]);
  // Once granted, every event carries the visit id, now in sessionStorage.
  const visit = await page.evaluate(() => sessionStorage.getItem('ctaTab'));
  expect(visit).toMatch(/^\w{1,64}$/);
  expect(
    site
      .events()
      .slice(before)
      .map((event) => event.vi),
  ).toEqual([visit, visit, visit]);
});

test('consent denied: nothing is sent, neither what waited nor what follows', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => request.method() === 'POST' && requests.push(request.url()));
  await page.goto(`${site.url}/`);
  await page.locator('[data-cta="consent-cta"]').click();
  await page.locator('#deny').click();
  await page.locator('[data-cta="consent-cta"]').click();
  await page.goto(`${site.url}/`);
  await page.evaluate(() => fetch('/'));
  expect(requests).toEqual([]);
  // A consent-denied visit stores nothing: no visit id, no time.
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
});
