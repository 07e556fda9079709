import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EventStore, migrate, openWritableDatabase, type ValidEvent } from '@astro-cta/collector';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { axeProblems } from '../../support/axe.ts';
import { CLI } from './collector-process.ts';

// The HTML report of the real CLI over a real SQLite database with an experiment in it, looked at in Chromium:
// the experiment's verdict, chart and table are there, nothing fails axe, and the page is saved as the screenshot
// the collector's docs show.
// The docs' screenshot is rewritten only when asked (CTA_UPDATE_SCREENSHOTS=1): a test run leaves the tree clean.
const DOCS_SCREENSHOT = fileURLToPath(new URL('../../../docs/screenshots/report-experiment.png', import.meta.url));
const screenshotPath = () =>
  process.env.CTA_UPDATE_SCREENSHOTS === '1' ? DOCS_SCREENSHOT : test.info().outputPath('report-experiment.png');
const DAY = 86_400_000;
const START = Date.UTC(2026, 10, 16, 9);

/** A week of visits: each sees the hero CTA of its arm and the footer CTA; some click; some convert. */
async function seed(file: string): Promise<void> {
  const db = openWritableDatabase(file, { synchronous: 'normal' });
  migrate(db);
  let now = START;
  const store = new EventStore(db, { now: () => now });
  // Per arm and day: visits, hero clicks, conversions. B is the better copy: 9% vs 6% of visits convert.
  const plan = { A: { visits: 300, clicks: 36, conversions: 18 }, B: { visits: 300, clicks: 51, conversions: 27 } };
  let serial = 0;
  for (let day = 0; day < 7; day++) {
    const clicks: ValidEvent[] = [];
    const conversions: ValidEvent[] = [];
    for (const [arm, { visits, clicks: clicked, conversions: converted }] of Object.entries(plan)) {
      for (let index = 0; index < visits; index++) {
        const vi = `v${serial++}`;
        const pv = `${vi}-home`;
        const tags = { vi, g: 'signup' };
        const hero = { id: 'hero', p: '/', pv, x: 'hero-copy', a: arm, ...tags };
        clicks.push({ t: 'impression', s: 0, ...hero }, { t: 'impression', s: 1, id: 'footer', p: '/', pv, ...tags });
        if (index < clicked) clicks.push({ t: 'click', s: 2, ...hero });
        else if (index % 25 === 0) clicks.push({ t: 'click', s: 2, id: 'footer', p: '/', pv, ...tags });
        if (index < converted) {
          conversions.push({
            t: 'conversion',
            id: 'signup',
            g: 'signup',
            p: '/welcome/',
            pv: `${vi}-welcome`,
            s: 0,
            vi,
          });
        }
      }
    }
    now = START + day * DAY;
    await store.write(clicks);
    now += 5 * 60_000;
    await store.write(conversions);
  }
  await store.close();
  db.close();
}

test('the HTML report shows the experiment, its verdict and charts, accessibly', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'cta-report-html-'));
  const db = join(dir, 'events.sqlite');
  await seed(db);
  const out = join(dir, 'report.html');
  const run = spawnSync(
    process.execPath,
    [CLI, 'report', '--db', db, '--format', 'html', '--out', out, '--since', '2026-11-16', '--until', '2026-11-22'],
    { encoding: 'utf8' },
  );
  expect(run.status, run.stderr).toBe(0);

  await page.setViewportSize({ width: 1500, height: 900 });
  await page.goto(pathToFileURL(out).href);
  await expect(page.getByRole('heading', { name: 'Experiment hero-copy' })).toBeVisible();
  await expect(page.locator('p.verdict.better')).toHaveText(
    /^arm B converts better than A: 9\.0% vs 6\.0% of visits \(\+50%\), 95% confident \(p < 0\.001\)$/,
  );
  await expect(page.getByRole('img', { name: /conversions per visit per arm of hero-copy/ })).toBeVisible();
  const arms = page.locator('h3:has-text("Experiment hero-copy") ~ div.wide table').first().locator('tbody tr');
  await expect(arms).toHaveCount(2);
  await expect(arms.nth(0)).toContainText('A (control)');
  await expect(arms.nth(1).locator('td').nth(1)).toHaveText('2100');

  expect(axeProblems(await new AxeBuilder({ page }).analyze())).toEqual([]);

  mkdirSync(join(screenshotPath(), '..'), { recursive: true });
  await page.getByRole('heading', { name: 'Experiments and offers' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath(), fullPage: true });
});
