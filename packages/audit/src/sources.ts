import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const PAGE_EXTENSIONS = ['.astro', '.md', '.mdx', '.html', '.markdoc', '.ts', '.js'];

/**
 * Guesses the source file of each built route from a `src/pages` folder, as Astro maps files to routes:
 * `/pricing/` ← `src/pages/pricing.astro` or `src/pages/pricing/index.mdx`; a dynamic route (`[slug].astro`,
 * `[...path].astro`) in the closest folder is the fallback. Used by the CLI, which has no build data.
 */
export function guessSourcesFromPages(
  pagesDir: string,
  relativeTo = process.cwd(),
): (route: string) => string | undefined {
  const files = new Set(listFiles(pagesDir));
  const rel = (file: string) => path.relative(relativeTo, path.join(pagesDir, file)).split(path.sep).join('/');
  return (route) => {
    const clean = decodeURIComponent(route)
      .replace(/^\/+|\/+$/g, '')
      .replace(/\.html$/, '')
      .replace(/\/index$/, '');
    const candidates = clean === '' ? ['index'] : [clean, `${clean}/index`];
    for (const base of candidates) {
      for (const extension of PAGE_EXTENSIONS) if (files.has(`${base}${extension}`)) return rel(`${base}${extension}`);
    }
    // Dynamic routes: walk up from the route's folder looking for a [param] file.
    const segments = clean.split('/').filter(Boolean);
    for (let depth = segments.length - 1; depth >= 0; depth--) {
      const folder = segments.slice(0, depth).join('/');
      const dynamic = [...files].find(
        (file) => path.posix.dirname(file) === (folder || '.') && /^\[.+\]\.\w+$/.test(path.posix.basename(file)),
      );
      if (dynamic) return rel(dynamic);
    }
    return undefined;
  };
}

function listFiles(dir: string): string[] {
  try {
    if (!statSync(dir).isDirectory()) return [];
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  } catch {
    return [];
  }
}
