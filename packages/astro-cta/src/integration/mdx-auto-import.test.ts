import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { SOURCE_PROP as COMPONENTS_SOURCE_PROP } from '../components/authoring-error.ts';
import * as components from '../components/index.ts';
import {
  boundNames,
  KIT_COMPONENT_NAMES,
  type MdastPluginFactory,
  mdxAutoImport,
  missingImport,
  registerMdxAutoImport,
  SOURCE_PROP,
} from './mdx-auto-import.ts';

const root = '/site';
const compile = (source: string, options: { autoImport?: boolean; file?: string } = {}) => {
  const plugin: MdastPluginFactory = mdxAutoImport({ root, autoImport: options.autoImport ?? true });
  // The plugin's own structural types are a subset of Sätteri's; the real compiler is what is under test here.
  return mdxToJs(source, {
    mdastPlugins: [plugin as never],
    fileURL: new URL(`file://${root}/${options.file ?? 'src/pages/page.mdx'}`),
  }).code;
};

describe('boundNames', () => {
  it.each([
    ["import { CTA } from 'astro-cta/components'", ['CTA']],
    ["import { CTA as Button, Incentive } from 'astro-cta/components'", ['Button', 'Incentive']],
    ["import CTA from './Own.astro'", ['CTA']],
    ["import Default, { SocialProof } from 'x'", ['Default', 'SocialProof']],
    ["import * as Kit from 'astro-cta/components'", ['Kit']],
    ["import type { Rating } from 'astro-cta/components'", []],
    ['export const CTA = () => null', ['CTA']],
    ['export function Countdown() {}', ['Countdown']],
    ["import {\n  CTA,\n  CTASection,\n} from 'astro-cta/components'", ['CTA', 'CTASection']],
  ])('%s binds %o', (esm, names) => {
    expect([...boundNames(esm)].sort()).toEqual([...names].sort());
  });
});

describe('missingImport', () => {
  it('imports the used kit names the file does not bind, in a stable order', () => {
    expect(missingImport(['Incentive', 'CTA', 'Other'], new Set(['Other']))).toBe(
      "import { CTA, Incentive } from 'astro-cta/components';\n",
    );
    expect(missingImport(['CTA'], new Set(['CTA']))).toBeUndefined();
  });
});

describe('the MDX plugin in a real Sätteri compile', () => {
  it('injects one import for the kit components a file uses, including nested ones', () => {
    const code = compile(
      '# Hi\n\n<CTA id="a" href="/">\n  Go\n  <Incentive slot="incentive" kind="trial" days={14} terms="/t" />\n</CTA>\n',
    );
    expect(code).toContain('import { CTA, Incentive } from "astro-cta/components";');
    expect(code.match(/from "astro-cta\/components"/g)).toHaveLength(1);
  });

  it('leaves names the file imports itself alone, and adds only the missing ones', () => {
    const code = compile(
      "import { CTA } from 'astro-cta/components'\n\n<CTA id=\"a\" href=\"/\">Go</CTA>\n<SocialProof count={{ value: 1, label: 'team', source: 'x' }} />\n",
    );
    expect(code).toContain('import { SocialProof } from "astro-cta/components";');
    expect(code).toContain('import { CTA } from "astro-cta/components";');
    const own = compile("import CTA from './Own.astro'\n\n<CTA>Mine</CTA>\n");
    expect(own).not.toContain('astro-cta/components');
  });

  it('does nothing for a file without kit components, and injects nothing when autoImport is off', () => {
    expect(compile('# Plain page\n\n<Aside>Hi</Aside>\n')).not.toContain('astro-cta');
    expect(compile('<CTA id="a" href="/">Go</CTA>\n', { autoImport: false })).not.toContain('import { CTA }');
  });

  it('tells each kit element where it was written, for error messages', () => {
    const code = compile('# Sale\n\n<CTA id="a" href="/">Go <Incentive kind="trial" days={14} terms="/t" /></CTA>\n', {
      file: 'src/pages/sale.mdx',
    });
    expect(code).toMatch(/__ctaSource: "src\/pages\/sale\.mdx:3:1"/);
    expect(code).toMatch(/__ctaSource: "src\/pages\/sale\.mdx:3:25"/);
  });

  it('unwraps a CTA label written on its own line from the paragraph MDX makes of it', () => {
    const code = compile('<CTA id="a" href="/">\n  Start your free trial\n</CTA>\n');
    expect(code).toMatch(/children: "Start your free trial"/);
    expect(code).not.toMatch(/_components\.p/);
  });
});

describe('registerMdxAutoImport', () => {
  it('adds the plugin to a Sätteri processor, as Starlight does, and no remark plugin', () => {
    const processor = { name: 'satteri', options: { mdastPlugins: [] as unknown[] } };
    const remark: unknown[] = [];
    expect(
      registerMdxAutoImport(processor, { root, autoImport: true }, (plugin) => remark.push(plugin)),
    ).toBeUndefined();
    expect(processor.options.mdastPlugins).toHaveLength(1);
    expect(remark).toHaveLength(0);
  });

  it('falls back to a remark plugin where Sätteri is not the processor (Astro 5 and 6), and says so', () => {
    const remark: unknown[] = [];
    const note = registerMdxAutoImport(undefined, { root, autoImport: true }, (plugin) => remark.push(plugin));
    expect(remark).toHaveLength(1);
    expect(note).toMatch(
      /runs as a remark plugin with this Astro version \(no Sätteri processor\).*import \{ CTA \} from 'astro-cta\/components'/,
    );
    expect(
      registerMdxAutoImport({ name: 'unified', options: {} }, { root, autoImport: true }, () => undefined),
    ).toMatch(/"unified" Markdown processor/);
    expect(
      registerMdxAutoImport({ name: 'unified', options: {} }, { root, autoImport: false }, () => undefined),
    ).toBeUndefined();
  });
});

it('writes the source prop under the name the components read', () => {
  expect(SOURCE_PROP).toBe(COMPONENTS_SOURCE_PROP);
});

it('imports exactly the components astro-cta/components exports', () => {
  const exported = Object.keys(components).filter(
    (name) =>
      typeof (components as Record<string, unknown>)[name] === 'function' &&
      /^[A-Z]/.test(name) &&
      name !== 'CtaAuthoringError',
  );
  expect([...KIT_COMPONENT_NAMES].sort()).toEqual(exported.sort());
});
