import { expect, test } from '@playwright/test';

// The built docs page for <Countdown> (docs-site/src/content/docs/components/countdown.mdx): real Astro output, the
// enhancer as Astro bundles it, Playwright's fake clock in the page.
const PAGE = '/components/countdown/';
const DEADLINE = new Date('2027-12-31T23:59:00+01:00').getTime();

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the absolute end is shown and the empty time-left box takes no space', async ({ page }) => {
    await page.goto(PAGE);
    const timer = page.getByRole('timer').first();
    await expect(timer).toHaveAttribute('aria-live', 'off');
    await expect(timer.locator('time')).toHaveAttribute('datetime', '2027-12-31T23:59:00+01:00');
    await expect(timer).toContainText('Ends Dec 31, 2027, 11:59 PM GMT+1');
    await expect(timer.locator('[data-cta-remaining]')).toBeHidden();
  });
});

test.describe('with JavaScript and a fake clock', () => {
  test('counts down, reaches zero on the deadline and disables the CTA of its group', async ({ page }) => {
    await page.clock.install({ time: DEADLINE - 60_000 });
    await page.goto(PAGE);
    // Stop the page's clock three seconds before the deadline; from here on it only moves when the test says so.
    await page.clock.pauseAt(DEADLINE - 3_000);
    const group = page.locator('[data-cta-group]').filter({ has: page.locator('[data-cta="docs-countdown-buy"]') });
    const cta = group.locator('[data-cta="docs-countdown-buy"]');
    const remaining = group.locator('[data-cta-remaining]');
    await expect(remaining).toHaveText('00h 00m 03s');
    await expect(cta).toHaveAttribute('href', '/demos/sale/');
    await page.clock.runFor(2_000);
    await expect(remaining).toHaveText('00h 00m 01s');
    await page.clock.runFor(1_000);
    await expect(cta).not.toHaveAttribute('href');
    await expect(cta).toHaveAttribute('aria-disabled', 'true');
    await expect(group.getByText('The winter sale has ended.')).toBeVisible();
    await expect(remaining).toBeHidden();
  });

  test('the CTA is described by the stable end, not by the ticking time', async ({ page }) => {
    await page.clock.install({ time: DEADLINE - 90_000 });
    await page.goto(PAGE);
    const cta = page.locator('[data-cta="docs-countdown-buy"]');
    await expect(cta).toHaveAccessibleDescription(/Ends Dec 31, 2027, 11:59 PM GMT\+1/);
    await expect(cta).not.toHaveAccessibleDescription(/\d\dm \d\ds/);
  });

  test('all countdowns on the page share one enhancer script', async ({ page }) => {
    const external: string[] = [];
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script' && (await response.text()).includes('data-cta-remaining'))
        external.push(response.url());
    });
    await page.goto(PAGE);
    await expect(page.getByRole('timer')).toHaveCount(3);
    const inline = await page
      .locator('script:not([src])')
      .evaluateAll((scripts) => scripts.filter((script) => script.textContent?.includes('data-cta-remaining')).length);
    expect(external.length + inline).toBe(1);
  });
});
