import { expect, test } from '@playwright/test';

// Behaviour of the demo landing pages (docs-site/src/pages/demos/) that screenshots alone would not pin down.

test('the newsletter confirmation shows only after signing up, without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/demos/newsletter/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^One tested idea/);
  await expect(page.getByText(/check your inbox/i)).toHaveCount(0);

  await page.getByLabel('Email address').first().fill('reader@example.com');
  await page.getByRole('button', { name: 'Send me the Tuesday letter' }).first().click();
  await expect(page).toHaveURL(/\/demos\/newsletter\/thanks\/\?email=reader%40example\.com$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thanks — check your inbox');
  await context.close();
});

for (const width of [1024, 1280]) {
  test(`the event hero's secondary button sits level with the primary at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/demos/event/');
    const primary = (await page.locator('[data-cta="register"]').boundingBox())!;
    const secondary = (await page.locator('[data-cta="programme"]').boundingBox())!;
    // The CTA is described by its incentive (first) and its countdown: the ids of the elements beside it.
    const [incentiveId] = (await page.locator('[data-cta="register"]').getAttribute('aria-describedby'))!.split(' ');
    const incentive = (await page.locator(`#${incentiveId}`).boundingBox())!;
    // Beside the primary (same row, vertically centred on it), not beside the incentive above it.
    expect(secondary.x).toBeGreaterThan(primary.x + primary.width);
    expect(Math.abs(secondary.y + secondary.height / 2 - (primary.y + primary.height / 2))).toBeLessThan(2);
    expect(secondary.y).toBeGreaterThanOrEqual(incentive.y + incentive.height);
  });
}

// The European pages write dates day-first (en-GB), the US pages month-first (en-US), in every component and in the
// page's own text.
const US_DATE = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2}, \d{4}/;
const GB_DATE = /\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}/;
const locales = [
  ['/demos/sale/', 'en-GB'],
  ['/demos/event/', 'en-GB'],
  ['/demos/newsletter/', 'en-US'],
  ['/demos/saas/', 'en-US'],
] as const;
for (const [path, lang] of locales) {
  test(`${path} writes its dates in its own locale (${lang})`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    const [own, other] = lang === 'en-GB' ? [GB_DATE, US_DATE] : [US_DATE, GB_DATE];
    const dates = await page.locator('main time').allInnerTexts();
    expect(dates.filter((text) => own.test(text)).length).toBeGreaterThan(0);
    // Nothing on the page, in a <time> or in its text, is written the other way round.
    expect(await page.locator('main').textContent()).not.toMatch(other);
  });
}
