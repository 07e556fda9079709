import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { fixtureRoot, type StaticSite, serveStatic } from './support/static-site.ts';

// Issue 9 item 4: the countdown enhancer is an external module script, so it runs under a strict CSP.
const dist = `${fixtureRoot('kit-styling')}dist/off`;
const DEADLINE = Date.parse('2099-12-31T23:59:00+01:00');
let site: StaticSite;
test.beforeAll(async () => {
  site = await serveStatic(dist, {
    'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'",
  });
});
test.afterAll(() => site.close());

test('the page has no inline script: the enhancer is an external module', async () => {
  const html = await readFile(`${dist}/index.html`, 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts).toHaveLength(1);
  expect(scripts[0]![1]).toMatch(/type="module" src="\/_astro\/[^"]+\.js"/);
  expect(scripts[0]![2]!.trim()).toBe('');
});

test("the countdown runs under script-src 'self' (fake clock)", async ({ page }) => {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  await page.clock.install({ time: DEADLINE - 5_000 });
  const response = await page.goto(`${site.url}/`);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await page.clock.pauseAt(DEADLINE - 3_000);
  const timer = page.getByRole('timer');
  await expect(timer.locator('[data-cta-remaining]')).toHaveText('00h 00m 03s');
  await page.clock.runFor(3_000);
  await expect(timer.locator('[data-cta-ended]')).toBeVisible();
  await expect(timer.locator('[data-cta-running]')).toBeHidden();
  expect(refused).toEqual([]);
  // Every script and stylesheet the page asked for was there (a browser also asks for /favicon.ico).
  expect(site.missing.filter((path) => path.startsWith('/_astro/'))).toEqual([]);
});

test('an offer that ended before the build with onExpire="hide" ships no countdown and no script', async () => {
  const html = await readFile(`${dist}/ended/index.html`, 'utf8');
  expect(html).toContain('data-cta="shop"');
  expect(html).not.toContain('data-cta-countdown');
  expect(html).not.toMatch(/<script\b/);
});
