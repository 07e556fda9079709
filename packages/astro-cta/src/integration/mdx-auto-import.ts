/**
 * MDX without import lines: every .mdx file that uses a kit component (<CTA>, <SocialProof>, <Incentive>,
 * <Countdown>, <CTASection>, <Conversion>) and does not import or define that name itself gets
 * `import { … } from 'astro-cta/components'` added at compile time. Explicit imports keep working: a name the file
 * binds itself is never imported again, so an author can also import their own `CTA` from elsewhere.
 *
 * It is an mdast plugin for Sätteri, Astro 7's default Markdown processor (the same hook Starlight uses for its
 * own transforms). While it is there it also tells each kit element where it was written (`__ctaSource`,
 * "src/pages/sale.mdx:12:1"), so an authoring error names the file and line, not only the route.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The component names the plugin may import; they are the exports of `astro-cta/components`. */
export const KIT_COMPONENT_NAMES = [
  'CTA',
  'SocialProof',
  'Incentive',
  'Countdown',
  'CTASection',
  'Conversion',
  'Offer',
  'Choice',
  'Experiment',
  'Arm',
  'ViewedItem',
] as const;
export const COMPONENTS_MODULE = 'astro-cta/components';
/** Keep in step with SOURCE_PROP in src/components/authoring-error.ts (components ship as source, not built). */
export const SOURCE_PROP = '__ctaSource';

// Only the parts of Sätteri's plugin API this file touches, so the integration has no type dependency on it.
interface Position {
  start: { line: number; column: number };
}
interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}
interface JsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
  children: unknown[];
  position?: Position;
}
interface EsmNode {
  type: 'mdxjsEsm';
  value: string;
}
interface VisitorContext {
  prependChild(node: unknown, child: { raw: string }): void;
}
export interface MdastPlugin {
  name: string;
  options?: { position?: boolean };
  mdxjsEsm?: (node: Readonly<EsmNode>, ctx: VisitorContext) => void;
  mdxJsxFlowElement?: (node: Readonly<JsxElement>, ctx: VisitorContext) => JsxElement | undefined;
  mdxJsxTextElement?: (node: Readonly<JsxElement>, ctx: VisitorContext) => JsxElement | undefined;
  after?: (root: unknown, ctx: VisitorContext) => void;
}
interface FactoryContext {
  fileURL: URL | undefined;
  sourceFormat: string;
  source: string;
}
export type MdastPluginFactory = (context: FactoryContext) => MdastPlugin | null;

const KIT_NAMES = new Set<string>(KIT_COMPONENT_NAMES);
const isParagraph = (node: unknown): node is { type: 'paragraph'; children: unknown[] } =>
  typeof node === 'object' && node !== null && (node as { type?: unknown }).type === 'paragraph';
const USES_KIT = new RegExp(`<(${KIT_COMPONENT_NAMES.join('|')})\\b`);

