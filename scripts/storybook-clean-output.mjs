// Run after `storybook build` (see the npm script storybook:build): the static Storybook must not carry paths of
// the machine that built it. @storybook-astro/framework renders stories on a development-mode Astro server, whose
// HTML holds absolute file paths: Astro's source annotations (data-astro-source-file/-loc), style ids
// (data-astro-build), the framework's `resolveFrom`, and each component's bundled <script> as a /abs/path/X.astro?astro
// URL that 404s in any browser. Those scripts are dropped (.storybook/preview.ts loads the countdown enhancer once
// for every story), annotations removed, other paths made relative to the repository. Exits non-zero if any
// absolute path of this checkout remains.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const out = path.resolve(repo, process.argv[2] ?? 'storybook-static');
const root = repo.replace(/\/$/, '');
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const rootPattern = escapeRegExp(root);
// Inside JSON strings the quotes of attributes are escaped (\"), in HTML/JS they are not: `\\?"` matches both.
const componentScript = new RegExp(
  `<script type=\\\\?"module\\\\?" src=\\\\?"${rootPattern}/[^"\\\\]*\\?astro&type=script[^"\\\\]*\\\\?"></script>`,
  'g',
);
const annotation = / data-astro-source-(?:file|loc)=\\?"[^"\\]*\\?"/g;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) yield* files(file);
    else if (/\.(?:html|js|json|css|map)$/.test(name)) yield file;
  }
}

let changed = 0;
const left = [];
for (const file of files(out)) {
  const before = readFileSync(file, 'utf8');
  const after = before
    .replace(componentScript, '')
    .replace(annotation, '')
    .replaceAll(`${root}/`, '')
    .replaceAll(root, '.');
  if (after !== before) {
    writeFileSync(file, after);
    changed++;
  }
  if (after.includes(root)) left.push(path.relative(repo, file));
}
if (left.length) {
  console.error(`Absolute paths of ${root} remain in: ${left.join(', ')}`);
  process.exit(1);
}
console.log(`storybook-static: no absolute build paths (${changed} file(s) rewritten).`);
