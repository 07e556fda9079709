// `npm run bench:beacon`: the beacon's bytes (esbuild bundle, minified; gzip -9; brotli 11) beside the published
// trackers' numbers from the reference (Plausible and Umami, min / gzip as measured with esbuild 0.28).
import { ENTRIES, measure } from '../packages/beacon/measure.mjs';

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
const page = await measure('bench-default-page.ts');
rows.push(['astro-cta default page (core, track, visits)', page.min, page.gzip, page.brotli]);
const everything = await measure('bench-everything.ts');
rows.push([
  'astro-cta everything (core, consent, track, visits, conversion, 4 sinks)',
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
  `\ncore budget: ${format(core[2])} of ${format(BUDGET)} bytes gzip (${core[2] <= BUDGET ? 'within' : 'OVER'}); ` +
    `${(REFERENCE[0][2] / core[2]).toFixed(1)}x smaller than Plausible, ${(REFERENCE[1][2] / core[2]).toFixed(1)}x smaller than Umami (gzip).`,
);
