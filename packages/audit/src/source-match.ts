import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { textContent } from 'domutils';
import { collapse } from './dom.ts';
import { LineIndex, parseHtml } from './parse.ts';
import type { Finding } from './types.ts';

/**
 * Where a built element is written in the project's sources, found after `astro build` (which leaves out the
 * `data-astro-source-*` annotations of `astro dev`) by matching the element against the elements and component
 * calls written in `src/`:
 *
 * - each `.astro`, `.md`, `.mdx`, `.markdoc` and `.html` file under `src/` is read once with htmlparser2 (its
 *   frontmatter blanked out, so offsets stay the file's own), Markdown links `[text](href)` as `<a>` elements;
 * - a written HTML element matches a built one when its tag is the same, every literal attribute it has is in the
 *   built element with that value (its classes a subset of the built ones) and its literal text is in the built
 *   text; a component call (`<Button href="/signup">Start</Button>`) matches on literal props equal to the built
 *   element's attributes or text, and on its literal children;
 * - only distinctive evidence counts (text, href, id, data-cta, aria-label, action, name): classes alone never do;
 * - a tie between two places is not guessed: the finding then keeps its page's source file only.
 *
 * Astro's own compiler is not used: its parser differs between Astro 5/6 (Go, WebAssembly) and 7 (Rust) and is not
 * a public API. A written element inside the page's own imports (transitively) is preferred and more certain.
 */

export interface WrittenSource {
  /** Root-relative, forward slashes. */
  file: string;
  line: number;
  column: number;
  /** How the place was found: Astro's annotation in the page, or matching the element against `src/`. */
  via: 'annotation' | 'match';
  /** 0 to 1: 1 for annotations; for matches, how strong and unique the evidence is. */
  confidence: number;
  /** For matches: what matched (e.g. `text`, `href`). */
  matchedOn?: string[];
}

interface Written {
  file: string;
  line: number;
  column: number;
  /** Lowercased for HTML elements; as written for components (`Button`, `Astro.Button`). */
  tag: string;
  component: boolean;
  /** Attributes with a literal value. */
  literal: Map<string, string>;
  /** Literal pieces of the element's text (the parts between `{expressions}`), collapsed, non-empty. */
  text: string[];
  /**
   * A whole word of the literal text that the built text must contain as a word too, for the candidate index;
   * undefined when every piece is cut by expressions on both sides (`{n}k{unit}`).
   */
  word?: string | undefined;
}

const SOURCE_EXTENSIONS = /\.(?:astro|md|mdx|markdoc|html)$/i;
/** Attributes whose equal values are evidence for where an element is written (classes alone are not). */
const DISTINCTIVE = new Set(['href', 'id', 'data-cta', 'aria-label', 'action', 'name', 'src', 'alt', 'title']);
/** Astro directives and attributes Astro rewrites: their written value is not what the built page holds. */
const DIRECTIVE = /^(?:class:list|set:|is:|define:vars|transition:|client:|server:|slot$)/;
/** Attributes Astro adds while building (scoped-style ids, dev annotations). */
const ADDED_BY_ASTRO = /^(?:data-astro-cid-|data-astro-source-|data-astro-transition)/;
const SCOPED_CLASS = /^astro-[a-z\d]{8}$/i;
const MAX_FILE_BYTES = 1_000_000;
const MAX_FILES = 5000;

/** The sources of one project: read on first use, then kept for the run. */
export class SourceIndex {
  readonly #srcDir: string;
  readonly #root: string;
  #written: Written[] | undefined;
  #aliases: Array<[prefix: string, target: string]> | undefined;
  readonly #closures = new Map<string, Set<string>>();

  readonly #exclude: readonly string[];

  /**
   * `srcDir` holds the sources (Astro's `srcDir`, usually `<root>/src`); file names are reported from `root`.
   * `exclude`: folders that are not sources even when under `srcDir`, such as the audited build itself.
   */
  constructor(srcDir: string, root: string, exclude: readonly string[] = []) {
    this.#srcDir = path.resolve(srcDir);
    this.#root = path.resolve(root);
    this.#exclude = exclude.map((folder) => path.resolve(folder));
  }

