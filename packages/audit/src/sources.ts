import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const PAGE_EXTENSIONS = ['.astro', '.md', '.mdx', '.html', '.markdoc', '.ts', '.js'];

/**
 * Guesses the source file of each built route from a `src/pages` folder, as Astro maps files to routes:
 * `/pricing/` ← `src/pages/pricing.astro` or `src/pages/pricing/index.mdx`; a dynamic route (`[slug].astro`,
 * `[...path].astro`) in the closest folder is the fallback, after a Markdown/MDX file under the source folder whose
 * path ends with the route (a content collection entry that route renders). Used by the CLI, which has no build data.
 */
export function guessSourcesFromPages(
  pagesDir: string,
  relativeTo = process.cwd(),
): (route: string) => string | undefined {
  const files = new Set(listFiles(pagesDir));
  const rel = (file: string) => path.relative(relativeTo, path.join(pagesDir, file)).split(path.sep).join('/');
  // Content rendered through a dynamic route: the Markdown file is the source, as the integration says in builds.
  // Only beside a folder named `pages` (Astro's layout): any other folder's parent is not known to hold sources.
  const contentFile =
    path.basename(pagesDir) === 'pages' ? contentFileFinder(path.dirname(pagesDir), relativeTo) : () => undefined;
  return (route) => {
    const clean = decodeURIComponent(route)
      .replace(/^\/+|\/+$/g, '')
      .replace(/\.html$/, '')
      .replace(/\/index$/, '');
    const candidates = clean === '' ? ['index'] : [clean, `${clean}/index`];
    for (const base of candidates) {
      for (const extension of PAGE_EXTENSIONS) if (files.has(`${base}${extension}`)) return rel(`${base}${extension}`);
    }
    const content = contentFile(route);
    if (content) return content;
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

/**
 * The Markdown/MDX file under `srcDir` that a route most likely renders: the shortest whose path, without its
 * extension, ends with the route (`/blog/first-invoice/` ← `src/content/blog/first-invoice.md`) or with the route and
 * `/index`. Content collections rendered through a dynamic route and Starlight pages map this way. Root-relative.
 * Shared by the integration and the CLI, so both name the same source and honour the same frontmatter opt-outs.
 */
export function contentFileFinder(srcDir: string, root: string): (route: string) => string | undefined {
  let files: string[] | undefined;
  return (route) => {
    files ??= listMarkdown(srcDir).map((file) => path.relative(root, file).split(path.sep).join('/'));
    const slug = (
      decodeURIComponent(route)
        .replace(/\.html$/, '')
        .replace(/^\/+|\/+$/g, '') || 'index'
    ).toLowerCase();
    let best: string | undefined;
    for (const file of files) {
      const withoutExtension = file.replace(/\.(?:md|mdx|markdoc)$/i, '').toLowerCase();
      const matches = withoutExtension.endsWith(`/${slug}`) || withoutExtension.endsWith(`/${slug}/index`);
      if (matches && (!best || file.length < best.length)) best = file;
    }
    return best;
  };
}

function listMarkdown(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter(
        (entry) =>
          entry.isFile() && /\.(?:md|mdx|markdoc)$/i.test(entry.name) && !entry.parentPath.includes('node_modules'),
      )
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
  } catch {
    return [];
  }
}
