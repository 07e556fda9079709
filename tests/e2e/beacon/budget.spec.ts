import { join } from 'node:path';
import { expect, test } from '@playwright/test';
// @ts-expect-error plain JavaScript module shared with scripts/bench-beacon.mjs
import { measureShipped } from '../../../packages/beacon/measure.mjs';
import { fixtureRoot } from './support/site.ts';

// What a real `astro build` ships of the beacon (the fixtures are built by build-fixtures.setup.ts): the module
// script Vite emits for the integration's page script and everything it imports, each gzip -9 on its own.

type Shipped = { files: { path: string; gzip: number; code: string }[]; gzip: number };

/**
 * Issue 11 asks for 1,024 B with visits and the engagement signal; the default page measured 1,022 B when this was
 * set (core with the tab id, engagement and the track queue, its settings fixed by the build, one file).
 * packages/beacon/README.md ("Size") says what each part costs and which guarantees moved to the collector.
 */
const DEFAULT_PAGE_CEILING = 1_024;
const ISSUE_BUDGET = 1_024;

test('the default configuration ships one beacon file, with visits and engagement, within its ceiling', async () => {
  const shipped = (await measureShipped(join(fixtureRoot('beacon-defaults'), 'dist'), 'index.html')) as Shipped;
  expect(shipped, 'the default page has no script posting to /api/cta').toBeTruthy();
  const over = shipped.gzip - ISSUE_BUDGET;
  console.log(
    `default page beacon (real astro build, gzip -9): ${shipped.gzip} B in ${shipped.files.length} file(s); ` +
      `issue budget ${ISSUE_BUDGET} B (${over > 0 ? `${over} B over` : 'within'})`,
  );
  // One request: track() and trackConversion() reach the beacon through a global queue, not a shared chunk.
  expect(shipped.files.map(({ path }) => path)).toEqual([expect.stringMatching(/^\/_astro\/page\.[\w-]+\.js$/)]);
  const [{ code }] = shipped.files as [Shipped['files'][0]];
  // Visits, engagement and the track queue are in it; no sink, consent store, history module or conversion code.
  for (const word of ['sessionStorage', 'engaged', 'ctaTrack']) expect(code).toContain(word);
  for (const word of ['plausible', 'umami', 'gtag', 'posthog', 'listen(', 'currententrychange', 'conversion'])
    expect(code).not.toContain(word);
  // The build fixed the settings (@astro-cta/beacon/settings): no option is read, no History API page event is
  // listened for, and privacy's checks remain (GPC, DNT, automation). Local pages are the collector's to drop (it
  // stores none without --accept-local): no localhost check ships without a sink.
  for (const read of ['.gpc', '.dnt', '.localhost', '.automation', '.sink', '.gate', '.href', 'cta:page', 'localhost'])
    expect(code).not.toContain(read);
  for (const check of ['globalPrivacyControl', 'doNotTrack', 'webdriver']) expect(code).toContain(check);
  expect(shipped.gzip).toBeLessThanOrEqual(DEFAULT_PAGE_CEILING);
});

test('conversion code ships only on the page that has a <Conversion>', async () => {
  const dist = join(fixtureRoot('beacon'), 'dist');
  const scripts = async (page: string) => {
    const { readFile } = await import('node:fs/promises');
    const html = await readFile(join(dist, page), 'utf8');
    const sources = [...html.matchAll(/<script type="module" src="(\/[^"]+\.js)"/g)].map(([, src]) => src!);
    return Promise.all(sources.map((src) => readFile(join(dist, src), 'utf8')));
  };
  const pricing = await scripts('pricing/index.html');
  const welcome = await scripts('welcome/index.html');
  expect(pricing).toHaveLength(1); // the beacon alone
  for (const code of pricing) expect(code).not.toMatch(/trackConversion|conversion/);
  expect(welcome.some((code) => code.includes('"conversion"') || code.includes('`conversion`'))).toBe(true);
});
