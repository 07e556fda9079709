import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module shared with scripts/bench-beacon.mjs
import { measure } from '../measure.mjs';

type Measured = { min: number; gzip: number; brotli: number; code: string };

describe('beacon size budget', () => {
  it('keeps the core (clicks, impressions, transport, view transitions, privacy) within 1,024 bytes gzip', async () => {
    const core = (await measure('index.ts')) as Measured;
    expect(core.gzip).toBeLessThanOrEqual(1024);
  });

  it('ships no sink, consent store, nanostores or conversion code inside the core', async () => {
    const { code } = (await measure('index.ts')) as Measured;
    for (const word of ['plausible', 'umami', 'gtag', 'posthog', 'nanostores', 'listen(', 'conversion'])
      expect(code).not.toContain(word);
  });

  it('keeps the visits module and the conversion module small, and prints their bytes', async () => {
    const visits = (await measure('visits.ts')) as Measured;
    const conversion = (await measure('conversion.ts')) as Measured;
    const page = (await measure('bench-default-page.ts')) as Measured;
    console.log(
      `beacon bytes (gzip): visits ${visits.gzip}, conversion ${conversion.gzip}, default page (core, track, visits) ${page.gzip}`,
    );
    expect(visits.gzip).toBeLessThanOrEqual(300);
    expect(conversion.gzip).toBeLessThanOrEqual(512);
    // The visit id is stored only after the gate: the module reads sessionStorage inside the delivery it wraps.
    expect(visits.code).toContain('sessionStorage');
  });
});
