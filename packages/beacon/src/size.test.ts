import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module shared with scripts/bench-beacon.mjs
import { measure } from '../measure.mjs';

type Measured = { min: number; gzip: number; brotli: number; code: string };

describe('beacon size budget', () => {
  it('keeps the core (clicks, impressions, transport, view transitions, privacy) within 1,024 bytes gzip', async () => {
    const core = (await measure('index.ts')) as Measured;
    expect(core.gzip).toBeLessThanOrEqual(1024);
  });

  it('ships no sink, consent store or nanostores inside the core', async () => {
    const { code } = (await measure('index.ts')) as Measured;
    for (const word of ['plausible', 'umami', 'gtag', 'posthog', 'nanostores', 'listen(']) expect(code).not.toContain(word);
  });
});
