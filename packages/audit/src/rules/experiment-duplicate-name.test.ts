import { describe, expect, it } from 'vitest';
import { experimentDuplicateName } from './experiment-duplicate-name.ts';
import { auditRun, choiceMarkup, findingsFor } from './support/test-helpers.ts';

const experiment = (name: string, arms = ['A', 'B'], wrapperAttrs = '') =>
  choiceMarkup(
    'experiment',
    name,
    arms.map((arm) => ({ arm, html: `<p>Copy ${arm}</p>` })),
    wrapperAttrs,
  );
const site = (pages: Record<string, string>) => {
  const built = Object.entries(pages).map(([route, main]) => ({
    html: `<!doctype html><html lang="en"><body><main>${main}</main></body></html>`,
    route,
    file: `${route.slice(1)}index.html`,
  }));
  return auditRun(built, [experimentDuplicateName]).acrossPages;
};

describe('experiment-duplicate-name', () => {
  it('flags one name used twice on a page', () => {
    const [finding] = findingsFor(experimentDuplicateName, `${experiment('hero')}${experiment('hero')}`);
    expect(finding!.message).toContain('"hero" is used twice on this page');
    expect(finding!.line).toBeGreaterThan(0);
  });

  it('accepts the same experiment on several pages (a banner in the layout)', () => {
    expect(
      site({ '/': experiment('banner'), '/pricing/': experiment('banner'), '/about/': experiment('other') }),
    ).toEqual([]);
  });

  it('flags one name used for different experiments on different pages, on the later page', () => {
    for (const other of [
      experiment('hero', ['A', 'C']),
      experiment('hero', ['A', 'B'], 'data-cta-choose="offer"').replace('data-cta-choose="experiment"', ''),
      experiment('hero').replace('data-cta-arm="B" hidden', 'data-cta-arm="B" hidden data-cta-weight="3"'),
    ]) {
      const findings = site({ '/': experiment('hero'), '/pricing/': other });
      expect(findings.map((finding) => finding.route)).toEqual(['/pricing/']);
      expect(findings[0]!.message).toContain('also used on /');
    }
  });

  it('honours data-cta-ignore on the wrapper', () => {
    expect(
      site({
        '/': experiment('hero'),
        '/pricing/': experiment('hero', ['X', 'Y'], 'data-cta-ignore="experiment-duplicate-name"'),
      }),
    ).toEqual([]);
  });
});
