import { expect, type Page, test } from '@playwright/test';
import { setTabHidden, showShare } from './support/page.ts';
import { type Site, serveFixture } from './support/site.ts';

// MRC rule: >= 50% of the CTA in view (30% from 242,500 px²), in a visible, focused tab, for >= 1 continuous second.
// A fake clock drives the second. Impressions wait in the beacon's queue; clicking the always-visible "marker" CTA
// sends them along with its click in one request, so each test knows when everything queued has arrived.

let site: Site;
test.beforeAll(async () => {
  site = await serveFixture('beacon');
});
test.afterAll(() => site.close());

async function open(page: Page) {
  await page.setViewportSize({ width: 800, height: 600 });
  // Installed and paused: time moves only with runFor(), never with the test's own real time. The installed clock
  // runs in real time until paused, so the pause lies a minute ahead: a slow machine must not overtake it.
  await page.clock.install({ time: new Date('2026-11-26T06:00:00Z') });
  await page.clock.pauseAt(new Date('2026-11-26T06:01:00Z'));
  await page.goto(`${site.url}/impressions/`);
  return site.events().length;
}

const markerClicks = () => site.events().filter((event) => event.t === 'click' && event.id === 'marker').length;

/**
 * Flushes the queue with the marker's click and returns the impressions of the small and large CTAs since `before`.
 * It waits for this click's own request: a test that flushes twice must not take the first click for the second.
 */
async function impressions(page: Page, before: number) {
  const clicks = markerClicks();
  await page.locator('[data-cta="marker"]').click();
  await expect.poll(markerClicks).toBe(clicks + 1);
  return site
    .events()
    .slice(before)
    .filter((event) => event.t === 'impression' && event.id !== 'marker');
}

test('49% of a CTA in view for 5 s: no impression', async ({ page }) => {
  const before = await open(page);
  await showShare(page, '[data-cta="small"]', 0.49);
  await page.clock.runFor(5000);
  expect(await impressions(page, before)).toEqual([]);
});

test('60% in view for 0.9 s: no impression', async ({ page }) => {
  const before = await open(page);
  await showShare(page, '[data-cta="small"]', 0.6);
  await page.clock.runFor(900);
  await showShare(page, '[data-cta="small"]', 0);
  await page.clock.runFor(5000);
  expect(await impressions(page, before)).toEqual([]);
});

test('60% in view for 1.0 s: one impression, and only one per page view', async ({ page }) => {
  const before = await open(page);
  await showShare(page, '[data-cta="small"]', 0.6);
  await page.clock.runFor(1000);
  await showShare(page, '[data-cta="small"]', 0);
  await showShare(page, '[data-cta="small"]', 0.6);
  await page.clock.runFor(3000);
  expect(await impressions(page, before)).toEqual([
    expect.objectContaining({ t: 'impression', id: 'small', v: 'primary', p: '/impressions/' }),
  ]);
});

test('a CTA of 300,000 px² counts with 35% in view (the MRC rule for large elements), not with 25%', async ({
  page,
}) => {
  const before = await open(page);
  await showShare(page, '[data-cta="large"]', 0.25);
  await page.clock.runFor(2000);
  expect(await impressions(page, before)).toEqual([]);
  await showShare(page, '[data-cta="large"]', 0.35);
  await page.clock.runFor(1000);
  expect(await impressions(page, before)).toEqual([expect.objectContaining({ id: 'large', v: 'secondary' })]);
});

test('a hidden tab counts nothing, and the second starts again when the tab is visible', async ({ page }) => {
  const before = await open(page);
  await showShare(page, '[data-cta="small"]', 0.6);
  await page.clock.runFor(600);
  await setTabHidden(page, true);
  await page.clock.runFor(5000);
  await setTabHidden(page, false);
  await page.clock.runFor(600); // 1.2 s visible in all, but not one continuous second
  expect(await impressions(page, before)).toEqual([]);
  await page.clock.runFor(400);
  expect(await impressions(page, before)).toEqual([expect.objectContaining({ id: 'small' })]);
});

test('impressions leave with sendBeacon when the tab is hidden', async ({ page }) => {
  const before = await open(page);
  await showShare(page, '[data-cta="small"]', 0.6);
  await page.clock.runFor(1000);
  await setTabHidden(page, true);
  await expect
    .poll(() => site.received.slice(-1)[0])
    .toMatchObject({
      mode: 'no-cors',
      events: expect.arrayContaining([expect.objectContaining({ t: 'impression', id: 'small' })]),
    });
  expect(
    site
      .events()
      .slice(before)
      .filter((event) => event.id === 'small'),
  ).toHaveLength(1);
});

test('a click implies an impression: sent with the click when none was counted yet', async ({ page }) => {
  const before = await open(page);
  await page.locator('[data-cta="small"]').click({ modifiers: ['Control'] }); // a new tab: this page stays
  await expect
    .poll(() =>
      site
        .events()
        .slice(before)
        .filter((event) => event.id === 'small')
        .map(({ t, s }) => ({ t, s })),
    )
    .toEqual([
      { t: 'impression', s: 0 },
      { t: 'click', s: 1 },
    ]);
  await page.clock.runFor(3000);
  expect((await impressions(page, before)).filter((event) => event.id === 'small')).toHaveLength(1);
});
