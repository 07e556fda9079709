import { describe, expect, it } from 'vitest';
import { evaluateCorpus } from '../../../tests/fixtures/corpus/evaluate.ts';
import { parseHtml } from './parse.ts';
import { findMain, recognizeCtas } from './recognize.ts';

describe('CTA recognition on the labelled corpus', () => {
  const score = evaluateCorpus({ parseHtml, findMain, recognizeCtas });

  it('covers at least 25 varied pages', () => {
    expect(score.pages.length).toBeGreaterThanOrEqual(25);
    expect(score.truePositives + score.falseNegatives).toBeGreaterThanOrEqual(50);
  });

  it('keeps precision and recall at or above 0.9 (npm run corpus:audit lists the misses)', () => {
    expect(score.precision).toBeGreaterThanOrEqual(0.9);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
  });
});
