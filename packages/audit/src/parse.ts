import { parseDocument } from 'htmlparser2';
import type { Document } from 'domhandler';

/**
 * Parses one built page. htmlparser2 is forgiving (never throws on malformed markup) and records each node's
 * start offset, from which findings get their line and column.
 */
export function parseHtml(html: string): Document {
  return parseDocument(html, { withStartIndices: true, withEndIndices: true, decodeEntities: true });
}

/** Maps a string offset to a 1-based line and column. Built lazily: most pages have no finding. */
export class LineIndex {
  #starts: number[] | undefined;
  constructor(private readonly text: string) {}

  locate(offset: number): { line: number; column: number } {
    const starts = (this.#starts ??= lineStarts(this.text));
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
