// Builds the chooser (src/client/choose.ts) into dist/client/choose.js: a classic script, minified, that the
// integration serves as a file of the site and puts into the <head> of pages with offers or experiments. Built
// here, with the package, so every site ships the same measured bytes (budget: src/client/choose.size.test.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const result = await build({
  entryPoints: [new URL('../src/client/choose.ts', import.meta.url).pathname],
  bundle: true,
  minify: true,
  // Its code is one block: no imports, exports or globals, so it runs as a classic script.
  format: 'esm',
  target: 'es2022',
  write: false,
  logLevel: 'warning',
});
const code = result.outputFiles[0].text;
if (/\b(import|export)\b/.test(code)) throw new Error('build-chooser: the chooser must not import or export anything');
mkdirSync(new URL('../dist/client/', import.meta.url), { recursive: true });
writeFileSync(new URL('../dist/client/choose.js', import.meta.url), code);
