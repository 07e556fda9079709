import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * A Markdown or MDX page opts out of the audit in its frontmatter:
 * `ctaAudit: false` leaves the page out; `ctaAudit: { ignore: [page-no-cta] }` turns rules off for it.
 * Read from the source file itself, so it works whatever Markdown processor or content cache the build uses.
 */
export type FrontmatterOptOut = 'all' | readonly string[] | undefined;

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

export function optOutFromSource(text: string): FrontmatterOptOut {
  const block = FRONTMATTER.exec(text)?.[1];
  if (!block?.includes('ctaAudit')) return undefined;
  let data: unknown;
  try {
    data = parse(block);
  } catch {
    // Astro reports broken frontmatter itself; the audit simply finds no opt-out.
    return undefined;
  }
  const value = (data as { ctaAudit?: unknown } | null)?.ctaAudit;
  if (value === false) return 'all';
  const ignore = (value as { ignore?: unknown } | null)?.ignore;
  if (Array.isArray(ignore)) return ignore.map(String);
  if (typeof ignore === 'string') return [ignore];
  return undefined;
}

/** Reads a source file's opt-out once per file; `.astro` and other non-Markdown sources have none. */
export function frontmatterReader(
  resolve: (source: string) => string,
): (source: string | undefined) => FrontmatterOptOut {
  const cache = new Map<string, FrontmatterOptOut>();
  return (source) => {
    if (!source || !/\.(?:md|mdx|markdown|markdoc)$/i.test(source)) return undefined;
    if (!cache.has(source)) {
      let value: FrontmatterOptOut;
      try {
        value = optOutFromSource(readFileSync(resolve(source), 'utf8'));
      } catch {
        value = undefined;
      }
      cache.set(source, value);
    }
    return cache.get(source);
  };
}
