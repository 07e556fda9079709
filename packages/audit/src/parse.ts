import { type ChildNode, type Document, DomHandler, Element, isTag } from 'domhandler';
import { Parser, type ParserOptions } from 'htmlparser2';
import { elements } from './dom.ts';

/**
 * Elements nest at most this deep; deeper ones become children of the element at this depth. Chromium's parser
 * does the same at 512 levels. It keeps every walk over the tree, ours and the rules', fast and within the stack
 * on pathological markup (10,000 nested `<div>`s).
 */
export const MAX_DEPTH = 512;

/** DomHandler that stops nesting at MAX_DEPTH, as browsers do. */
class DepthLimitedHandler extends DomHandler {
  readonly #flattened: Element[] = [];
  /** Every element in the order its start tag was read, which is document order. */
  readonly elements: Element[] = [];
  #parser: Parser | undefined;

  override onparserinit(parser: Parser): void {
    this.#parser = parser;
    super.onparserinit(parser);
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    if (this.tagStack.length <= MAX_DEPTH) return super.onopentag(name, attribs);
    const element = new Element(name, attribs);
    this.addNode(element);
    this.#flattened.push(element);
  }

  /** Text and comments stay inside the flattened element they belong to, so a deep link keeps its name. */
  protected override addNode(node: ChildNode): void {
    if (isTag(node)) this.elements.push(node);
    const holder = this.#flattened.at(-1);
    if (!holder || isTag(node)) return super.addNode(node);
    if (this.#parser) {
      node.startIndex = this.#parser.startIndex;
      node.endIndex = this.#parser.endIndex;
    }
    const previous = holder.children.at(-1);
    holder.children.push(node);
    if (previous) {
      node.prev = previous;
      previous.next = node;
    }
    node.parent = holder;
    this.lastNode = null;
  }

  override onclosetag(): void {
    // Closing events arrive innermost first, and flattened elements are always the innermost open ones.
    const element = this.#flattened.pop();
    if (!element) return super.onclosetag();
    this.lastNode = null;
    if (this.#parser) element.endIndex = this.#parser.endIndex;
  }
}

/**
 * Open elements the parser itself tracks. htmlparser2 keeps its open-element stack with the innermost element
 * first (`unshift`, `indexOf` from the top), so each tag costs time in proportion to the depth: 800,000 nested
 * `<div>`s took minutes. Above this depth the outermost names move to a plain array (push/pop at its end, O(1))
 * and come back as the stack shrinks, so every tag costs at most this much. A closing tag whose element is deeper
 * than this is ignored, and a second `<form>` that deep is not noticed; real pages are nowhere near that deep.
 */
export const PARSER_STACK_LIMIT = 128;

/**
 * The parser's open-element stack, innermost first, holding at most PARSER_STACK_LIMIT names. A plain array with
 * its own `unshift` and `shift` (the only two ways htmlparser2 changes its length) rather than an Array subclass:
 * V8 runs the built-in array methods on a subclass through a slow path, which made every tag cost microseconds.
 */
function cappedStack(): string[] {
  const stack: string[] = [];
  /** The outer names that do not fit, outermost first (so the next one to come back is at the end). */
  const outer: string[] = [];
  const { shift, unshift } = Array.prototype;
  // htmlparser2 unshifts one name at a time.
  stack.unshift = (name: string) => {
    if (stack.length >= PARSER_STACK_LIMIT) outer.push(stack.pop()!);
    return unshift.call(stack, name);
  };
  stack.shift = () => {
    const name = shift.call(stack) as string | undefined;
    const back = outer.pop();
    if (back !== undefined) stack.push(back);
    return name;
  };
  return stack;
}

/** Gives a parser the capped stack; fails loudly if htmlparser2 renamed what it is replacing. */
function capStack(parser: Parser): Parser {
  const internals = parser as unknown as { stack: unknown };
  if (!Array.isArray(internals.stack) || internals.stack.length !== 0) {
    throw new Error('htmlparser2 no longer keeps its open elements in `stack`: update parse.ts (PARSER_STACK_LIMIT)');
  }
  internals.stack = cappedStack();
  return parser;
}

/**
 * Parses one built page. htmlparser2 is forgiving (never throws on malformed markup) and records each node's
 * start and end offsets, from which findings get their line, column and excerpt.
 */
export function parseHtml(html: string, parserOptions: ParserOptions = {}): Document {
  // Other options are for reading source files (source-match.ts: component names keep their case).
  const options = { withStartIndices: true, withEndIndices: true, decodeEntities: true, ...parserOptions };
  const handler = new DepthLimitedHandler(undefined, options);
  capStack(new Parser(handler, options)).end(html);
  remember(handler.root, handler.elements);
  return handler.root;
}

/**
 * A document's element list, kept on the document object itself: it lives and dies with the page, needs no
 * module-level cache and, unlike a WeakMap entry whose value points back into the tree, costs the garbage
 * collector nothing extra (a WeakMap made the 1,000-page benchmark about twice as slow).
 */
const ELEMENTS = Symbol('elements');
type WithElements = Document & { [ELEMENTS]?: readonly Element[] };

function remember(document: Document, list: readonly Element[]): readonly Element[] {
  Object.defineProperty(document, ELEMENTS, { value: list, enumerable: false });
  return list;
}

/**
 * Every element of the document in document order. Free for a page `parseHtml` parsed (recorded while parsing);
 * any other document (built by hand in tests) is walked once.
 */
export function documentElements(document: Document): readonly Element[] {
  return (document as WithElements)[ELEMENTS] ?? remember(document, elements(document.children));
}

/** Maps a string offset to a 1-based line and column. Built lazily: most pages have no finding. */
export class LineIndex {
  #starts: number[] | undefined;
  readonly #text: string;
  constructor(text: string) {
    this.#text = text;
  }

  locate(offset: number): { line: number; column: number } {
    const starts = (this.#starts ??= lineStarts(this.#text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
