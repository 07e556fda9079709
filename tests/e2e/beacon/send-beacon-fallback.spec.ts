import { expect, test } from '@playwright/test';
import { setTabHidden, showShare } from './support/page.ts';
import { type Site, serveFixture } from './support/site.ts';

let site: Site;
test.beforeAll(async () => {
  site = await serveFixture('beacon');
});
test.afterAll(() => site.close());

test('when sendBeacon refuses (returns false), the impressions leave with fetch keepalive instead', async ({
  page,
}) => {
  // A browser whose beacon queue is full, or a hardened one: sendBeacon returns false and sends nothing.
  await page.addInitScript(() => {
    const refused: string[] = [];
    (window as { refusedBeacons?: string[] }).refusedBeacons = refused;
    navigator.sendBeacon = (_url: string | URL, body?: BodyInit | null) => {
      refused.push(String(body));
      return false;
    };
  });
  await page.setViewportSize({ width: 800, height: 600 });
  await page.clock.install({ time: new Date('2026-11-26T06:00:00Z') });
  await page.clock.pauseAt(new Date('2026-11-26T06:01:00Z')); // a minute ahead: a slow machine must not overtake it
  await page.goto(`${site.url}/impressions/`);
  const before = site.received.length;
  await showShare(page, '[data-cta="small"]', 0.6);
  await page.clock.runFor(1000);
  await setTabHidden(page, true);

  await expect
    .poll(() => site.received.slice(before))
    .toEqual([
      expect.objectContaining({
        mode: 'cors',
        events: expect.arrayContaining([expect.objectContaining({ t: 'impression', id: 'small' })]),
      }),
    ]);
  const refused = await page.evaluate(() => (window as { refusedBeacons?: string[] }).refusedBeacons!);
  expect(refused.map((body) => JSON.parse(body))).toEqual([site.received[before]!.events]);
});
