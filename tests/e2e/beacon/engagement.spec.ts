import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, type Page, test } from '@playwright/test';
import { CLI, type CollectorProcess, startCollector } from '../collector/collector-process.ts';
import { setTabHidden } from './support/page.ts';
import { type Fixture, fixtureRoot } from './support/site.ts';

// Bounce and engagement end to end: the built fixture served by the real `cta-collect serve`, real Chromium with a
// fake clock (page.clock), and the real `cta-collect report`. A bounce is a visit that viewed one page, clicked no
// CTA, converted nothing and was never engaged (a page view visible for 10 s in total).

interface LandingPage {
  page: string;
  visits: number;
  bounces: number;
}

let collector: CollectorProcess;
let db: string;

async function serve(fixture: Fixture) {
  db = join(mkdtempSync(join(tmpdir(), 'cta-engagement-')), 'events.sqlite');
  // Chromium on 127.0.0.1 is a local, automated visit: the collector stores it because the flags say so.
  collector = await startCollector([
    '--db',
    db,
    '--port',
    '0',
    '--static',
    join(fixtureRoot(fixture), 'dist'),
    '--accept-local',
    '--accept-automation',
  ]);
}

test.afterEach(async () => {
  collector.child.kill('SIGTERM');
  await collector.exited;
});

/** The landing pages of `cta-collect report --format json`. */
function landingPages(): LandingPage[] {
  const report = spawnSync(process.execPath, [CLI, 'report', '--db', db, '--format', 'json'], { encoding: 'utf8' });
  if (report.status !== 0) throw new Error(`cta-collect report failed: ${report.stderr}`);
  return (JSON.parse(report.stdout) as { pages: LandingPage[] }).pages.map(({ page, visits, bounces }) => ({
    page,
    visits,
    bounces,
  }));
}

/** Every stored event's type, page and visit, read from the collector's database. */
function stored(): { type: string; page: string; visit: string | null }[] {
  const database = new DatabaseSync(db, { readOnly: true });
  try {
    return database.prepare('SELECT type, page, visit FROM events ORDER BY received_at, seq').all() as never;
  } finally {
    database.close();
  }
}

/** Opens a page with the clock installed and paused: time moves only with runFor(). */
async function open(page: Page, path: string) {
  await page.clock.install({ time: new Date('2026-11-30T06:00:00Z') });
  await page.clock.pauseAt(new Date('2026-11-30T06:01:00Z'));
  await page.goto(`${collector.url}${path}`);
}

/** Leaves the page as a visitor closing the tab does: pagehide, and the waiting events go with sendBeacon. */
async function leave(page: Page) {
  await page.goto('about:blank');
}

test('one page, a CTA seen, gone after 9.9 s: a bounce', async ({ page }) => {
  await serve('beacon');
  await open(page, '/engagement/');
  await page.clock.runFor(9_900);
  await leave(page);
  await expect.poll(landingPages).toEqual([{ page: '/engagement/', visits: 1, bounces: 1 }]);
  expect(stored().map(({ type }) => type)).toEqual(['impression']);
});

test('one page visible for 10 s: engaged, no bounce', async ({ page }) => {
  await serve('beacon');
  await open(page, '/engagement/');
  await page.clock.runFor(10_000);
  // The engagement event leaves at once, taking the waiting impression along.
  await expect.poll(() => stored().map(({ type }) => type)).toEqual(['impression', 'engaged']);
  await leave(page);
  expect(landingPages()).toEqual([{ page: '/engagement/', visits: 1, bounces: 0 }]);
  const [impression, engaged] = stored();
  expect(engaged).toEqual({ type: 'engaged', page: '/engagement/', visit: impression!.visit });
});

test('time in a hidden tab does not count: 6 s visible, a minute hidden, 3 s visible is a bounce', async ({ page }) => {
  await serve('beacon');
  await open(page, '/engagement/');
  await page.clock.runFor(6_000);
  await setTabHidden(page, true);
  await page.clock.runFor(60_000);
  await setTabHidden(page, false);
  await page.clock.runFor(3_000);
  await leave(page);
  await expect.poll(landingPages).toEqual([{ page: '/engagement/', visits: 1, bounces: 1 }]);
  expect(stored().map(({ type }) => type)).toEqual(['impression']);
});

test('one page, a CTA clicked within a second: no bounce', async ({ page }) => {
  await serve('beacon');
  await open(page, '/engagement/');
  await page.locator('[data-cta="stay-cta"]').click();
  await expect.poll(() => stored().map(({ type }) => type)).toEqual(['impression', 'click']);
  await leave(page);
  expect(landingPages()).toEqual([{ page: '/engagement/', visits: 1, bounces: 0 }]);
});

test('a second page view within a few seconds: no bounce', async ({ page }) => {
  await serve('beacon');
  await open(page, '/engagement/');
  await page.clock.runFor(2_000);
  await page.locator('#next').click();
  await expect(page).toHaveURL(/\/pricing\/$/);
  await page.clock.runFor(2_000); // the pricing CTA's impression: the second page view reaches the collector
  await leave(page);
  await expect
    .poll(() => stored().map(({ type, page: path }) => `${type} ${path}`))
    .toEqual(['impression /engagement/', 'impression /pricing/']);
  const [first, second] = stored();
  expect(second!.visit).toBe(first!.visit);
  expect(landingPages()).toEqual([{ page: '/engagement/', visits: 1, bounces: 0 }]);
});

test('consent denied: the visit stores nothing, engagement included, while a granted one is stored', async ({
  browser,
}) => {
  await serve('beacon-consent');
  const denied = await browser.newPage();
  await open(denied, '/');
  await denied.locator('#deny').click();
  await denied.locator('[data-cta="consent-cta"]').click();
  await denied.clock.runFor(15_000);
  expect(await denied.evaluate(() => sessionStorage.length)).toBe(0);
  await leave(denied);
  // The same steps with consent granted reach the database: the pipeline works, and only that visit is in it.
  const granted = await browser.newPage();
  await open(granted, '/');
  await granted.locator('#grant').click();
  await granted.locator('[data-cta="consent-cta"]').click();
  await granted.clock.runFor(15_000);
  await expect.poll(() => stored().map(({ type }) => type)).toEqual(['impression', 'click', 'engaged']);
  const visit = await granted.evaluate(() => sessionStorage.getItem('ctaTab'));
  await leave(granted);
  expect(new Set(stored().map((event) => event.visit))).toEqual(new Set([visit]));
  expect(landingPages()).toEqual([{ page: '/', visits: 1, bounces: 0 }]);
  await denied.close();
  await granted.close();
});
