import { describe, expect, it } from 'vitest';
import { CTA_GOAL, CTA_ID, CTA_NO_TRACK, CTA_SELECTOR, CTA_VARIANT } from '@astro-cta/contract';
import { TRACKED } from './names.ts';

// The core writes the contract's names out (or reads them through dataset) to save bytes; these tests tie them.
const datasetKey = (attribute: string) => attribute.replace(/^data-/, '').replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

describe('beacon names follow the markup contract', () => {
  it('selects the contract CTAs that did not opt out', () => {
    expect(TRACKED).toBe(`${CTA_SELECTOR}:not([${CTA_NO_TRACK}])`);
  });

  it('reads id, variant and goal from the dataset keys the core uses', () => {
    expect([CTA_ID, CTA_VARIANT, CTA_GOAL].map(datasetKey)).toEqual(['cta', 'ctaVariant', 'ctaGoal']);
  });
});
