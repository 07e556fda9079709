// `npm run bench:beacon`: the beacon's bytes (esbuild bundle, minified; gzip -9; brotli 11) beside the published
// trackers' numbers from the reference (Plausible and Umami, min / gzip as measured with esbuild 0.28), then what a
// real `astro build` of the default configuration ships (tests/fixtures/beacon-defaults, built into a temporary
// directory; needs `npm run build:packages` first).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRIES, measure, measureShipped } from '../packages/beacon/measure.mjs';
import { DEFAULT_PAGE_SETTINGS } from '../packages/beacon/src/build.ts';

const REFERENCE = [
  ['Plausible v2 (npm tracker 0.4.6, all features)', 6434, 2670],
  ['Umami', 4559, 2202],
];
const BUDGET = 1024;

const format = (value) => (value === undefined ? '–' : value.toLocaleString('en-US'));
const rows = [];
for (const [name, entry] of Object.entries(ENTRIES)) {
  const { min, gzip, brotli } = await measure(entry);
  rows.push([`astro-cta ${name}`, min, gzip, brotli]);
}
const page = await measure('bench-default-page.ts', DEFAULT_PAGE_SETTINGS);
rows.push([
  'astro-cta default page (esbuild, build-time settings: core with the tab id and engagement)',
  page.min,
  page.gzip,
  page.brotli,
]);
const everything = await measure('bench-everything.ts');
rows.push([
  'astro-cta everything (core, consent, track, conversion, 4 sinks)',
  everything.min,
  everything.gzip,
  everything.brotli,
]);
for (const [name, min, gzip] of REFERENCE) rows.push([`${name} (reference)`, min, gzip, undefined]);

const width = Math.max(...rows.map(([name]) => name.length));
console.log(`${'bundle'.padEnd(width)}  ${'min'.padStart(7)}  ${'gzip'.padStart(7)}  ${'brotli'.padStart(7)}`);
for (const [name, min, gzip, brotli] of rows)
  console.log(
    `${name.padEnd(width)}  ${format(min).padStart(7)}  ${format(gzip).padStart(7)}  ${format(brotli).padStart(7)}`,
  );

const core = rows[0];
console.log(
  `\ncore: ${format(core[2])} bytes gzip; ` +
    `${(REFERENCE[0][2] / core[2]).toFixed(1)}x smaller than Plausible, ` +
    `${(REFERENCE[1][2] / core[2]).toFixed(1)}x smaller than Umami (gzip).`,
);

// The real thing: what Vite emits for the integration's page script in a default configuration.
const root = fileURLToPath(new URL('../tests/fixtures/beacon-defaults/', import.meta.url));
const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
if (!existsSync(fileURLToPath(new URL('../packages/beacon/dist/index.js', import.meta.url)))) {
  console.log('real build: skipped, run `npm run build:packages` first.');
} else {
  const out = mkdtempSync(join(tmpdir(), 'bench-beacon-'));
  try {
    execFileSync(process.execPath, [astro, 'build', '--root', root, '--outDir', out], { stdio: 'ignore' });
    const shipped = await measureShipped(out, 'index.html');
    const files = shipped.files.map((file) => `${file.path} ${format(file.gzip)}`).join(', ');
    console.log(
      `real astro build, default configuration (collector endpoint; tab id and engagement on): ` +
        `${format(shipped.gzip)} bytes gzip in ${shipped.files.length} file(s) [${files}]; ` +
        `budget ${format(BUDGET)} (${shipped.gzip <= BUDGET ? 'within' : `OVER by ${shipped.gzip - BUDGET}`}).`,
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
