import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { buildReport, EventStore, formatReport, migrate, type Report, type ValidEvent } from '@astro-cta/collector';
import { expect, type Page, test } from '@playwright/test';
import { type DevServer, startDevServer } from './dev-server.ts';

// The metrics overlay: `astro dev` of tests/fixtures/toolbar-metrics, whose `metrics` option names metrics.json,
// a report exported here from a real collector database (the same JSON `cta-collect report --format json` prints).
const FIXTURE = new URL('../../fixtures/toolbar-metrics/', import.meta.url);
// The docs' screenshot is rewritten only when asked (CTA_UPDATE_SCREENSHOTS=1): a test run leaves the tree clean.
const DOCS_SCREENSHOT = fileURLToPath(new URL('../../../docs/screenshots/toolbar-metrics.png', import.meta.url));
const screenshotPath = () =>
  process.env.CTA_UPDATE_SCREENSHOTS === '1' ? DOCS_SCREENSHOT : test.info().outputPath('toolbar-metrics.png');
let server: DevServer;
let report: Report;

test.describe.configure({ mode: 'serial', timeout: 45_000 });

/** Page views of `/` that saw a CTA, clicked it and converted on /welcome/ a minute later, as the beacon sends them. */
function visits(cta: string, views: number, clicks: number, conversions: number): ValidEvent[] {
  const events: ValidEvent[] = [];
  for (let index = 0; index < views; index++) {
    const vi = `${cta}-v${index}`;
    const pv = `${cta}-pv${index}`;
    events.push({ t: 'impression', id: cta, p: '/', pv, vi, s: 0, g: 'signup' });
    if (index < clicks) events.push({ t: 'click', id: cta, p: '/', pv, vi, s: 1, g: 'signup' });
  }
  return events.concat(
    Array.from({ length: conversions }, (_, index) => ({
      t: 'conversion' as const,
      id: 'signup',
      g: 'signup',
      p: '/welcome/',
      pv: `${cta}-welcome${index}`,
      vi: `${cta}-v${index}`,
      s: 0,
    })),
  );
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  const db = new DatabaseSync(':memory:');
  migrate(db);
  let now = Date.UTC(2026, 10, 20, 9);
  const store = new EventStore(db, { now: () => now });
  const all = [...visits('trial', 1200, 144, 36), ...visits('demo', 1200, 30, 3)];
  await store.write(all.filter((event) => event.t !== 'conversion'));
  now += 60_000;
  await store.write(all.filter((event) => event.t === 'conversion'));
  report = buildReport(db, new Date(Date.UTC(2026, 10, 29)));
  db.close();
  writeFileSync(new URL('metrics.json', FIXTURE), formatReport(report, 'json'));

  server = await startDevServer(FIXTURE);
  const page = await browser.newPage();
  await page.goto(`${server.url}/`);
  await expect(appButton(page)).toBeAttached({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await page.close();
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(new URL('metrics.json', FIXTURE), { force: true });
});

const toolbar = (page: Page) => page.locator('astro-dev-toolbar');
const appButton = (page: Page) => toolbar(page).locator('#dev-bar button[data-app-id="astro-cta"]');
const canvas = (page: Page) => toolbar(page).locator('astro-dev-toolbar-app-canvas[data-app-id="astro-cta"]');
const percent = (value: number | null) => `${((value ?? 0) * 100).toFixed(1)}%`;

test('shows each measured CTA its CTR and conversion rate with their intervals, next to the element', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1200, height: 1000 });
  await page.goto(`${server.url}/`);
  await appButton(page).click();

  const trial = report.rows.find((row) => row.cta === 'trial')!;
  expect(trial).toMatchObject({ impressions: 1200, clicks: 144, convertedClicks: 36 });
  const label = canvas(page).locator('[data-cta-metric="trial"]');
  await expect(label).toBeVisible({ timeout: 20_000 });
  await expect(label).toContainText(`CTR 12.0% ${percent(trial.ctrLow)}–${percent(trial.ctrHigh)}`);
  await expect(label).toContainText(
    `conv. 3.0% ${percent(trial.conversionsPerImpressionLow)}–${percent(trial.conversionsPerImpressionHigh)}`,
  );
  await expect(label).toContainText('1200 views · 144 clicks · 36 conv. (25.0% of clicks)');
  await expect(canvas(page).locator('[data-cta-metric="demo"]')).toContainText('CTR 2.5%');
  // "Compare plans" was never measured: no label, and the status line says how many were.
  await expect(canvas(page).locator('[data-cta-metric="pricing"]')).toHaveCount(0);
  await expect(canvas(page).locator('[data-cta-metric-status="ok"]')).toHaveText(
    'CTA metrics from metrics.json (all time; ranges are 95% intervals): 2 CTAs measured, 2 shown on the page.',
  );

  // Right under its CTA, starting at its left edge; the next CTA's label never covers it.
  const cta = page.getByRole('link', { name: 'Start your free trial' });
  const [ctaBox, labelBox] = [await cta.boundingBox(), await label.boundingBox()];
  expect(labelBox!.y).toBeGreaterThanOrEqual(ctaBox!.y + ctaBox!.height);
  expect(labelBox!.y).toBeLessThan(ctaBox!.y + ctaBox!.height + 12);
  expect(Math.abs(labelBox!.x - ctaBox!.x)).toBeLessThan(2);
  const demoBox = (await canvas(page).locator('[data-cta-metric="demo"]').boundingBox())!;
  const apart =
    demoBox.x >= labelBox!.x + labelBox!.width ||
    demoBox.y >= labelBox!.y + labelBox!.height ||
    labelBox!.x >= demoBox.x + demoBox.width;
  expect(apart).toBe(true);

  // audit.metrics names the same file: the audit says which CTA is measured significantly below the others.
  const info = canvas(page).locator('astro-dev-toolbar-window').getByRole('region', { name: 'Info' });
  await expect(info.locator('li[data-rule="cta-underperforming"]')).toHaveCount(2); // CTR and conversions
  await expect(info.locator('li[data-rule="cta-underperforming"]').first()).toContainText(
    'data-cta="demo" is clicked on 2.5% of page views (95% CI 1.8%–3.5%; 30 of 1200), against 12.0% for the other',
  );

  mkdirSync(dirname(screenshotPath()), { recursive: true });
  await page.screenshot({ path: screenshotPath() });
});

test('a metrics file that is gone is said in the page, and the audit still runs', async ({ page }) => {
  rmSync(new URL('metrics.json', FIXTURE));
  try {
    await page.goto(`${server.url}/`);
    await appButton(page).click();
    await expect(canvas(page).locator('[data-cta-metric-status="error"][role="alert"]')).toContainText(
      /CTA metrics: metrics: cannot read the metrics file .*metrics\.json \(there is no such file\)\. Export one with `cta-collect report --format json > metrics\.json`/,
      { timeout: 20_000 },
    );
    await expect(canvas(page).locator('[data-cta-metric]')).toHaveCount(0);
    await expect(canvas(page).locator('astro-dev-toolbar-window')).toBeVisible();
  } finally {
    writeFileSync(new URL('metrics.json', FIXTURE), formatReport(report, 'json'));
  }
});
