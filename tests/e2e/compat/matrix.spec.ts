import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { axeProblems } from '../../support/axe.ts';
import { readResults, type SiteResult } from './build-sites.ts';
import { type Served, serveNodeAdapter, serveStatic } from './serve.ts';
import { SITES, type SiteSpec } from './sites.ts';

// Each matrix site as its visitors and its owner see it: the build log (audit, degradation notes), the beacon that
// ships and reports a click, axe in light and dark system preference, and a screenshot compared with its baseline.
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** What each site's build log must say on its Astro version. */
const EXPECTED_LOG: Record<string, RegExp[]> = {
  // Astro 5: no prerenderer hook, so the audit runs after the build, and the log says so once.
  // No MDX note on a site without MDX; the prerenderer note once.
  'astro5-tailwind': [
    /^(?![\s\S]*MDX auto-import)/,
    /has no prerenderer hook \(it came with Astro 6\)/,
    /CTA audit: .* after the build \(audited during rendering: 0 of 2 pages\)/,
  ],
  // Astro 6 has the prerenderer hook (audit while rendering) but no Sätteri: MDX auto-import is a remark plugin.
  'astro6-mdx': [
    /MDX auto-import of the astro-cta components runs as a remark plugin/,
    /CTA audit: .* after the build \(audited during rendering: [1-9]\d* of 2 pages\)/,
  ],
  // Astro 7 with an adapter: the audit runs after the build and reports the generic label, where it is written, and
  // does not call the link to the page rendered on demand (/offer/) dead.
  'astro7-node': [
    /CTA text "Click here" is generic[^\n]*cta-generic-text/,
    /written in src\/pages\/index\.astro:\d+:\d+ \(found by its /,
    /^(?![\s\S]*links to \/offer\/)/,
    /CTA audit: .* after the build/,
  ],
};

async function serve(site: SiteSpec, result: SiteResult): Promise<Served> {
  return site.server ? serveNodeAdapter(result.dir) : serveStatic(path.join(result.dir, 'dist'));
}

for (const site of SITES) {
  test.describe(site.name, () => {
    let result: SiteResult;
    let served: Served;
    test.beforeAll(async () => {
      const found = (await readResults()).find((entry) => entry.name === site.name);
      if (!found) throw new Error(`No build result for ${site.name}: run the compat-sites project first.`);
      result = found;
      served = await serve(site, result);
    });
    test.afterAll(async () => served?.close());

    test(`builds on Astro ${site.astroMajor}, prints the audit and says how it degrades`, () => {
      expect(result.astroVersion.split('.')[0]).toBe(String(site.astroMajor));
      for (const pattern of EXPECTED_LOG[site.name] ?? []) expect(result.log).toMatch(pattern);
      // One clear line per degradation, not one per page.
      expect(result.log.match(/has no prerenderer hook/g)?.length ?? 0).toBeLessThanOrEqual(1);
      expect(result.log).not.toMatch(/setPrerenderer is not a function|Cannot find package/);
      console.log(
        `compat ${site.name}: Astro ${result.astroVersion}, install ${result.installSeconds} s, build ${result.buildSeconds} s, ` +
          `beacon ${result.beacon?.bytes ?? 0} B (${result.beacon?.gzip ?? 0} B gzip)\n  audit: ${result.audit.join('\n  audit: ')}`,
      );
    });

    test('ships the beacon, which reports a click on a CTA', async ({ page }) => {
      expect(result.beacon, 'the beacon is an external module script carrying the endpoint').toBeDefined();
      expect(result.beacon!.gzip).toBeLessThan(2048);
      await page.goto(`${served.url}${site.pages[0]}`);
      const cta = page.locator('[data-cta]').first();
      const id = await cta.getAttribute('data-cta');
      // Impressions may travel first; wait for the request that carries the click.
      const isClick = (body: string | null) => (body ?? '').includes('"t":"click"');
      const reported = page.waitForRequest(
        (request) => request.url().endsWith('/api/cta') && request.method() === 'POST' && isClick(request.postData()),
      );
      await cta.click();
      expect((await reported).postData()).toContain(`"id":"${id}"`);
      // The static sites' server is the receiver too: the click reached it over HTTP.
      if (!site.server)
        await expect
          .poll(() => served.beacons.some((body) => isClick(body) && body.includes(`"id":"${id}"`)))
          .toBe(true);
    });

    for (const colorScheme of ['light', 'dark'] as const) {
      test.describe(`${colorScheme} system preference`, () => {
        test.use({ colorScheme });
        test(`passes axe${site.hasDarkMode ? '' : colorScheme === 'dark' ? ' (a light-only site stays light and readable)' : ''}`, async ({
          page,
        }) => {
          for (const pathname of site.pages) {
            const response = await page.goto(`${served.url}${pathname}`);
            expect(response?.status(), pathname).toBe(200);
            const results = await new AxeBuilder({ page }).withTags(wcag).analyze();
            const violations = axeProblems(results);
            console.log(
              `compat ${site.name} ${colorScheme} ${pathname}: axe ${violations.length} violations, ${results.passes.length} rules passed`,
            );
            expect(violations, `${site.name} ${pathname} in ${colorScheme}`).toEqual([]);
          }
          if (!site.hasDarkMode) {
            // A site without dark mode: the kit must not turn dark on its own (its text would sit on the site's
            // light background). Every kit element keeps a light colour scheme.
            const schemes = await page
              .locator('.cta-kit')
              .evaluateAll((elements) => elements.map((element) => getComputedStyle(element).colorScheme));
            expect(schemes.length).toBeGreaterThan(0);
            for (const scheme of schemes) expect(scheme).not.toMatch(/dark/);
          }
        });

        test(`looks as its baseline${site.hasDarkMode ? '' : ' (the light one)'}`, async ({ page }) => {
          await page.goto(`${served.url}${site.pages[0]}`);
          await page.evaluate(() => document.fonts.ready);
          // A light-only site must look the same under a dark system preference: one baseline for both.
          const baseline = site.hasDarkMode ? `${site.name}-${colorScheme}.png` : `${site.name}-light.png`;
          await expect(page).toHaveScreenshot(baseline, { fullPage: true, animations: 'disabled' });
        });
      });
    }
  });
}

test("the brand theme and Tailwind utilities colour the Tailwind site's CTA black", async ({ page }) => {
  const result = (await readResults()).find((entry) => entry.name === 'astro5-tailwind')!;
  const served = await serveStatic(path.join(result.dir, 'dist'));
  try {
    await page.goto(`${served.url}/`);
    const background = await page
      .locator('[data-cta="start-trial"]')
      .evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).toBe('rgb(0, 0, 0)');
  } finally {
    await served.close();
  }
});

test("the kit's text keeps its spaces on Astro 5 (its compiler treats whitespace around expressions differently)", async ({
  page,
}) => {
  const result = (await readResults()).find((entry) => entry.name === 'astro5-tailwind')!;
  const served = await serveStatic(path.join(result.dir, 'dist'));
  try {
    await page.goto(`${served.url}/proof/`);
    // Before the fix: "EndsDec 31, 2099…" and "via g2.com , Oct 14, 2026".
    await expect(page.locator('.cta-countdown__end')).toHaveText(/^Ends \S/);
    await expect(page.locator('.cta-proof__provenance')).toHaveText(/^via g2\.com, \S/);
  } finally {
    await served.close();
  }
});
