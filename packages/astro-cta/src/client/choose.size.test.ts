import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import {
  ARM_WEIGHT,
  CHOICE_WHEN,
  CHOOSE,
  CTA_ARM,
  CTA_EXPERIMENT,
  EXPERIMENT_ENDS,
  EXPERIMENT_HOLDOUT,
  EXPERIMENT_WINNER,
} from '@astro-cta/contract';
import { describe, expect, it } from 'vitest';
import { SHOWN } from './choose-report.ts';

/**
 * The chooser blocks rendering of every page with an offer or an experiment: issue 12 gives it 500 B gzip. The
 * file measured is the one the package ships and the integration serves (`npm run build -w astro-cta` builds it);
 * tests/e2e/offers/fixture/offers.spec.ts measures it again in a site's build.
 */
const CHOOSER_BUDGET_GZIP_BYTES = 500;
const code = readFileSync(new URL('../../dist/client/choose.js', import.meta.url), 'utf8');

describe('chooser', () => {
  it(`stays within ${CHOOSER_BUDGET_GZIP_BYTES} B gzip`, () => {
    const gzip = gzipSync(code, { level: 9 }).byteLength;
    console.log(`chooser: ${code.length} B minified, ${gzip} B gzip (budget ${CHOOSER_BUDGET_GZIP_BYTES} B)`);
    expect(code).toContain('customElements.define("cta-choose"');
    expect(gzip).toBeLessThanOrEqual(CHOOSER_BUDGET_GZIP_BYTES);
  });

  it('is a classic script: no import, no export, one block', () => {
    expect(code).not.toMatch(/\b(import|export)\b/);
    expect(code.startsWith('{') && code.trim().endsWith('}')).toBe(true);
  });

  it('writes the contract names it uses as "data-cta-" suffixes (ties them)', () => {
    // (The default needs no code: choose.css shows it when nothing is marked.)
    for (const name of [
      CHOOSE,
      CTA_EXPERIMENT,
      CTA_ARM,
      CHOICE_WHEN,
      ARM_WEIGHT,
      EXPERIMENT_HOLDOUT,
      EXPERIMENT_ENDS,
      EXPERIMENT_WINNER,
    ])
      expect(code).toContain(`"${name.replace(/^data-cta-/, '')}"`);
    expect(code).toContain(`"${SHOWN}"`);
    expect(code).toContain('data-cta-${');
    expect(code).toContain('"data-cta-chooser"');
  });
});
