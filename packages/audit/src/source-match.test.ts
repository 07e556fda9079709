import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addWrittenSources, SourceIndex } from './source-match.ts';
import type { Finding } from './types.ts';

/** A project folder with these files (paths relative to the root). */
async function project(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'cta-source-match-'));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

/** A finding on the element that starts at `needle` in the built page, as the audit reports it. */
function findingAt(html: string, needle: string, sourceHint?: string): Finding {
  const offset = html.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} is not in the page`);
  const before = html.slice(0, offset).split('\n');
  return {
    ruleId: 'cta-generic-text',
    severity: 'warning',
    message: 'generic',
    route: '/',
    file: 'index.html',
    line: before.length,
    column: before.at(-1)!.length + 1,
    helpUrl: 'https://astro-cta.dev/',
    ...(sourceHint ? { sourceHint } : {}),
  };
}

const locate = (root: string, html: string, finding: Finding) =>
  addWrittenSources([finding], () => html, new SourceIndex(path.join(root, 'src'), root))[0]!.source;

describe('where a built element is written', () => {
  const files = {
    'src/pages/index.astro':
      "---\nimport Hero from '../components/Hero.astro';\nimport Plans from '~/components/Plans.astro';\n" +
      'const a = 1 < 2 && \'<a href="/x">\';\n---\n<Hero />\n<Plans />\n<a class="btn" href="/guide/">Read the guide</a>\n',
    'src/components/Hero.astro':
      '---\nconst { title } = Astro.props;\n---\n<section>\n  <h1>{title}</h1>\n  <a class="btn btn-primary" href="/pricing/">Learn more</a>\n</section>\n',
    'src/components/Plans.astro':
      '---\nimport Button from \'./Button.astro\';\n---\n<div>\n  <Button href="/signup/">Start your trial</Button>\n</div>\n',
    'src/components/Button.astro': '---\nconst { href } = Astro.props;\n---\n<a class="btn" href={href}><slot /></a>\n',
    'src/pages/other.astro': '<a class="btn btn-primary" href="/pricing/">Learn more</a>\n',
    'src/content/docs/intro.md': '---\ntitle: Intro\n---\n# Intro\n\nFirst [read *the* docs](/docs/start/) now.\n',
  };
  const built =
    '<html><body><main>\n<section data-astro-cid-abc12345>\n<h1>Hi</h1>\n' +
    '<a class="btn btn-primary astro-j7pv25f6" href="/pricing/">Learn more</a>\n</section>\n' +
    '<div><a class="btn" href="/signup/">Start your trial</a></div>\n' +
    '<a class="btn" href="/guide/">Read the guide</a>\n' +
    '<p>First <a href="/docs/start/">read the docs</a> now.</p>\n<a class="btn" href="/elsewhere/">Go</a>\n' +
    '</main></body></html>';

  it('names the component file and line, preferring the page’s own imports over a page with the same markup', async () => {
    const root = await project(files);
    const source = locate(root, built, findingAt(built, '<a class="btn btn-primary', 'src/pages/index.astro'));
    expect(source).toMatchObject({ file: 'src/components/Hero.astro', line: 6, column: 3, via: 'match' });
    expect(source?.matchedOn).toEqual(['href', 'text']);
    expect(source?.confidence).toBeGreaterThan(0.8);
  });

  it('does not guess when two places account for the element equally well', async () => {
    const root = await project(files);
    // Without the page's source, Hero.astro and other.astro are as likely as each other.
    expect(locate(root, built, findingAt(built, '<a class="btn btn-primary'))).toBeUndefined();
  });

  it('names the call of a component whose props made the element, through a tsconfig-free ~/ alias', async () => {
    const root = await project(files);
    const source = locate(root, built, findingAt(built, '<a class="btn" href="/signup/"', 'src/pages/index.astro'));
    expect(source).toMatchObject({ file: 'src/components/Plans.astro', line: 5, column: 3 });
  });

  it('keeps offsets right below a frontmatter that looks like markup', async () => {
    const root = await project(files);
    const source = locate(root, built, findingAt(built, '<a class="btn" href="/guide/"', 'src/pages/index.astro'));
    expect(source).toMatchObject({ file: 'src/pages/index.astro', line: 8, column: 1 });
  });

  it('finds Markdown links', async () => {
    const root = await project(files);
    const source = locate(root, built, findingAt(built, '<a href="/docs/start/"'));
    expect(source).toMatchObject({ file: 'src/content/docs/intro.md', line: 6, column: 7 });
  });

  it('gives no place for an element nothing distinctive matches (classes alone do not count)', async () => {
    const root = await project(files);
    expect(locate(root, built, findingAt(built, '<a class="btn" href="/elsewhere/"'))).toBeUndefined();
  });

  it('leaves findings alone that have a place already, or no element', async () => {
    const root = await project(files);
    const annotated = {
      ...findingAt(built, '<a class="btn btn-primary'),
      source: { file: '/abs/Hero.astro', line: 2 },
    };
    const pageLevel: Finding = { ...findingAt(built, '<a class="btn btn-primary') };
    delete pageLevel.line;
    delete pageLevel.column;
    const index = new SourceIndex(path.join(root, 'src'), root);
    const [first, second] = addWrittenSources([annotated, pageLevel], () => built, index);
    expect(first!.source).toEqual({ file: '/abs/Hero.astro', line: 2 });
    expect(second!.source).toBeUndefined();
  });

  it('reads path aliases from tsconfig.json', async () => {
    const root = await project({
      ...files,
      'tsconfig.json': '{ // comment\n "compilerOptions": { "paths": { "@ui/*": ["src/ui/*"], }, }, }',
      'src/pages/index.astro': "---\nimport Hero from '@ui/Hero.astro';\n---\n<Hero />\n",
      'src/ui/Hero.astro': '<a class="btn btn-primary" href="/pricing/">Learn more</a>\n',
      'src/components/Hero.astro': '<a class="btn btn-primary" href="/pricing/">Learn more</a>\n',
    });
    const source = locate(root, built, findingAt(built, '<a class="btn btn-primary', 'src/pages/index.astro'));
    expect(source).toMatchObject({ file: 'src/ui/Hero.astro', line: 1 });
  });

  it('survives hostile pages and sources: deep nesting, unclosed markup, binary bytes', async () => {
    const root = await project({
      ...files,
      'src/components/Broken.astro':
        '---\nunclosed frontmatter\n<a href="/x" {...props} class:list={[a, { b }]}>{{{</a',
      'src/components/Binary.astro': '\u0000\u0001<a\u0000 href="/pricing/">Learn more',
    });
    const deep = `${'<div>'.repeat(100_000)}<a class="btn" href="/pricing/">Learn more</a>${'</div>'.repeat(100_000)}`;
    const finding = findingAt(deep, '<a class="btn"', 'src/pages/index.astro');
    const index = new SourceIndex(path.join(root, 'src'), root);
    expect(() => addWrittenSources([finding], () => deep, index)).not.toThrow();
    expect(addWrittenSources([finding], () => undefined, index)[0]).toEqual(finding);
  });
});
