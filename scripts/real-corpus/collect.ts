// Copies a template's built pages into tests/fixtures/real-world/<template>/site: the .html files and the built
// CSS only (no images, scripts or fonts), and records every route of the build in routes.txt (links to pages left
// out of the committed subset are not dead). With --keep <file>, only the routes listed there (one a line) are
// copied, to cap large templates; without it every page is.
// Usage: node scripts/real-corpus/collect.ts <dist dir> <template name> [--keep <routes file>]
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const keepAt = args.indexOf('--keep');
const keepFile = keepAt >= 0 ? args.splice(keepAt, 2)[1] : undefined;
const [dist, template] = args;
if (!dist || !template) {
  console.error('Usage: node scripts/real-corpus/collect.ts <dist dir> <template name> [--keep <routes file>]');
  process.exit(2);
}
const target = fileURLToPath(new URL(`../../tests/fixtures/real-world/${template}/`, import.meta.url));
const site = path.join(target, 'site');
rmSync(site, { recursive: true, force: true });

const routeOf = (file: string) =>
  file === 'index.html' ? '/' : file.endsWith('/index.html') ? `/${file.slice(0, -10)}` : `/${file}`;
const files = readdirSync(dist, { recursive: true, encoding: 'utf8' })
  .map((file) => file.split(path.sep).join('/'))
  .sort();
const pages = files.filter((file) => file.endsWith('.html'));
const keep = keepFile
  ? new Set(
      readFileSync(keepFile, 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    )
  : undefined;
const unknown = keep ? [...keep].filter((route) => !pages.some((file) => routeOf(file) === route)) : [];
if (unknown.length > 0) {
  console.error(`${keepFile}: not in the build: ${unknown.join(', ')}`);
  process.exit(1);
}
let copied = 0;
for (const file of files) {
  const isPage = file.endsWith('.html');
  if (!isPage && !file.endsWith('.css')) continue;
  if (isPage && keep && !keep.has(routeOf(file))) continue;
  mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
  copyFileSync(path.join(dist, file), path.join(site, file));
  if (isPage) copied += 1;
}
writeFileSync(path.join(target, 'routes.txt'), `${pages.map(routeOf).join('\n')}\n`);
console.log(`${template}: ${copied} of ${pages.length} pages copied to ${path.relative(process.cwd(), site)}`);
