import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module shared with scripts/bench-beacon.mjs
import { measure } from '../measure.mjs';
import { DEFAULT_PAGE_SETTINGS } from './build.ts';

type Measured = { min: number; gzip: number; brotli: number; code: string };

// esbuild bundles of the modules (what `npm run bench:beacon` prints). What a real `astro build` ships for the default
// configuration is measured by tests/e2e/beacon/budget.spec.ts, against issue 11's 1,024 B.
// The core as npm ships it reads its options at run time (1,173 B gzip when this was set); the astro-cta build fixes
// them (settings.ts) and ships less (README "Size" lists what each part costs).
const CORE_CEILING = 1_180;

describe('beacon size budget', () => {
  it('keeps the core (clicks, impressions, transport, page views, privacy, visits, engagement) small', async () => {
    const core = (await measure('index.ts')) as Measured;
    expect(core.gzip).toBeLessThanOrEqual(CORE_CEILING);
  });

  it('ships no sink, consent store, nanostores or conversion code inside the core', async () => {
    const { code } = (await measure('index.ts')) as Measured;
    for (const word of ['plausible', 'umami', 'gtag', 'posthog', 'nanostores', 'listen(', 'conversion'])
      expect(code).not.toContain(word);
  });

  it('keeps track and the conversion module small, and prints their bytes', async () => {
    const track = (await measure('track.ts')) as Measured;
    const conversion = (await measure('conversion.ts')) as Measured;
    const page = (await measure('bench-default-page.ts', DEFAULT_PAGE_SETTINGS)) as Measured;
    const core = (await measure('index.ts')) as Measured;
    console.log(
      `beacon bytes (gzip): track ${track.gzip}, conversion ${conversion.gzip}, default page (esbuild) ${page.gzip}`,
    );
    expect(track.gzip).toBeLessThanOrEqual(160);
    expect(conversion.gzip).toBeLessThanOrEqual(512);
    // The tab id is stored only after the gate: the core reads sessionStorage inside the delivery the gate wraps.
    expect(core.code).toMatch(
      /(\w)=\w=>\{if\(\w\)try\{\w\.vi=sessionStorage\.ctaTab\|\|=\w\.pv\}catch\{\}.*\w\?\w\(\1\):\1/s,
    );
  });

  it('drops what the default configuration does not use when the build fixes the settings', async () => {
    const page = (await measure('bench-default-page.ts', DEFAULT_PAGE_SETTINGS)) as Measured;
    const core = (await measure('index.ts')) as Measured;
    // Run time: every option is read, and History API page views are listened for.
    for (const read of ['.gpc', '.dnt', '.localhost', '.automation', '.sink', '.gate', '.href', 'cta:page'])
      expect(core.code).toContain(read);
    // Fixed: none of them, and privacy's checks remain with their defaults (GPC, DNT, automation). esbuild folds
    // less than Vite's minifier: tests/e2e/beacon/budget.spec.ts checks that a real build drops 'cta:page' and the
    // localhost check (the collector drops local pages; the check stays where a sink gets events) too.
    for (const read of ['.gpc', '.dnt', '.localhost', '.automation', '.sink', '.gate', '.href'])
      expect(page.code).not.toContain(read);
    for (const check of ['globalPrivacyControl', 'doNotTrack', 'webdriver', 'sessionStorage'])
      expect(page.code).toContain(check);
    expect(core.code).toContain('localhost|127');
  });
});
