import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer, type RunningServer } from '@astro-cta/collector';
import { CLI } from './collector-process.ts';

// What `npm run demo` does, on a test port: the built docs site and the collector on one origin. A real click in
// Chromium goes through the real beacon into SQLite, and `cta-collect report` shows it.

let server: RunningServer;
let db: string;

test.beforeAll(async () => {
  db = join(mkdtempSync(join(tmpdir(), 'cta-demo-')), 'demo.sqlite');
  server = await startServer({ db, staticDir: 'docs-site/dist', port: 4355, log: () => {} });
});

test.afterAll(async () => {
  await server?.close();
});

test('a click on the demo site reaches the collector and shows in the report', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(`${server.url}/demos/saas/`);
  const stored = page.waitForResponse((response) => response.url() === `${server.url}/api/cta` && response.status() === 200);
  await page.getByRole('link', { name: 'Compare plans and pricing' }).click();
  await stored;
  await expect(page).toHaveURL(/\/demos\/weak\/$/);

  const report = spawnSync(process.execPath, [CLI, 'report', '--db', db, '--format', 'json'], { encoding: 'utf8' });
  expect(report.status).toBe(0);
  const rows = JSON.parse(report.stdout).rows as Array<{ cta: string; page: string | null; clicks: number; impressions: number }>;
  expect(rows).toContainEqual(expect.objectContaining({ cta: 'see-pricing', page: '/demos/saas/', clicks: 1, impressions: 1 }));

  const notFound = await page.goto(`${server.url}/no-such-page/`);
  expect(notFound?.status()).toBe(404);
});
