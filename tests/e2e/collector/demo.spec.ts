import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type RunningServer, startServer } from '@astro-cta/collector';
import { expect, test } from '@playwright/test';
import { CLI } from './collector-process.ts';

// What `npm run demo` does, on a test port: the built docs site and the collector on one origin. A real click in
// Chromium goes through the real beacon into SQLite, and `cta-collect report` shows it.

function clicksStored(path: string): number {
  const database = new DatabaseSync(path, { readOnly: true });
  const { n } = database
    .prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'click' AND cta = 'see-pricing'")
    .get() as { n: number };
  database.close();
  return n;
}

let server: RunningServer;
let db: string;

test.beforeAll(async () => {
  db = join(mkdtempSync(join(tmpdir(), 'cta-demo-')), 'demo.sqlite');
  // Chromium on 127.0.0.1: a local, automated visit, stored as the demo (npm run demo) stores local ones.
  server = await startServer({
    db,
    staticDir: 'docs-site/dist',
    port: 0,
    log: () => {},
    acceptLocal: true,
    acceptAutomation: true,
  });
});

test.afterAll(async () => {
  await server?.close();
});

test('a click on the demo site reaches the collector and shows in the report', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(`${server.url}/demos/saas/`);
  await page.getByRole('link', { name: 'Compare plans and pricing' }).click();
  await expect(page).toHaveURL(/\/demos\/weak\/$/);
  // The keepalive request outlives the page that sent it, so watch the database rather than the old page.
  await expect.poll(() => clicksStored(db), { timeout: 15_000 }).toBe(1);

  const report = spawnSync(process.execPath, [CLI, 'report', '--db', db, '--format', 'json'], { encoding: 'utf8' });
  expect(report.status).toBe(0);
  const rows = JSON.parse(report.stdout).rows as Array<{
    cta: string;
    page: string | null;
    clicks: number;
    impressions: number;
  }>;
  expect(rows).toContainEqual(
    expect.objectContaining({ cta: 'see-pricing', page: '/demos/saas/', clicks: 1, impressions: 1 }),
  );

  const notFound = await page.goto(`${server.url}/no-such-page/`);
  expect(notFound?.status()).toBe(404);
});
