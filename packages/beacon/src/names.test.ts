import { readFileSync } from 'node:fs';
import {
  CTA_ARM,
  CTA_EXPERIMENT,
  CTA_GOAL,
  CTA_ID,
  CTA_NO_TRACK,
  CTA_SELECTOR,
  CTA_VARIANT,
} from '@astro-cta/contract';
import { describe, expect, it } from 'vitest';
import { ENGAGED_ID, ENGAGED_MS, PAGE_EVENT, TRACK_QUEUE, TRACKED } from './names.ts';
import { TAB_KEY } from './visits.ts';

// The core writes the contract's names out (or reads them through dataset) to save bytes; these tests tie them.
const datasetKey = (attribute: string) =>
  attribute.replace(/^data-/, '').replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

describe('beacon names follow the markup contract', () => {
  it('selects the contract CTAs that did not opt out', () => {
    expect(TRACKED).toBe(`${CTA_SELECTOR}:not([${CTA_NO_TRACK}])`);
  });

  it('reads id, variant, goal, experiment and arm from the dataset keys the core uses', () => {
    const keys = ['cta', 'ctaVariant', 'ctaGoal', 'ctaExperiment', 'ctaArm'];
    expect([CTA_ID, CTA_VARIANT, CTA_GOAL, CTA_EXPERIMENT, CTA_ARM].map(datasetKey)).toEqual(keys);
    const core = readFileSync(new URL('./index.ts', import.meta.url), 'utf8');
    for (const key of keys) expect(core).toContain(`element.dataset.${key}`);
  });

  it('listens for the page event that the history module dispatches', () => {
    // The last event type in the core's listener list (the formatter may put the closing bracket on its own line).
    expect(readFileSync(new URL('./index.ts', import.meta.url), 'utf8')).toMatch(
      new RegExp(`'${PAGE_EVENT}',?\\s*\\]`),
    );
    expect(readFileSync(new URL('./history.ts', import.meta.url), 'utf8')).toContain(
      'dispatchEvent(new Event(PAGE_EVENT))',
    );
  });

  it('writes out the tab key, the engagement time and id, and the track queue it shares', () => {
    const core = readFileSync(new URL('./index.ts', import.meta.url), 'utf8');
    expect(core).toContain(`event.vi = sessionStorage.${TAB_KEY} ||= event.pv;`);
    expect(ENGAGED_MS).toBe(1e4);
    expect(core).toContain('left = 1e4;');
    expect(core).toContain(`{ t: 'engaged', id: '${ENGAGED_ID}' }`);
    expect(core).toContain(`(self as Queue).${TRACK_QUEUE} ||= []`);
    const track = readFileSync(new URL('./track.ts', import.meta.url), 'utf8');
    expect(track).toContain(`(self as Queue).${TRACK_QUEUE} ||= []`);
  });
});
