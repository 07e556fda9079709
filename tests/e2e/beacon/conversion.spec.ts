import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WireEvent } from '@astro-cta/contract';
import { expect, test } from '@playwright/test';
import { CLI, startCollector } from '../collector/collector-process.ts';
import { fixtureRoot, type Site, serveFixture } from './support/site.ts';

// Click a CTA, land on the page with <Conversion>: both events carry the same visit id, the conversion module is an
// external script (the welcome page has a strict CSP), and the real collector credits the conversion to the CTA.

let site: Site;
test.beforeAll(async () => {
  site = await serveFixture('beacon');
});
test.afterAll(() => site.close());
// The receiver's type predates conversions; the wire carries any event of the contract.
const events = () => site.events() as WireEvent[];

test('a click and the conversion on the next page carry the same visit id', async ({ page }) => {
  const csp: string[] = [];
  page.on('console', (message) => /Content Security Policy/i.test(message.text()) && csp.push(message.text()));
  await page.goto(`${site.url}/pricing/`);
  await page.locator('[data-cta="pricing-signup"]').click();
  await expect(page).toHaveURL(/\/welcome\/$/);
  await expect.poll(() => events().find((event) => event.t === 'conversion')).toBeTruthy();
  const click = events().find((event) => event.t === 'click' && event.id === 'pricing-signup')!;
  const conversion = events().find((event) => event.t === 'conversion')!;
  expect(click.vi).toMatch(/^\w{1,64}$/);
  expect(conversion).toMatchObject({ id: 'signup', g: 'signup', val: 49, cur: 'EUR', p: '/welcome/', vi: click.vi });
  expect(conversion.pv).not.toBe(click.pv);
  expect(await page.evaluate(() => sessionStorage.getItem('ctaTab'))).toBe(click.vi);
  // Reported once, and not blocked by script-src 'self': no inline script on the page.
  expect(events().filter((event) => event.t === 'conversion')).toHaveLength(1);
  expect(csp).toEqual([]);
  const html = await readFile(join(fixtureRoot('beacon'), 'dist/welcome/index.html'), 'utf8');
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>[^<]/);
});

test('the real cta-collect serve and report credit the conversion to the CTA clicked before it', async ({ page }) => {
  const db = join(mkdtempSync(join(tmpdir(), 'cta-beacon-conversion-')), 'events.sqlite');
  const site = join(fixtureRoot('beacon'), 'dist');
  // Chromium on 127.0.0.1 is a local, automated visit: stored because the flags say so.
  const collector = await startCollector([
    '--db',
    db,
    '--port',
    '0',
    '--static',
    site,
    '--accept-local',
    '--accept-automation',
  ]);
  try {
    await page.goto(`${collector.url}/pricing/`);
    await page.locator('[data-cta="pricing-signup"]').click();
    await expect(page).toHaveURL(/\/welcome\/$/);
    await expect
      .poll(() => {
        const report = spawnSync(process.execPath, [CLI, 'report', '--db', db, '--format', 'json'], {
          encoding: 'utf8',
        });
        return (JSON.parse(report.stdout || '{}') as { totals?: { conversions?: number } }).totals?.conversions;
      })
      .toBe(1);
    const report = spawnSync(process.execPath, [CLI, 'report', '--db', db, '--format', 'json'], { encoding: 'utf8' });
    expect(report.status).toBe(0);
    const { rows, totals } = JSON.parse(report.stdout);
    expect(rows.find((row: { cta: string }) => row.cta === 'pricing-signup')).toMatchObject({
      clicks: 1,
      conversions: 1,
      value: { EUR: 49 },
    });
    expect(totals).toMatchObject({ conversions: 1, attributedConversions: 1, unattributedConversions: 0, visits: 1 });
  } finally {
    collector.child.kill('SIGTERM');
    await collector.exited;
  }
});
