import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** Pages above this size are reported, not parsed: a 20 MB "page" is a mistake or not a page. */
export const MAX_PAGE_BYTES = 20 * 1024 * 1024;

export type ReadPage =
  | { ok: true; html: string /** Set when the bytes were not valid UTF-8 and were read another way. */; note?: string }
  | { ok: false; reason: string };

/**
 * Reads a built page's bytes: the one reader for every file the audit opens (pages it audits and pages a
 * `#fragment` link points to). With `root`, a file whose real path (symbolic links resolved) is outside that
 * folder is never read: a link to `~/.env` must not end up quoted in a report. Only regular files up to
 * MAX_PAGE_BYTES are read: a FIFO would block forever and `/dev/zero` never ends. Throws only `UnreadablePage`,
 * whose message is the reason a finding can quote.
 */
export function readPageBytes(file: string, root?: string): Uint8Array {
  let fd: number | undefined;
  try {
    const real = realpathSync(file);
    if (root !== undefined && !isInside(real, realRoot(root))) {
      unreadable('it is a symbolic link to a file outside the audited folder, which the audit never reads');
    }
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer; the checks below then refuse it.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    if (!info.isFile()) unreadable('it is not a regular file');
    if (info.size > MAX_PAGE_BYTES) tooLarge(info.size);
    return readAtMost(fd, info.size);
  } catch (error) {
    throw error instanceof UnreadablePage
      ? error
      : new UnreadablePage(`it could not be read (${(error as Error).message})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The file's bytes, never more than MAX_PAGE_BYTES even when it grows while it is read. */
function readAtMost(fd: number, expected: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  let chunk = Buffer.allocUnsafe(Math.max(1, Math.min(expected + 1, MAX_PAGE_BYTES + 1)));
  for (;;) {
    const read = readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    total += read;
    if (total > MAX_PAGE_BYTES) tooLarge(total);
    chunk = Buffer.allocUnsafe(64 * 1024);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/** Real paths of the audited folders, resolved once per folder. */
const realRoots = new Map<string, string>();

function realRoot(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) {
    real = realpathSync(root);
    realRoots.set(root, real);
  }
  return real;
}

export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
}

class UnreadablePage extends Error {
  override name = 'UnreadablePage';
}

function unreadable(reason: string): never {
  throw new UnreadablePage(reason);
}

function tooLarge(bytes: number): never {
  const size = `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  unreadable(`it is larger (${size}) than the ${MAX_PAGE_BYTES / 1024 / 1024} MB a page may have; it was not audited`);
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
