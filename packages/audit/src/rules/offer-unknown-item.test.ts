import { describe, expect, it } from 'vitest';
import { offerUnknownItem } from './offer-unknown-item.ts';
import { auditRun, choiceMarkup } from './support/test-helpers.ts';

const offer = (condition: string, attrs = '') =>
  choiceMarkup('offer', 'jacket-offer', [
    { arm: 'default', html: '<p>Free returns.</p>' },
    { arm: 'viewed', html: '<p>Back for it?</p>', attrs: `data-cta-when='${condition}' ${attrs}` },
  ]);
const site = (pages: Record<string, string>) => {
  const built = Object.entries(pages).map(([route, main]) => ({
    html: `<!doctype html><html lang="en"><body><main>${main}</main></body></html>`,
    route,
    file: `${route.slice(1)}index.html`,
  }));
  return auditRun(built, [offerUnknownItem]).acrossPages;
};
const JACKET_PAGE = '<h1>Fjord jacket</h1><div data-cta-item="fjord-jacket"></div>';

describe('offer-unknown-item', () => {
  it('accepts item ids a page of the site marks, wherever the offer is', () => {
    expect(site({ '/': offer('{"viewed":"fjord-jacket","within":"7d"}'), '/jacket/': JACKET_PAGE })).toEqual([]);
    expect(site({ '/': offer('{"carted":["fjord-jacket"],"notPurchased":true}'), '/jacket/': JACKET_PAGE })).toEqual(
      [],
    );
  });

  it('flags each id no page marks, on the offer’s page, with the ids the site does mark', () => {
    const findings = site({
      '/': offer('{"viewed":"fjord-jaket","inCart":"boots"}'),
      '/jacket/': JACKET_PAGE,
    });
    expect(findings.map((finding) => [finding.route, finding.message.match(/item "([^"]+)"/)?.[1]])).toEqual([
      ['/', 'fjord-jaket'],
      ['/', 'boots'],
    ]);
    expect(findings[0]!.message).toContain('Items the site marks: fjord-jacket');
    expect(findings[0]!.line).toBeGreaterThan(0);
  });

  it('ignores conditions that name no item, and honours data-cta-ignore', () => {
    expect(site({ '/': offer('{"returning":true}') })).toEqual([]);
    expect(site({ '/': offer('{"viewed":"x"}', 'data-cta-ignore="offer-unknown-item"') })).toEqual([]);
  });
});