  /** Every element and component call written under the source folder. */
  written(): readonly Written[] {
    if (!this.#written) {
      this.#written = [];
      for (const file of listSources(this.#srcDir, this.#exclude))
        this.#written.push(...readWritten(file, this.#relative(file)));
    }
    return this.#written;
  }

  /** Written elements by the evidence that can match them: a literal value (`v:`) or a whole word (`w:`). */
  #byKey: Map<string, Written[]> | undefined;
  /** Written elements whose literal text is all cut by expressions: checked against every built element. */
  #unkeyed: Written[] = [];

  /**
   * The written elements that can account for a built element: only those sharing a distinctive value or a word
   * of text with it are scored (a thousand findings against 13,000 written elements took 20 s when all were).
   */
  candidates(built: Built): Written[] {
    if (!this.#byKey) {
      this.#byKey = new Map();
      const add = (key: string, written: Written) => {
        const list = this.#byKey!.get(key);
        if (list) list.push(written);
        else this.#byKey!.set(key, [written]);
      };
      for (const written of this.written()) {
        for (const [name, value] of written.literal) {
          if ((written.component || DISTINCTIVE.has(name)) && value.trim() !== '') add(`v:${value}`, written);
          if (written.component && value.trim() !== '') add(`v:${collapse(value)}`, written);
        }
        if (written.word) add(`w:${written.word}`, written);
        else if (written.text.length > 0) this.#unkeyed.push(written);
      }
    }
    const found = new Set<Written>(this.#unkeyed);
    const look = (key: string) => {
      for (const written of this.#byKey!.get(key) ?? []) found.add(written);
    };
    for (const value of built.attributes.values()) look(`v:${value}`);
    look(`v:${built.text}`);
    for (const word of new Set(built.text.split(' '))) look(`w:${word}`);
    return [...found];
  }

  /** The page's source and every source file it imports, transitively (root-relative). */
  closure(pageSource: string | undefined): ReadonlySet<string> {
    if (!pageSource) return new Set();
    let found = this.#closures.get(pageSource);
    if (found) return found;
    found = new Set();
    const queue = [path.resolve(this.#root, pageSource)];
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      const relative = this.#relative(file);
      if (found.has(relative) || found.size > 500) continue;
      found.add(relative);
      for (const imported of this.#imports(file)) queue.push(imported);
    }
    this.#closures.set(pageSource, found);
    return found;
  }

  #relative(file: string): string {
    return path.relative(this.#root, file).split(path.sep).join('/');
  }

  /** Source files a file imports (`import X from './X.astro'`, `~/…`/`@/…` aliases, a Markdown `layout:`). */
  #imports(file: string): string[] {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return [];
    }
    const specifiers = [
      ...[...text.matchAll(/\bimport\s+(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/g)].map((match) => match[1]!),
      ...[...text.matchAll(/^layout:\s*['"]?([^'"\n]+?)['"]?\s*$/gm)].map((match) => match[1]!),
    ];
    const resolved: string[] = [];
    for (const specifier of specifiers) {
      const target = this.#resolve(specifier, path.dirname(file));
      if (target && SOURCE_EXTENSIONS.test(target)) resolved.push(target);
    }
    return resolved;
  }

  #resolve(specifier: string, from: string): string | undefined {
    let base: string | undefined;
    if (specifier.startsWith('.')) base = path.resolve(from, specifier);
    else if (specifier.startsWith('/')) base = path.join(this.#root, specifier);
    else {
      for (const [prefix, target] of this.#pathAliases()) {
        if (specifier.startsWith(prefix)) base = path.join(target, specifier.slice(prefix.length));
      }
    }
    if (!base) return undefined;
    for (const candidate of [base, `${base}.astro`, path.join(base, 'index.astro')]) {
      if (isFile(candidate)) return candidate;
    }
    return undefined;
  }

  /** `compilerOptions.paths` of the project's tsconfig.json (`"@/*": ["src/*"]`), and `~/` for `src/`. */
  #pathAliases(): Array<[string, string]> {
    if (this.#aliases) return this.#aliases;
    this.#aliases = [['~/', this.#srcDir]];
    try {
      // tsconfig.json may have comments and trailing commas: strip them before parsing.
      const raw = readFileSync(path.join(this.#root, 'tsconfig.json'), 'utf8')
        .replace(/\/\*[\s\S]*?\*\/|(?<![:"\w])\/\/.*$/gm, '')
        .replace(/,(\s*[}\]])/g, '$1');
      const options = (JSON.parse(raw) as { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } })
        .compilerOptions;
      const baseUrl = path.resolve(this.#root, options?.baseUrl ?? '.');
      for (const [alias, targets] of Object.entries(options?.paths ?? {})) {
        const target = targets[0];
        if (!alias.endsWith('/*') || !target?.endsWith('/*')) continue;
        this.#aliases.unshift([alias.slice(0, -1), path.resolve(baseUrl, target.slice(0, -1))]);
      }
    } catch {
      // No tsconfig, or one we cannot read: relative imports still resolve.
    }
    return this.#aliases;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Folders that never hold sources: installed packages, build output, Astro's cache. */
const NOT_SOURCES = /(?:^|[\\/])(?:node_modules|dist|\.astro|\.git)(?:[\\/]|$)/;

function listSources(dir: string, exclude: readonly string[]): string[] {
  const excluded = (folder: string) =>
    NOT_SOURCES.test(path.relative(dir, folder)) ||
    exclude.some((out) => folder === out || folder.startsWith(`${out}${path.sep}`));
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && SOURCE_EXTENSIONS.test(entry.name) && !excluded(entry.parentPath))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort()
      .slice(0, MAX_FILES);
  } catch {
    return [];
  }
}

/** The frontmatter (`---` … `---` at the top) replaced by spaces, newlines kept: offsets stay the file's own. */
function blankFrontmatter(text: string): string {
  const match = /^(?:\uFEFF)?---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/.exec(text);
  return match ? match[0].replace(/[^\n]/g, ' ') + text.slice(match[0].length) : text;
}

/** The elements and component calls written in one source file. */
function readWritten(file: string, relative: string): Written[] {
  let text: string;
  try {
    if (statSync(file).size > MAX_FILE_BYTES) return [];
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const body = blankFrontmatter(text);
  const lines = new LineIndex(text);
  const found: Written[] = [];
  // The audit's own parser: it stays linear however deep the markup nests.
  const document = parseHtml(body, {
    lowerCaseTags: false,
    lowerCaseAttributeNames: false,
    recognizeSelfClosing: true,
  });
  const stack = [...document.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    stack.push(...node.children);
    if (node.name === 'script' || node.name === 'style') continue;
    const written = describeWritten(node);
    if (written) found.push({ ...written, file: relative, ...lines.locate(node.startIndex ?? 0) });
  }
  if (/\.(?:md|mdx|markdoc)$/i.test(file)) {
    // Markdown links: [text](href "title"). Images (![alt](src)) are not links.
    for (const match of body.matchAll(/(?<!!)\[([^\]\n]+)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      const linkText = collapse(match[1]!.replace(/[*_`]/g, ''));
      found.push({
        file: relative,
        ...lines.locate(match.index),
        tag: 'a',
        component: false,
        literal: new Map([['href', match[2]!]]),
        text: linkText ? [linkText] : [],
        word: linkText ? linkText.split(' ')[0] : undefined,
      });
    }
  }
  return found;
}

function describeWritten(node: Element): Omit<Written, 'file' | 'line' | 'column'> | undefined {
  const component = /^[A-Z]|\./.test(node.name);
  const literal = new Map<string, string>();
  for (const [name, value] of Object.entries(node.attribs)) {
    if (name.startsWith('{') || DIRECTIVE.test(name)) continue;
    // Expressions (`href={url}`) and template literals are not literal values.
    if (/^\s*[{`]/.test(value)) continue;
    literal.set(component ? name : name.toLowerCase(), value);
  }
  const { pieces, word } = literalText(node);
  return { tag: component ? node.name : node.name.toLowerCase(), component, literal, text: pieces, word };
}

/**
 * The literal text of a written element: its text with `{expressions}` cut out, in pieces, and one word of it that
 * is whole whatever the expressions render (for the candidate index).
 */
function literalText(node: Element): { pieces: string[]; word: string | undefined } {
  let raw = '';
  const stack = [...node.children].reverse();
  while (stack.length > 0) {
    const child = stack.pop()!;
    if (isText(child)) raw += child.data;
    else if (isTag(child) && child.name !== 'script' && child.name !== 'style') {
      // A component renders text of its own, as an expression does; an HTML tag is a word boundary at most.
      raw += /^[A-Z]|\./.test(child.name) ? '{}' : ' ';
      stack.push(...[...child.children].reverse());
    }
  }
  const cut = cutExpressions(raw).filter((piece) => /[\p{L}\p{N}]/u.test(piece.text));
  let word: string | undefined;
  for (const piece of cut) {
    const words = collapse(piece.text).split(' ');
    // A word touching an expression may be the end of a longer rendered word (`{n}px`): not whole.
    const first = piece.afterExpression && !/^\s/.test(piece.text) ? 1 : 0;
    const last = piece.beforeExpression && !/\s$/.test(piece.text) ? words.length - 2 : words.length - 1;
    if (first <= last) {
      word = words[first];
      break;
    }
  }
  return { pieces: cut.map((piece) => collapse(piece.text)), word };
}

/** Text outside `{…}` (balanced braces), in pieces, with whether an expression is right before or after each. */
function cutExpressions(text: string): { text: string; afterExpression: boolean; beforeExpression: boolean }[] {
  const pieces: { text: string; afterExpression: boolean; beforeExpression: boolean }[] = [];
  let depth = 0;
  let current = '';
  let afterExpression = false;
  for (const char of text) {
    if (char === '{') {
      if (depth === 0 && current) pieces.push({ text: current, afterExpression, beforeExpression: true });
      if (depth === 0) current = '';
      depth += 1;
    } else if (char === '}' && depth > 0) {
      depth -= 1;
      if (depth === 0) afterExpression = true;
    } else if (depth === 0) current += char;
  }
  if (current) pieces.push({ text: current, afterExpression, beforeExpression: false });
  return pieces;
}

export interface Built {
  tag: string;
  attributes: Map<string, string>;
  classes: Set<string>;
  text: string;
}

/** What a match depends on: tag, attributes and text. */
function signature(element: Element): string {
  const built = describeBuilt(element);
  return JSON.stringify([built.tag, [...built.attributes], built.text]);
}

function describeBuilt(element: Element): Built {
  const attributes = new Map<string, string>();
  for (const [name, value] of Object.entries(element.attribs)) {
    if (!ADDED_BY_ASTRO.test(name)) attributes.set(name.toLowerCase(), value);
  }
  const classes = new Set((attributes.get('class') ?? '').split(/\s+/).filter((c) => c && !SCOPED_CLASS.test(c)));
  return { tag: element.name.toLowerCase(), attributes, classes, text: collapse(textContent(element)) };
}

/** How well a written element accounts for a built one: undefined when it cannot be it. */
function score(written: Written, built: Built): { points: number; matchedOn: string[] } | undefined {
  let points = 0;
  const matchedOn: string[] = [];
  if (written.component) {
    // A component call: its literal props that reappear in the element (href="/signup"), or as its text.
    for (const [name, value] of written.literal) {
      if (value.trim() === '') continue;
      const attribute = [...built.attributes].find(([, builtValue]) => builtValue === value);
      if (attribute && DISTINCTIVE.has(attribute[0])) {
        points += 3;
        matchedOn.push(attribute[0]);
      } else if (collapse(value) === built.text) {
        points += 3;
        matchedOn.push(`text (prop ${name})`);
      }
    }
  } else {
    if (written.tag !== built.tag) return undefined;
    // Cheap rejections first: most candidates share a word of text and differ in a literal attribute.
    for (const [name, value] of written.literal) {
      if (name !== 'class' && name !== 'style' && built.attributes.get(name) !== value) return undefined;
    }
    for (const [name, value] of written.literal) {
      if (name === 'class') {
        const classes = value.split(/\s+/).filter(Boolean);
        if (!classes.every((c) => built.classes.has(c))) return undefined;
        points += Math.min(classes.length, 2) * 0.5;
        continue;
      }
      const builtValue = built.attributes.get(name);
      if (builtValue === undefined || (builtValue !== value && name !== 'style')) return undefined;
      if (DISTINCTIVE.has(name) && value.trim() !== '') {
        points += 3;
        matchedOn.push(name);
      }
    }
  }
  if (written.text.length > 0) {
    if (!written.text.every((piece) => built.text.includes(piece))) return undefined;
    points += written.text.join(' ') === built.text ? 4 : 2;
    matchedOn.push('text');
  }
  // Only distinctive evidence counts: a class or a tag name alone matches too many places.
  return matchedOn.length > 0 ? { points, matchedOn } : undefined;
}

/** Where a built element is written, or undefined when no written element matches it for sure. */
export function locateWritten(
  element: Element,
  index: SourceIndex,
  pageSource: string | undefined,
): WrittenSource | undefined {
  const built = describeBuilt(element);
  const closure = index.closure(pageSource);
  let best: { written: Written; points: number; matchedOn: string[] }[] = [];
  for (const written of index.candidates(built)) {
    const result = score(written, built);
    if (!result) continue;
    // The page's own imports are where its elements come from: prefer them.
    const points = result.points + (closure.has(written.file) ? 2 : 0);
    if (best.length === 0 || points > best[0]!.points) best = [{ written, points, matchedOn: result.matchedOn }];
    else if (points === best[0]!.points) best.push({ written, points, matchedOn: result.matchedOn });
  }
  const places = new Set(best.map((b) => `${b.written.file}:${b.written.line}:${b.written.column}`));
  // Two places account for the element equally well: do not guess.
  if (places.size !== 1) return undefined;
  const { written, points, matchedOn } = best[0]!;
  const inClosure = closure.has(written.file);
  const confidence = Math.min(0.95, 0.5 + (points >= 6 ? 0.25 : 0.1) + (inClosure ? 0.2 : 0));
  return { file: written.file, line: written.line, column: written.column, via: 'match', confidence, matchedOn };
}

/**
 * Adds where each finding's element is written (`finding.source`) to findings that do not have it yet: each built
 * page with findings is read and parsed once more, its elements found by the finding's line and column.
 * Findings on the page itself (no line) keep the page's source file (`sourceHint`) only.
 */
export function addWrittenSources(
  findings: readonly Finding[],
  readBuilt: (file: string) => string | undefined,
  index: SourceIndex,
): Finding[] {
  const byFile = new Map<string, Map<string, Element>>();
  const elementsAt = (file: string): Map<string, Element> => {
    let found = byFile.get(file);
    if (found) return found;
    found = new Map();
    byFile.set(file, found);
    const html = readBuilt(file);
    if (html === undefined) return found;
    const lines = new LineIndex(html);
    const document = parseHtml(html);
    const stack = [...document.children];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (!isTag(node)) continue;
      stack.push(...node.children);
      const { line, column } = lines.locate(node.startIndex ?? 0);
      found.set(`${line}:${column}`, node);
    }
    return found;
  };
  // The same element on many pages (a header CTA flagged on each) is matched once.
  const matched = new Map<string, WrittenSource | undefined>();
  return findings.map((finding) => {
    if (finding.source || finding.line === undefined || !finding.file) return finding;
    try {
      const element = elementsAt(finding.file).get(`${finding.line}:${finding.column ?? 1}`);
      if (!element) return finding;
      const key = `${finding.sourceHint ?? ''}\0${signature(element)}`;
      if (!matched.has(key)) matched.set(key, locateWritten(element, index, finding.sourceHint));
      const source = matched.get(key);
      return source ? { ...finding, source } : finding;
    } catch {
      // A page too deep or too odd to match: the finding keeps its page's source file, the others go on.
      return finding;
    }
  });
}
