import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { type Served, serveStatic } from '../compat/serve.ts';

// Every story of the static Storybook, opened in its iframe as the Storybook UI does: it must render (no error
// display), log no console error, throw nothing, and every request it makes must succeed (no 404s).
const staticDir = fileURLToPath(new URL('../../../storybook-static/', import.meta.url));
const index = () =>
  JSON.parse(readFileSync(`${staticDir}index.json`, 'utf8')) as {
    entries: Record<string, { id: string; type: string }>;
  };

let served: Served;
test.beforeAll(async () => {
  served = await serveStatic(staticDir);
});
test.afterAll(async () => served?.close());

test('every story opens without console errors, page errors or failed requests', async ({ page }) => {
  test.setTimeout(5 * 60_000);
  const stories = Object.values(index().entries).filter((entry) => entry.type === 'story');
  expect(stories.length).toBeGreaterThan(10);
  const problems: string[] = [];
  let current = '';
  page.on('console', (message) => {
    const where = message.location().url;
    // Chromium's own request for /favicon.ico (no page asked for it) is the browser's, not the Storybook's.
    if (message.type() === 'error' && !where.endsWith('/favicon.ico'))
      problems.push(`${current}: console error: ${message.text()} (${where})`);
  });
  page.on('pageerror', (error) => problems.push(`${current}: page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${current}: ${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => problems.push(`${current}: request failed: ${request.url()}`));
  for (const story of stories) {
    current = story.id;
    await page.goto(`${served.url}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`);
    // Rendered: Storybook shows the story (which may be empty on purpose, e.g. an offer that ended before the build
    // with onExpire="hide" renders nothing) or its error display, and its requests (the prerendered story HTML) are
    // answered before the next story is opened.
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(
      () =>
        (document.body.classList.contains('sb-show-main') &&
          !document.body.classList.contains('sb-show-preparing-story')) ||
        document.body.classList.contains('sb-show-errordisplay'),
    );
    expect(
      await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay')),
      `${story.id} shows Storybook's error display`,
    ).toBe(false);
  }
  console.log(`storybook: ${stories.length} stories opened`);
  expect(problems).toEqual([]);
});
