import { readFileSync, statSync } from 'node:fs';

/** Pages above this size are reported, not parsed: a 20 MB "page" is a mistake or not a page. */
export const MAX_PAGE_BYTES = 20 * 1024 * 1024;

export type ReadPage =
  | { ok: true; html: string; /** Set when the bytes were not valid UTF-8 and were read another way. */ note?: string }
  | { ok: false; reason: string };

/**
 * Reads a built page's bytes. Throws only `UnreadablePage`, whose message is the reason a finding can quote: not a
 * regular file, too large, or unreadable.
 */
export function readPageBytes(file: string): Uint8Array {
  try {
    const info = statSync(file);
    if (!info.isFile()) unreadable('it is not a regular file');
    if (info.size > MAX_PAGE_BYTES) {
      unreadable(`it is ${(info.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_PAGE_BYTES / 1024 / 1024} MB a page may have; it was not audited`);
    }
    return readFileSync(file);
  } catch (error) {
    throw error instanceof UnreadablePage ? error : new UnreadablePage(`it could not be read (${(error as Error).message})`);
  }
}

class UnreadablePage extends Error {
  override name = 'UnreadablePage';
}

function unreadable(reason: string): never {
  throw new UnreadablePage(reason);
}

/**
 * Decodes a built page without ever throwing: binary files come back as a reason (the caller turns it into a
 * finding), and text in another encoding is decoded by its BOM or `<meta charset>`.
 */
export function decodePage(bytes: Uint8Array): ReadPage {
  const bom = bomEncoding(bytes);
  if (bom) return { ok: true, html: new TextDecoder(bom).decode(bytes) };
  // A NUL byte never occurs in an HTML text file encoded as UTF-8 or a legacy 8-bit encoding: this is binary.
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: 'it is a binary file, not HTML' };
  const declared = declaredCharset(bytes);
  if (declared && declared !== 'utf-8') {
    try {
      return { ok: true, html: new TextDecoder(declared).decode(bytes) };
    } catch {
      // An encoding label the runtime does not know: fall through to UTF-8.
    }
  }
  try {
    return { ok: true, html: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      ok: true,
      html: new TextDecoder('windows-1252').decode(bytes),
      note: 'it is not valid UTF-8 and declares no other charset; it was read as windows-1252. Add <meta charset="utf-8"> and save it as UTF-8',
    };
  }
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The charset a page declares in its first 1024 bytes, as the HTML prescan does. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  const label = match?.[1]?.toLowerCase();
  if (!label) return undefined;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}
