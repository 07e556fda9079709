import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { axeProblems } from '../../support/axe.ts';
import { fixtureRoot, type StaticSite, serveStatic } from './support/static-site.ts';

// Issue 9 item 3: the kit's styles yield to the site. tests/fixtures/kit-styling is a light-only site whose CSS has
// Tailwind 4's layer structure (preflight in `base`, utilities in `utilities`) and plain rules outside any layer.
const built = (darkMode: string) => `${fixtureRoot('kit-styling')}dist/${darkMode}`;
const sites: Record<string, StaticSite> = {};
test.beforeAll(async () => {
  for (const mode of ['off', 'media', 'class']) sites[mode] = await serveStatic(built(mode));
});
test.afterAll(async () => {
  for (const site of Object.values(sites)) await site.close();
});

const cta = (page: Page, id: string) => page.locator(`[data-cta="${id}"]`);
const style = (page: Page, id: string, property: string) =>
  cta(page, id).evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);

test.describe('without a dark-mode strategy (a light-only site)', () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${sites.off!.url}/`);
  });

  test('a CTA with incentive and social-proof slots does not change the button beside it', async ({ page }) => {
    const alone = (await cta(page, 'beside-plain').boundingBox())!;
    const besideGroup = (await cta(page, 'beside').boundingBox())!;
    // Before issue 9 the button beside the group was stretched to the group's height (156x44 became 156x173).
    expect({ width: Math.round(besideGroup.width), height: Math.round(besideGroup.height) }).toEqual({
      width: Math.round(alone.width),
      height: Math.round(alone.height),
    });
    expect(besideGroup.height).toBeLessThan(60);
    // The grouped CTA keeps its own size too, and the group adds no margin around itself.
    const grouped = (await cta(page, 'grouped').boundingBox())!;
    expect(Math.round(grouped.height)).toBe(Math.round((await cta(page, 'alone').boundingBox())!.height));
    const group = page.locator('[data-cta-group]').first();
    expect(await group.evaluate((element) => getComputedStyle(element).marginBlockStart)).toBe('0px');
  });

  test('Tailwind utilities given as class win over the kit, and the kit still wins over preflight', async ({
    page,
  }) => {
    expect(await style(page, 'tailwind', 'background-color')).toBe('rgb(0, 0, 0)');
    expect(await style(page, 'tailwind', 'color')).toBe('rgb(255, 255, 255)');
    expect(await style(page, 'tailwind', 'border-top-left-radius')).toBe('4px');
    expect(await style(page, 'tailwind', 'padding-inline-start')).toBe('16px');
    // Preflight (`base`) sets `a { color: inherit }`; the kit's primary CTA keeps its own colours above it.
    expect(await style(page, 'alone', 'background-color')).toBe('rgb(29, 78, 216)');
    expect(await style(page, 'alone', 'color')).toBe('rgb(255, 255, 255)');
  });

  test("the site's rule for plain links (a { color }, outside any layer) leaves CTA text readable", async ({
    page,
  }) => {
    // The site's links are red; the kit's primary label stays white on its blue, the secondary label stays blue.
    expect(await page.locator('#plain-link').evaluate((a) => getComputedStyle(a).color)).toBe('rgb(185, 28, 28)');
    expect(await style(page, 'alone', 'color')).toBe('rgb(255, 255, 255)');
    expect(await style(page, 'beside-plain', 'color')).toBe('rgb(29, 78, 216)');
  });

  test("the site's own class (outside any layer) wins without !important", async ({ page }) => {
    expect(await style(page, 'site-class', 'background-color')).toBe('rgb(17, 17, 17)');
    expect(await style(page, 'site-class', 'border-top-left-radius')).toBe('0px');
    expect(await style(page, 'site-class', 'padding-inline-start')).toBe('32px');
  });

  test('class and style reach the <a>; groupClass and groupStyle reach the group wrapper', async ({ page }) => {
    const link = cta(page, 'styled-group');
    await expect(link).toHaveJSProperty('tagName', 'A');
    expect(await style(page, 'styled-group', 'letter-spacing')).not.toBe('normal');
    const group = page.locator('[data-cta-group]').filter({ has: link });
    await expect(group).toHaveClass(/\bbrand-group\b/);
    expect(await group.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('dashed');
    expect(await group.evaluate((element) => getComputedStyle(element).maxInlineSize)).toBe('640px');
  });

  test("an unstyled CTA gets none of the kit's look", async ({ page }) => {
    await expect(cta(page, 'bare')).not.toHaveClass(/\bcta-kit\b/);
    expect(await style(page, 'bare', 'display')).toBe('inline');
    expect(await style(page, 'bare', 'background-color')).toBe('rgba(0, 0, 0, 0)');
  });

  test('under a dark system preference the kit stays light and readable: axe finds no contrast problem', async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await style(page, 'alone', 'background-color')).toBe('rgb(29, 78, 216)');
    // Proof text on the page's own background takes the page's text colour (issue 9: it was 1.1:1 before).
    const rating = page.locator('.cta-proof__rating-text').last();
    expect(await rating.evaluate((element) => getComputedStyle(element).color)).toBe('rgb(31, 41, 55)');
    const results = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
    expect(axeProblems(results)).toEqual([]);
    expect(results.passes.find((rule) => rule.id === 'color-contrast')?.nodes.length).toBeGreaterThan(5);
  });
});

test.describe('with a dark-mode strategy', () => {
  test('darkMode: "media" follows the system preference', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${sites.media!.url}/`);
    expect(await style(page, 'alone', 'background-color')).toBe('rgb(147, 197, 253)');
    await page.emulateMedia({ colorScheme: 'light' });
    // The kit eases background changes over 120 ms.
    await expect.poll(() => style(page, 'alone', 'background-color')).toBe('rgb(29, 78, 216)');
  });

  test('darkMode: "class" follows a dark class on an ancestor, not the system preference', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${sites.class!.url}/`);
    expect(await style(page, 'alone', 'background-color')).toBe('rgb(29, 78, 216)');
    await page.evaluate(() => document.documentElement.classList.add('dark'));
    await expect.poll(() => style(page, 'alone', 'background-color')).toBe('rgb(147, 197, 253)');
  });
});
