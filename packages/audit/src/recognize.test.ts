import { describe, expect, it } from 'vitest';
import { createPage } from './page.ts';

const ctaTexts = (main: string) =>
  createPage(`<!doctype html><html lang="en"><body><main>${main}</main></body></html>`, '/', 'index.html').ctas.map((cta) => cta.visibleText);

describe('recognizing CTAs by shape', () => {
  it('reads button-like class names', () => {
    expect(ctaTexts('<a class="btn btn-primary" href="/a">Buy</a><a class="hero__cta" href="/b">Join</a><a class="c-button--large" href="/c">Book</a>')).toEqual(['Buy', 'Join', 'Book']);
  });

  it('leaves the source and terms links of declared social proof and incentives alone', () => {
    const proof = '<p class="cta-proof__count" data-cta-proof="count">12,000 teams <a class="cta-proof__count-source" href="https://example.com/report">(source: example.com)</a></p>';
    const incentive = '<p data-cta-incentive="trial">14-day trial <a class="cta-terms" href="/terms">Terms</a></p>';
    expect(ctaTexts(proof + incentive)).toEqual([]);
    expect(ctaTexts('<p class="cta-proof__count">12,000 teams <a class="cta-proof__count-source" href="/r">(source)</a></p>')).toEqual(['(source)']);
  });
});
