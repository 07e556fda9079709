import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { optOutFromSource } from './frontmatter.ts';
import { contentFileFinder, guessSourcesFromPages } from './sources.ts';

describe('guessSourcesFromPages', () => {
  it('maps routes to page files, index files and dynamic routes as Astro does', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'cta-sources-'));
    const pages = path.join(root, 'src', 'pages');
    await mkdir(path.join(pages, 'blog'), { recursive: true });
    await mkdir(path.join(pages, 'docs'), { recursive: true });
    for (const file of ['index.astro', 'pricing.mdx', 'docs/index.md', 'blog/[slug].astro', '404.astro'])
      await writeFile(path.join(pages, file), '');
    const sourceFor = guessSourcesFromPages(pages, root);
    expect(sourceFor('/')).toBe('src/pages/index.astro');
    expect(sourceFor('/pricing/')).toBe('src/pages/pricing.mdx');
    expect(sourceFor('/docs/')).toBe('src/pages/docs/index.md');
    expect(sourceFor('/blog/hello-world/')).toBe('src/pages/blog/[slug].astro');
    expect(sourceFor('/404.html')).toBe('src/pages/404.astro');
    expect(sourceFor('/nowhere/deep/')).toBeUndefined();
  });
});

describe('the source of content rendered through a dynamic route', () => {
  it('is the Markdown entry, as in the build; only beside a folder named pages', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'cta-sources-'));
    for (const file of ['src/pages/blog/[slug].astro', 'src/content/blog/first.md', 'src/content/docs/first/index.mdx'])
      await mkdir(path.dirname(path.join(root, file)), { recursive: true }).then(() =>
        writeFile(path.join(root, file), ''),
      );
    const sourceFor = guessSourcesFromPages(path.join(root, 'src', 'pages'), root);
    expect(sourceFor('/blog/first/')).toBe('src/content/blog/first.md');
    expect(sourceFor('/blog/second/')).toBe('src/pages/blog/[slug].astro');
    const finder = contentFileFinder(path.join(root, 'src'), root);
    expect(finder('/docs/first/')).toBe('src/content/docs/first/index.mdx');
    expect(finder('/nothing/')).toBeUndefined();
    await mkdir(path.join(root, 'src', 'other'), { recursive: true });
    expect(guessSourcesFromPages(path.join(root, 'src', 'other'), root)('/blog/first/')).toBeUndefined();
  });
});

describe('frontmatter opt-out', () => {
  it('reads ctaAudit: false and ctaAudit.ignore, and ignores anything else', () => {
    expect(optOutFromSource('---\ntitle: About\nctaAudit: false\n---\n# About')).toBe('all');
    expect(optOutFromSource('---\nctaAudit:\n  ignore: [page-no-cta, cta-below-fold]\n---\n')).toEqual([
      'page-no-cta',
      'cta-below-fold',
    ]);
    expect(optOutFromSource('---\nctaAudit: { ignore: page-no-cta }\n---\n')).toEqual(['page-no-cta']);
    expect(optOutFromSource('---\ntitle: x\n---\nctaAudit: false')).toBeUndefined();
    expect(optOutFromSource('---\nctaAudit: [broken\n---\n')).toBeUndefined();
  });
});
