import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { fixtureRoot, type Site, serveFixture } from './support/site.ts';

let site: Site;
test.beforeAll(async () => {
  site = await serveFixture('beacon');
});
test.afterAll(() => site.close());

test('the injected beacon is an external module script: no inline script for a CSP to allow', async () => {
  const html = await readFile(join(fixtureRoot('beacon'), 'dist/csp/index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes, body] of scripts) {
    expect(attributes).toMatch(/\bsrc="\/_astro\/[^"]+\.js"/);
    expect(body!.trim()).toBe('');
  }
});

test("a page under a strict Content-Security-Policy (script-src 'self', no 'unsafe-inline') still reports", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    // Inline styles are refused too (default-src 'self'), which does not concern the beacon: only scripts and requests.
    if (/Refused to (load the script|execute|connect)|inline script/i.test(message.text()))
      violations.push(message.text());
  });
  await page.goto(`${site.url}/csp/`);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  await page.getByRole('link', { name: 'Start under a strict CSP' }).click();
  await expect(page.locator('#arrived')).toBeVisible();
  await expect
    .poll(() => site.events().filter((event) => event.t === 'click' && event.p === '/csp/'))
    .toEqual([expect.objectContaining({ id: 'csp-cta', g: 'signup', o: 0 /* plain */ })]);
  expect(violations).toEqual([]);
});
