import { expect, test } from '@playwright/test';

test('clicking a CTA on the built demo page reports its id and still navigates', async ({ page }) => {
  const received: unknown[] = [];
  await page.route('**/api/cta', async (route) => {
    received.push(JSON.parse(route.request().postData() ?? 'null'));
    await route.fulfill({ status: 204 });
  });
  await page.goto('/demos/saas/');
  const request = page.waitForRequest('**/api/cta');
  await page.getByRole('link', { name: 'Compare plans and pricing' }).click();
  await request;
  await expect(page).toHaveURL(/\/demos\/weak\/$/);
  expect(received).toEqual([[expect.objectContaining({ t: 'click', id: 'see-pricing', v: 'secondary', p: '/demos/saas/' })]]);
});
