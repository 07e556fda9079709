import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { axeProblems } from '../../support/axe.ts';
import { fixtureRoot, type StaticSite, serveStatic } from './support/static-site.ts';

// The kit in a site whose CSS sits outside any cascade layer (tests/fixtures/kit-styling/src/pages/site-css.astro):
// a reset shaped like Tailwind 3's preflight, a link colour by element, and Markdown content styles shaped like
// @tailwindcss/typography's `prose` and Starlight's. Found by installing the kit in AstroWind (Astro 5, Tailwind 3),
// Starlight's Tailwind example and Astro's portfolio example: secondary CTAs lost their border, CTASection's
// headline shrank to body text, and a primary CTA in a blog post took the prose link colour on its own blue (1.3:1).
const sites: Record<string, StaticSite> = {};
test.beforeAll(async () => {
  for (const mode of ['off', 'class']) sites[mode] = await serveStatic(`${fixtureRoot('kit-styling')}dist/${mode}`);
});
test.afterAll(async () => {
  for (const site of Object.values(sites)) await site.close();
});

const css = (page: Page, selector: string, property: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);
const cta = (id: string) => `[data-cta="${id}"]`;

test.describe('an unlayered CSS reset does not strip the kit', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(`${sites.off!.url}/site-css/`);
  });

  test('CTAs keep their border, padding and background (`* { border-width: 0 }`, `button { padding: 0 }`)', async ({
    page,
  }) => {
    expect(await css(page, cta('secondary'), 'border-top-width')).toBe('2px');
    expect(await css(page, cta('secondary'), 'border-top-color')).toBe('rgb(29, 78, 216)');
    expect(await css(page, cta('primary'), 'padding-inline-start')).toBe('20px');
    expect(await css(page, cta('submit'), 'background-color')).toBe('rgb(29, 78, 216)');
    expect(await css(page, cta('submit'), 'color')).toBe('rgb(255, 255, 255)');
    expect(await css(page, cta('submit'), 'padding-inline-start')).toBe('20px');
    expect(await css(page, cta('submit'), 'font-weight')).toBe('600');
  });

  test("the site's own class on a CTA still wins, unlayered like Tailwind 3's utilities", async ({ page }) => {
    expect(await css(page, cta('site-utility'), 'background-color')).toBe('rgb(0, 0, 0)');
    expect(await css(page, cta('site-utility'), 'color')).toBe('rgb(255, 255, 255)');
  });

  test("CTASection's headline, the testimonial card and the coupon code keep the kit's look", async ({ page }) => {
    const headline = page.locator('.cta-section__headline');
    expect(Number.parseFloat(await headline.evaluate((h) => getComputedStyle(h).fontSize))).toBeGreaterThanOrEqual(24);
    expect(await headline.evaluate((h) => getComputedStyle(h).fontWeight)).toBe('700');
    expect(await css(page, '.cta-section .cta-proof__testimonial', 'border-top-width')).toBe('1px');
    expect(await css(page, '.cta-section .cta-proof__testimonial', 'padding-inline-start')).toBe('20px');
    expect(await css(page, '.cta-incentive__code', 'border-top-style')).toBe('dashed');
  });

  test("a site's link colour by element does not reach the links on the kit's surfaces", async ({ page }) => {
    // `main a { color: #7611a6 }`: the terms link on the badge keeps the badge's text colour, the provenance link
    // the card's muted colour.
    const badge = await css(page, '.cta-section .cta-incentive', 'color');
    expect(await css(page, '.cta-section .cta-incentive__terms a', 'color')).toBe(badge);
    expect(await css(page, '.cta-section .cta-proof__provenance a', 'color')).not.toBe('rgb(118, 17, 166)');
  });
});

test.describe('Markdown content styles stay off the kit', () => {
  test('in `prose`, the CTA keeps its colours and the testimonial is no prose quote', async ({ page }) => {
    await page.goto(`${sites.off!.url}/site-css/`);
    // The content's own link takes the prose style: the fixture's rule works.
    expect(await css(page, '#prose-link', 'color')).toBe('rgb(17, 24, 39)');
    expect(await css(page, cta('prose-trial'), 'color')).toBe('rgb(255, 255, 255)');
    expect(await css(page, cta('prose-trial'), 'background-color')).toBe('rgb(29, 78, 216)');
    expect(await css(page, cta('prose-trial'), 'font-weight')).toBe('600');
    expect(await css(page, '#prose .cta-proof__quote', 'font-style')).toBe('normal');
    expect(await css(page, '#prose .cta-proof__quote', 'border-inline-start-width')).toBe('0px');
  });

  test("in Starlight's Markdown content, the testimonial's quote gets no content style", async ({ page }) => {
    await page.goto(`${sites.off!.url}/site-css/`);
    // Padding, not the border: the fixture's unlayered reset (`* { border-width: 0 }`) beats the layered border.
    expect(await css(page, '#starlight .cta-proof__quote', 'padding-inline-start')).toBe('0px');
    expect(await css(page, cta('starlight-trial'), 'color')).toBe('rgb(255, 255, 255)');
  });

  test('axe finds no problem in the kit, light and under the dark class (prose-invert links are white)', async ({
    page,
  }) => {
    await page.goto(`${sites.off!.url}/site-css/`);
    const light = await new AxeBuilder({ page }).include('.cta-kit').analyze();
    expect(axeProblems(light)).toEqual([]);

    // Reduced motion: the CTAs' colour transition would otherwise still be running when the styles are read.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${sites.class!.url}/site-css/`);
    await page.evaluate(() => document.documentElement.classList.add('dark'));
    expect(await css(page, cta('prose-trial'), 'background-color')).toBe('rgb(147, 197, 253)');
    expect(await css(page, cta('prose-trial'), 'color')).toBe('rgb(11, 18, 32)');
    const dark = await new AxeBuilder({ page }).include('.cta-kit').analyze();
    expect(axeProblems(dark)).toEqual([]);
  });
});
