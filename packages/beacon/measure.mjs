// Measures beacon bundles the way a size budget should: esbuild bundle, minified, then gzip -9 and brotli 11.
// Used by size.test.ts (the 1,024-byte budget of the core) and scripts/bench-beacon.mjs (the printed table).

import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const source = (path) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

/** Entries a site may ship; the core is what every site with the beacon ships. */
export const ENTRIES = {
  core: 'index.ts',
  'consent gate': 'consent.ts',
  track: 'track.ts',
  visits: 'visits.ts',
  'history (History API page views)': 'history.ts',
  'conversion (trackConversion)': 'conversion.ts',
  'destination (keepQuery)': 'destination.ts',
  'sink: plausible': 'sinks/plausible.ts',
  'sink: umami': 'sinks/umami.ts',
  'sink: ga4': 'sinks/ga4.ts',
  'sink: posthog': 'sinks/posthog.ts',
};

/** Minified, gzip -9 and brotli (quality 11) bytes of one entry bundled with everything it imports. */
export async function measure(entry) {
  const result = await build({
    entryPoints: [source(entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return {
    min: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    code: new TextDecoder().decode(code),
  };
}
