import { expect, test } from '@playwright/test';
import { type Site, serveFixture } from './support/site.ts';

let site: Site;
test.beforeAll(async () => {
  site = await serveFixture('beacon', { delayMs: 2000 });
});
test.afterAll(() => site.close());

test('a click on a CTA link navigates at once while the collector takes 2 s, and the event still arrives', async ({
  page,
}) => {
  await page.goto(`${site.url}/links/`);
  await page.getByRole('link', { name: 'Go to the target' }).click();
  await expect(page.locator('#arrived')).toBeVisible();
  const request = site.received.find((entry) => entry.events.some((event) => event.t === 'click'))!;
  // The browser asked for the destination before the collector answered: the navigation waited for nothing.
  await expect.poll(() => request.answered, { timeout: 5000 }).toBe(true);
  const destination = site.served.find((page) => page.path === '/target/')!;
  expect(destination.at).toBeLessThan(request.answeredAt!);
  expect(request.events.find((event) => event.t === 'click')).toMatchObject({
    id: 'go-target',
    v: 'primary',
    g: 'signup',
    p: '/links/',
    d: `${site.url}/target/`,
    o: 0, // plain
  });
  // fetch(keepalive) with a string body: text/plain, a CORS-safelisted request that needs no preflight.
  expect(request).toMatchObject({ contentType: expect.stringMatching(/^text\/plain/), mode: 'cors' });
});
