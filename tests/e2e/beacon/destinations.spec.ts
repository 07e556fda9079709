import { expect, test } from '@playwright/test';
import { type Site, serveFixture } from './support/site.ts';

let site: Site;
test.beforeAll(async () => {
  site = await serveFixture('beacon');
});
test.afterAll(() => site.close());

test('a click reports origin and path only: no query, no fragment, never the address of mailto: or tel:', async ({
  page,
}) => {
  const before = site.received.length;
  await page.goto(`${site.url}/destinations/`);
  for (const id of ['query', 'external', 'mail', 'phone']) await page.locator(`[data-cta="${id}"]`).click();

  const clicks = () =>
    site.received
      .slice(before)
      .flatMap((entry) => entry.events)
      .filter((event) => event.t === 'click')
      .map(({ id, d }) => ({ id, d }));
  await expect.poll(clicks).toEqual([
    { id: 'query', d: `${site.url}/target/` },
    { id: 'external', d: 'https://shop.example/cart/checkout' },
    { id: 'mail', d: 'mailto:' },
    { id: 'phone', d: 'tel:' },
  ]);
  // Nothing of the queries, fragments or addresses reached the receiver, in any event of any request.
  const received = JSON.stringify(site.received.slice(before));
  for (const secret of [
    'jane',
    'example.com',
    's3cr3t',
    'utm_source',
    'reset',
    'abc123',
    'step-2',
    'Hello',
    '5551234567',
  ])
    expect(received).not.toContain(secret);
});
