import { expect, test } from '@playwright/test';
import { type Site, serveFixture } from './support/site.ts';

// Pages with Astro's <ClientRouter />: navigation swaps the document without reloading the beacon.
let site: Site;
test.beforeAll(async () => {
  site = await serveFixture('beacon');
});
test.afterAll(() => site.close());

test('each view transition starts a new page view, and clicks after it are still reported', async ({ page }) => {
  await page.goto(`${site.url}/vt-one/`);
  await page.evaluate(() => ((window as { sameDocument?: boolean }).sameDocument = true));
  const before = site.events().length;
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(page.locator('#two')).toBeVisible();
  await page.getByRole('link', { name: 'Back to one' }).click();
  await expect(page.getByRole('link', { name: 'Next page' })).toBeVisible();
  // No reload happened: the router swapped the pages.
  expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);

  await expect
    .poll(() =>
      site
        .events()
        .slice(before)
        .filter((event) => event.t === 'click')
        .map(({ id, p }) => ({ id, p })),
    )
    .toEqual([
      { id: 'vt-next', p: '/vt-one/' },
      { id: 'vt-back', p: '/vt-two/' },
    ]);
  const events = site.events().slice(before);
  const one = events.filter((event) => event.p === '/vt-one/');
  const two = events.filter((event) => event.p === '/vt-two/');
  expect(new Set(one.map((event) => event.pv)).size).toBe(1);
  expect(new Set(two.map((event) => event.pv)).size).toBe(1);
  expect(one[0]!.pv).not.toBe(two[0]!.pv);
  // Sequence numbers start again at 0 in the new page view, and its CTA is counted as seen (click implies impression).
  expect(two.map(({ t, id, s }) => ({ t, id, s }))).toEqual([
    { t: 'impression', id: 'vt-back', s: 0 },
    { t: 'click', id: 'vt-back', s: 1 },
  ]);
});

test('impressions counted before a view transition leave with the old page’s path and page view', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.clock.install({ time: new Date('2026-11-26T06:00:00Z') });
  await page.clock.pauseAt(new Date('2026-11-26T06:01:00Z')); // a minute ahead: a slow machine must not overtake it
  await page.goto(`${site.url}/vt-one/`);
  const before = site.events().length;
  await page.clock.runFor(1000); // the CTA has been in view for one second: an impression waits in the queue
  await page.clock.resume(); // let the router's own timers and animations run
  await page.evaluate(() =>
    document.querySelector<HTMLAnchorElement>('[data-cta="vt-next"]')!.removeAttribute('data-cta'),
  );
  await page.getByRole('link', { name: 'Next page' }).click(); // no longer a CTA: only the router navigates
  await expect(page.locator('#two')).toBeVisible();
  await expect
    .poll(() =>
      site
        .events()
        .slice(before)
        .filter((event) => event.t === 'impression' && event.p === '/vt-one/'),
    )
    .toEqual([expect.objectContaining({ id: 'vt-next', s: 0 })]);
});
