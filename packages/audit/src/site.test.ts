import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditDirectory, routeForFile } from './site.ts';

describe('auditDirectory', () => {
  it('audits every HTML file, maps files to routes and applies requireCta globs', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cta-audit-'));
    await mkdir(path.join(dir, 'landing'), { recursive: true });
    await mkdir(path.join(dir, 'docs'), { recursive: true });
    await writeFile(
      path.join(dir, 'landing', 'index.html'),
      '<html><body><main><p>Nothing to do here</p></main></body></html>',
    );
    await writeFile(path.join(dir, 'docs', 'index.html'), '<html><body><main><p>Reference</p></main></body></html>');
    await writeFile(
      path.join(dir, 'index.html'),
      '<html><body><main><a class="btn" href="/landing/">Click here</a></main></body></html>',
    );
    const result = await auditDirectory(dir, { requireCta: ['/', '/landing/**'] });
    expect(result.pages).toBe(3);
    expect(result.findings.map((finding) => `${finding.route} ${finding.ruleId}`).sort()).toEqual([
      '/ cta-generic-text',
      '/landing/ page-no-cta',
    ]);
  });

  it('turns an unreadable page into a finding instead of throwing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cta-audit-'));
    await mkdir(path.join(dir, 'broken.html'));
    await mkdir(path.join(dir, 'real'));
    await writeFile(
      path.join(dir, 'real', 'index.html'),
      '<main><a class="btn" href="/">Start now for free</a></main>',
    );
    const result = await auditDirectory(dir);
    expect(result.findings).toEqual([]);
    expect(result.pages).toBe(1);
  });
});

describe('routes', () => {
  it('maps built files to site paths', () => {
    expect(routeForFile('index.html')).toBe('/');
    expect(routeForFile(path.join('about', 'index.html'))).toBe('/about/');
    expect(routeForFile('404.html')).toBe('/404.html');
  });

  it('expects a CTA only on converting pages by default, not on legal, error, blog index or tag pages', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cta-audit-'));
    const files = [
      'pricing/index.html',
      '404.html',
      'privacy/index.html',
      'legal/imprint/index.html',
      'blog/index.html',
      'tags/astro/index.html',
    ];
    for (const file of files) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), '<html><body><main><p>Nothing to do here</p></main></body></html>');
    }
    const result = await auditDirectory(dir, { workers: 0 });
    expect(
      result.findings.filter((finding) => finding.ruleId === 'page-no-cta').map((finding) => finding.route),
    ).toEqual(['/pricing/']);
  });
});

describe('auditDirectory on worker threads', () => {
  const corpus = fileURLToPath(new URL('../../../tests/fixtures/corpus/', import.meta.url));

  it('finds exactly what one thread finds, in the same order, and reports progress for every page', async () => {
    const now = new Date('2026-11-26T00:00:00Z');
    const progress: number[] = [];
    const here = await auditDirectory(corpus, { now, workers: 0 });
    const threaded = await auditDirectory(corpus, { now, workers: 2, onProgress: (done) => progress.push(done) });
    expect(here.findings.length).toBeGreaterThan(10);
    expect(threaded.findings).toEqual(here.findings);
    expect(progress).toEqual(Array.from({ length: here.pages }, (_, i) => i + 1));
  });
});
