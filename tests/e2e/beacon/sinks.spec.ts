import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CtaEvent } from '@astro-cta/contract';
import { expect, test } from '@playwright/test';
import { fixtureRoot, type Site, serveFixture } from './support/site.ts';

// The fixture reports to the collector, Plausible, Umami, GA4, PostHog and a custom function at once. The
// platforms' globals are stubbed with recorders; each call reaches the test through an exposed function.
let site: Site;
test.beforeAll(async () => {
  site = await serveFixture('beacon-sinks');
});
test.afterAll(() => site.close());

type Call = [platform: string, ...args: unknown[]];

test('every sink gets each event, mapped to its platform’s custom-event API', async ({ page }) => {
  const calls: Call[] = [];
  await page.exposeFunction('recordSinkCall', (call: Call) => void calls.push(call));
  await page.addInitScript(() => {
    const record = (window as unknown as { recordSinkCall: (call: unknown[]) => void }).recordSinkCall;
    Object.assign(window, {
      plausible: (...args: unknown[]) => record(['plausible', ...args]),
      umami: { track: (...args: unknown[]) => record(['umami', ...args]) },
      gtag: (...args: unknown[]) => record(['ga4', ...args]),
      posthog: { capture: (...args: unknown[]) => record(['posthog', ...args]) },
      recordCustomSink: (event: unknown) => record(['custom', event]),
    });
  });
  await page.goto(`${site.url}/`);
  await page.locator('#send-custom').click();
  await page.getByRole('link', { name: 'Start the trial' }).click();
  await expect(page.locator('#arrived')).toBeVisible();

  const impression = { cta_id: 'sink-cta', cta_variant: 'primary', cta_goal: 'signup', page_path: '/' };
  const click = { ...impression, link_url: `${site.url}/target/`, open_mode: 'plain' };
  const custom = { page_path: '/', seconds: 42 };
  await expect
    .poll(() => calls.filter(([platform]) => platform === 'plausible'))
    .toEqual(
      expect.arrayContaining([
        ['plausible', 'cta_impression', { props: impression, interactive: false }],
        ['plausible', 'cta_click', { props: click }],
        ['plausible', 'video-play', { props: { page_path: '/', seconds: '42' } }], // Plausible's props are strings
      ]),
    );
  for (const [platform, call] of [
    ['umami', (name: string, props: object) => ['umami', name, props]],
    ['ga4', (name: string, props: object) => ['ga4', 'event', name, props]],
    ['posthog', (name: string, props: object) => ['posthog', name, props]],
  ] as const) {
    expect(calls.filter(([name]) => name === platform)).toEqual(
      expect.arrayContaining([
        call('cta_impression', impression),
        call('cta_click', click),
        call('video-play', custom),
      ]),
    );
  }
  // The conversion on the target page: each platform's own conversion event, with the value as its revenue.
  const goal = { cta_goal: 'signup', page_path: '/target/', value: 49, currency: 'EUR' };
  await expect
    .poll(() => calls.filter((call) => call.includes('signup') || call.includes('sign_up')))
    .toEqual(
      expect.arrayContaining([
        ['plausible', 'signup', { props: { ...goal, value: '49' }, revenue: { amount: 49, currency: 'EUR' } }],
        ['umami', 'signup', { ...goal, revenue: 49 }],
        ['ga4', 'event', 'sign_up', goal],
        ['posthog', 'signup', goal],
      ]),
    );
  // The custom function receives the wire-format event itself, like the collector.
  const customEvents = calls.filter(([name]) => name === 'custom').map(([, event]) => event as CtaEvent);
  expect(customEvents.map(({ t, id }) => `${t}:${id}`)).toEqual(
    expect.arrayContaining(['custom:video-play', 'impression:sink-cta', 'click:sink-cta']),
  );
  await expect
    .poll(() => site.events().map(({ t, id }) => `${t}:${id}`))
    .toEqual(expect.arrayContaining(customEvents.map(({ t, id }) => `${t}:${id}`)));
});

test('a missing platform script (blocked, not loaded) costs nothing: the other sinks still get the events', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const before = site.events().length;
  await page.goto(`${site.url}/`);
  await page.locator('#send-custom').click();
  await expect
    .poll(() =>
      site
        .events()
        .slice(before)
        .map(({ t, id }) => `${t}:${id}`),
    )
    .toContain('custom:video-play');
  expect(errors).toEqual([]);
});

async function bundledCode(fixture: 'beacon-sinks' | 'beacon-defaults') {
  const assets = join(fixtureRoot(fixture), 'dist/_astro');
  const files = (await readdir(assets)).filter((file) => file.endsWith('.js'));
  return (await Promise.all(files.map((file) => readFile(join(assets, file), 'utf8')))).join('\n');
}

/** The JavaScript a page loads: its module scripts and, transitively, the chunks they import. */
async function shippedCode(fixture: 'beacon-sinks' | 'beacon-defaults', page: string) {
  const dist = join(fixtureRoot(fixture), 'dist');
  const html = await readFile(join(dist, page), 'utf8');
  const queue = [...html.matchAll(/<script[^>]*\bsrc="\/(_astro\/[^"]+\.js)"/g)].map((match) => match[1]!);
  const seen = new Set<string>();
  let code = '';
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await readFile(join(dist, file), 'utf8');
    code += `${text}\n`;
    for (const [, imported] of text.matchAll(/from\s*["']\.\/([^"']+\.js)["']/g)) queue.push(`_astro/${imported}`);
  }
  expect(seen.size).toBeGreaterThan(0);
  return code;
}

test('sinks are tree-shaken apart: a collector-only site ships none of them, nor the consent store', async () => {
  const withSinks = await bundledCode('beacon-sinks');
  const collectorOnly = await bundledCode('beacon-defaults');
  for (const platformCall of ['plausible', 'umami', 'gtag', 'posthog', 'cta_impression']) {
    expect(withSinks).toContain(platformCall);
    expect(collectorOnly).not.toContain(platformCall);
  }
  expect(collectorOnly).not.toMatch(/listen|nanostores/);
  // Conversion code ships only on pages with <Conversion> (Astro emits the chunk of every kit component the site
  // imports, but a page loads it only where the component is rendered).
  expect(await shippedCode('beacon-sinks', 'target/index.html')).toContain('data-cta-conversion');
  // (The sinks know how to map a conversion event; the code that makes one is what stays away.)
  expect(await shippedCode('beacon-sinks', 'index.html')).not.toMatch(/data-cta-conversion|trackConversion/);
  expect(await shippedCode('beacon-defaults', 'index.html')).not.toMatch(/conversion/i);
});