/** The names an ESM block binds: imports (default, namespace, named with `as`) and exported declarations. */
export function boundNames(esm: string): Set<string> {
  const names = new Set<string>();
  for (const [, clause = ''] of esm.matchAll(/\bimport\s+(?!type\b)([\s\S]*?)\s*\bfrom\s*['"]/g)) {
    const named = /\{([\s\S]*)\}/.exec(clause);
    for (const specifier of named?.[1]?.split(',') ?? []) {
      const local = specifier
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (local && !local.startsWith('type ')) names.add(local);
    }
    const outside = clause.replace(/\{[\s\S]*\}/, '');
    const namespace = /\*\s*as\s+([\w$]+)/.exec(outside);
    if (namespace?.[1]) names.add(namespace[1]);
    const defaultName = /^\s*([\w$]+)/.exec(outside.replace(/\*\s*as\s+[\w$]+/, ''));
    if (defaultName?.[1]) names.add(defaultName[1]);
  }
  for (const [, name] of esm.matchAll(/\bexport\s+(?:const|let|var|function\*?|class|async\s+function)\s+([\w$]+)/g)) {
    if (name) names.add(name);
  }
  return names;
}

/** The import line for the kit names a document uses but does not bind; undefined when none is missing. */
export function missingImport(used: Iterable<string>, bound: Set<string>): string | undefined {
  const missing = KIT_COMPONENT_NAMES.filter((name) => [...used].includes(name) && !bound.has(name));
  return missing.length ? `import { ${missing.join(', ')} } from '${COMPONENTS_MODULE}';\n` : undefined;
}

/**
 * A kit element with what the components need from the compiler: where it was written (`__ctaSource`), and a CTA
 * label written on its own line unwrapped from the paragraph MDX makes of it (a <p> cannot sit inside a <button>).
 * Undefined when the element needs neither.
 */
function annotated(node: Readonly<JsxElement>, file: string | undefined): JsxElement | undefined {
  const hasSource = node.attributes.some((attribute) => attribute.name === SOURCE_PROP);
  const where =
    file && node.position && !hasSource
      ? `${file}:${node.position.start.line}:${node.position.start.column}`
      : undefined;
  const label = node.name === 'CTA' && node.children.some(isParagraph);
  if (!where && !label) return undefined;
  return {
    ...node,
    children: label ? node.children.flatMap((child) => (isParagraph(child) ? child.children : [child])) : node.children,
    attributes: where
      ? [...node.attributes, { type: 'mdxJsxAttribute', name: SOURCE_PROP, value: where }]
      : node.attributes,
  };
}

/** Creates the per-document plugin. `root` is the Astro project root, for short file names in errors. */
export function mdxAutoImport(options: { root: string; autoImport: boolean }): MdastPluginFactory {
  return ({ fileURL, sourceFormat, source }) => {
    if (sourceFormat !== 'mdx' || !USES_KIT.test(source)) return null;
    const used = new Set<string>();
    const bound = new Set<string>();
    const file = fileURL ? relative(options.root, fileURLToPath(fileURL)).split('\\').join('/') : undefined;

    const visitElement = (node: Readonly<JsxElement>): JsxElement | undefined => {
      if (!node.name || !KIT_NAMES.has(node.name)) return undefined;
      used.add(node.name);
      return annotated(node, file);
    };

    return {
      name: 'astro-cta-mdx-auto-import',
      options: { position: true },
      mdxjsEsm(node) {
        for (const name of boundNames(node.value)) bound.add(name);
      },
      mdxJsxFlowElement: visitElement,
      mdxJsxTextElement: visitElement,
      after(root, ctx) {
        const line = options.autoImport ? missingImport(used, bound) : undefined;
        if (line) ctx.prependChild(root, { raw: line });
      },
    };
  };
}

// ---- Astro 5 and 6 (and Astro 7 with another processor): the same transform as a unified remark plugin ----

interface RemarkNode {
  type: string;
  name?: string | null;
  value?: string;
  attributes?: JsxAttribute[];
  children?: RemarkNode[];
  position?: Position;
  data?: Record<string, unknown>;
}

/** The ESTree MDX needs beside an injected `mdxjsEsm` node: `import { A, B } from 'astro-cta/components'`. */
function importNode(names: readonly string[]): RemarkNode {
  const identifier = (name: string) => ({ type: 'Identifier', name });
  const line = `import { ${names.join(', ')} } from '${COMPONENTS_MODULE}';`;
  const declaration = {
    type: 'ImportDeclaration',
    specifiers: names.map((name) => ({ type: 'ImportSpecifier', imported: identifier(name), local: identifier(name) })),
    source: { type: 'Literal', value: COMPONENTS_MODULE, raw: `'${COMPONENTS_MODULE}'` },
    attributes: [],
  };
  return {
    type: 'mdxjsEsm',
    value: line,
    data: { estree: { type: 'Program', sourceType: 'module', body: [declaration], comments: [] } },
  };
}

/**
 * The remark plugin for @astrojs/mdx's unified pipeline (Astro 5 and 6 have no Sätteri): it reads the same bound
 * names and kit elements, annotates them the same way and prepends one import node with its ESTree.
 */
export function remarkMdxAutoImport(options: { root: string; autoImport: boolean }) {
  return function attach() {
    return (tree: RemarkNode, vfile: { path?: string; value?: unknown }) => {
      const path = vfile.path;
      if (!path?.endsWith('.mdx')) return;
      const file = relative(options.root, path).split('\\').join('/');
      const used = new Set<string>();
      const bound = new Set<string>();
      const walk = (node: RemarkNode): void => {
        if (node.type === 'mdxjsEsm' && typeof node.value === 'string')
          for (const name of boundNames(node.value)) bound.add(name);
        if (
          (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
          node.name &&
          KIT_NAMES.has(node.name)
        ) {
          used.add(node.name);
          const changed = annotated(node as JsxElement, file);
          if (changed) Object.assign(node, { attributes: changed.attributes, children: changed.children });
        }
        for (const child of node.children ?? []) walk(child);
      };
      walk(tree);
      const missing = KIT_COMPONENT_NAMES.filter((name) => used.has(name) && !bound.has(name));
      if (options.autoImport && missing.length) tree.children?.unshift(importNode(missing));
    };
  };
}

/** The parts of `config.markdown.processor` the registration needs (Astro 7; absent in Astro 5 and 6). */
interface MarkdownProcessor {
  name: string;
  options: { mdastPlugins?: unknown[] };
}

/**
 * Adds the transform to the configured Markdown processor: Sätteri (Astro 7's default) gets the mdast plugin, the
 * same way Starlight adds its own; any other pipeline (Astro 5 and 6, or another processor) gets the remark plugin
 * through `addRemarkPlugin`. Returns a note for the log saying which way it went when it is not Sätteri's.
 */
export function registerMdxAutoImport(
  processor: MarkdownProcessor | undefined,
  options: { root: string; autoImport: boolean },
  addRemarkPlugin: (plugin: ReturnType<typeof remarkMdxAutoImport>) => void,
): string | undefined {
  if (processor?.name === 'satteri' && Array.isArray(processor.options.mdastPlugins)) {
    processor.options.mdastPlugins.push(mdxAutoImport(options));
    return undefined;
  }
  addRemarkPlugin(remarkMdxAutoImport(options));
  if (!options.autoImport) return undefined;
  const pipeline = processor
    ? `the "${processor.name}" Markdown processor`
    : 'this Astro version (no Sätteri processor)';
  return (
    `MDX auto-import of the astro-cta components runs as a remark plugin with ${pipeline}: it needs @astrojs/mdx ` +
    `with extendMarkdownConfig (the default). If a component is "not defined", import it: ` +
    `import { CTA } from '${COMPONENTS_MODULE}';`
  );
}
