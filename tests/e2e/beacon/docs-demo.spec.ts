import { expect, test } from '@playwright/test';

test('clicking a CTA on the built demo page reports its id and still navigates', async ({ page }) => {
  const received: unknown[] = [];
  await page.route('**/api/cta', async (route) => {
    received.push(JSON.parse(route.request().postData() ?? 'null'));
    await route.fulfill({ status: 204 });
  });
  await page.goto('/demos/saas/');
  const request = page.waitForRequest(
    (request) => request.url().endsWith('/api/cta') && request.postData()!.includes('"click"'),
  );
  await page.getByRole('link', { name: 'Compare plans and pricing' }).click();
  await request;
  await expect(page).toHaveURL(/\/demos\/weak\/$/);
  // Impressions (counted by the second, or implied by the click) may travel in the same request or an earlier one.
  expect((received as unknown[][]).flat()).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ t: 'click', id: 'see-pricing', v: 'secondary', p: '/demos/saas/', o: 0 /* plain */ }),
    ]),
  );
});
