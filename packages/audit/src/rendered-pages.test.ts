import { afterEach, describe, expect, it } from 'vitest';
import { RenderedPages } from './rendered-pages.ts';
import { examplePage } from './rules/example-page.ts';
import { rules } from './rules/index.ts';
import { writeSite as site } from './rules/support/test-helpers.ts';
import { auditDirectory } from './site.ts';

const now = new Date('2026-11-26T00:00:00Z');
const page = (text: string) => examplePage(`<a class="button" href="/b/" data-cta="go">${text}</a>`);
const bytes = (html: string) => new TextEncoder().encode(html);

let rendered: RenderedPages | undefined;
afterEach(async () => {
  await rendered?.close();
  rendered = undefined;
});

describe('RenderedPages', () => {
  it('lends its results to the audit only for files that hold exactly what was rendered', async () => {
    const files = {
      'index.html': page('Start your free trial'),
      'b/index.html': page('Click here'),
      'c/index.html': page('Book a demo'),
    };
    const dir = site(files);
    rendered = RenderedPages.create({ rules, now, routes: ['/', '/b/', '/c/'], workers: 1 })!;
    rendered.add('index.html', bytes(files['index.html']));
    // Rendered with a generic text, then rewritten on disk (by another integration, say): the file decides.
    rendered.add('b/index.html', bytes(page('Learn more')));
    const result = await auditDirectory(dir, { now, rendered });
    expect(result.auditedWhileRendering).toBe(1);
    expect(result.findings).toEqual((await auditDirectory(dir, { now, workers: 0 })).findings);
    expect(result.findings.map((finding) => `${finding.route} ${finding.message.slice(0, 32)}`)).toEqual([
      '/b/ CTA text "Click here" is generic',
    ]);
  });

  it('lends nothing when the build produced other routes than expected', async () => {
    const files = { 'index.html': page('Start your free trial'), 'extra.html': page('Book a demo') };
    const dir = site(files);
    rendered = RenderedPages.create({ rules, now, routes: ['/'], workers: 1 })!;
    rendered.add('index.html', bytes(files['index.html']));
    const result = await auditDirectory(dir, { now, rendered });
    expect(result.auditedWhileRendering).toBe(0);
    expect(result.findings).toEqual((await auditDirectory(dir, { now, workers: 0 })).findings);
  });

  it('leaves pages for after the build when they come faster than the workers audit: memory stays flat, nothing is lost', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [`p${i}/index.html`, page(i % 2 ? 'Click here' : 'Book a demo')]),
    );
    const dir = site(files);
    const routes = Object.keys(files).map((file) => `/${file.slice(0, -'index.html'.length)}`);
    rendered = RenderedPages.create({ rules, now, routes, workers: 1, maxBacklogBytes: 8 * 1024 })!;
    for (const [file, html] of Object.entries(files)) rendered.add(file, bytes(html));
    const early = Object.keys(files).filter((file) => rendered!.has(file)).length;
    expect(early).toBeLessThan(60);
    const result = await auditDirectory(dir, { now, rendered });
    expect(result.auditedWhileRendering).toBe(early);
    expect(result.findings).toEqual((await auditDirectory(dir, { now, workers: 0 })).findings);
    expect(result.findings.filter((finding) => finding.ruleId === 'cta-generic-text')).toHaveLength(30);
  });

  it('is not available for custom rules, which cannot run on worker threads', () => {
    const custom = { ...rules[0]!, check: () => {} };
    expect(RenderedPages.create({ rules: [custom], now, routes: [] })).toBeUndefined();
  });
});
