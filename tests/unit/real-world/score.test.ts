import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as audit from '../../../packages/audit/src/index.ts';
import { figures, scoreCorpus } from '../../fixtures/real-world/score.ts';

// The scorer of the real-world corpus, on a one-template corpus written here, so its arithmetic is checked against
// figures worked out by hand.
const page = (main: string) =>
  '<!doctype html><html lang="en"><head><title>t</title></head>' +
  `<body><nav><a href="/">Home</a></nav><main>${main}</main></body></html>`;

let dir: string;
function corpus(pages: Record<string, string>, labels: object, heldBack?: object): string {
  dir = mkdtempSync(path.join(tmpdir(), 'real-world-'));
  const root = path.join(dir, 'demo');
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(root, 'site', file)), { recursive: true });
    writeFileSync(path.join(root, 'site', file), html);
  }
  writeFileSync(path.join(root, 'routes.txt'), '/\n/pricing/\n/blog/a/\n');
  writeFileSync(path.join(root, 'labels.json'), JSON.stringify({ template: 'demo', ...labels }));
  if (heldBack)
    writeFileSync(path.join(root, 'labels.held-back.json'), JSON.stringify({ template: 'demo', ...heldBack }));
  return dir;
}
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the real-world corpus scorer', () => {
  it('counts found, extra and missed CTAs, expected findings and false alarms, held-back pages apart', () => {
    const root = corpus(
      {
        'index.html': page(
          '<h1>Tools</h1><p>Build faster.</p><a class="btn btn-primary" href="/pricing/">See pricing plans</a>' +
            '<p>More.</p><a class="btn" href="/blog/a/">Learn more</a>',
        ),
        'pricing/index.html': page('<h1>Pricing</h1><p>Plans.</p>'),
        'blog/a/index.html': page('<h1>Post</h1><p>Text.</p>'),
      },
      {
        families: [{ routes: '/blog/*/', statement: 'posts', kind: 'post', needsCta: false, ctas: [], findings: [] }],
        pages: {
          // Two CTAs the audit finds; one finding it raises on its element ("Learn more" is generic), one it does not.
          '/': {
            kind: 'landing',
            needsCta: true,
            ctas: [{ text: 'See pricing plans', primary: true }, { text: 'Learn more' }],
            findings: [
              { rule: 'cta-generic-text', element: { text: 'Learn more' } },
              { rule: 'cta-generic-text', element: { text: 'See pricing plans' } },
            ],
          },
        },
      },
      { pages: { '/pricing/': { kind: 'pricing', needsCta: true, ctas: [], findings: [{ rule: 'page-no-cta' }] } } },
    );
    const score = scoreCorpus(audit, root);
    expect(score.tuning).toMatchObject({
      pages: 2,
      ctaTruePositives: 2,
      ctaFalsePositives: 0,
      ctaFalseNegatives: 0,
      findingsExpected: 2,
      findingsFound: 1,
      primaryLabelled: 1,
    });
    expect(score.heldBack).toMatchObject({ pages: 1, findingsExpected: 1, findingsFound: 1, falseAlarmsWarning: 0 });
    // Every finding no label holds is a false alarm, and each is listed.
    for (const { tally, misses } of score.pages) {
      expect(tally.falseAlarmsWarning + tally.falseAlarmsInfo).toBe(
        misses.filter((miss) => miss.startsWith('false alarm')).length,
      );
    }
    expect(figures(score.all).findingRecall).toBeCloseTo(2 / 3);
    expect(figures(score.all).precision).toBe(1);
  });

  it('names the template, the route and the label when a label matches no element', () => {
    const root = corpus(
      { 'index.html': page('<a class="btn" href="/x/">Go</a>') },
      { pages: { '/': { kind: 'landing', needsCta: true, ctas: [{ text: 'Buy now' }], findings: [] } } },
    );
    expect(() => scoreCorpus(audit, root)).toThrow(/demo \/: the CTA label \{"text":"Buy now"\} matches no element/);
  });

  it('names the page that has no label', () => {
    const root = corpus(
      { 'index.html': page('<p>Hi</p>'), 'about/index.html': page('<p>About</p>') },
      { pages: { '/': { kind: 'home', needsCta: false, ctas: [], findings: [] } } },
    );
    expect(() => scoreCorpus(audit, root)).toThrow(
      /demo\/labels\.json: no label for \/about\/ \(site\/about\/index\.html\)/,
    );
  });
});
