// Measures beacon bundles the way a size budget should: esbuild bundle, minified, then gzip -9 and brotli 11.
// Used by size.test.ts, tests/e2e/beacon/budget.spec.ts (measureShipped: a real build) and scripts/bench-beacon.mjs.

import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const source = (path) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

/** Entries a site may ship; the core is what every site with the beacon ships. */
export const ENTRIES = {
  'core (with the tab id and engagement)': 'index.ts',
  'consent gate': 'consent.ts',
  track: 'track.ts',
  'history (History API page views)': 'history.ts',
  'conversion (trackConversion)': 'conversion.ts',
  'destination (keepQuery)': 'destination.ts',
  'sink: plausible': 'sinks/plausible.ts',
  'sink: umami': 'sinks/umami.ts',
  'sink: ga4': 'sinks/ga4.ts',
  'sink: posthog': 'sinks/posthog.ts',
};

/**
 * Minified, gzip -9 and brotli (quality 11) bytes of one entry bundled with everything it imports. `settings` fixes
 * the core's build-time settings (src/settings.ts replaced by src/build.ts's module) as the astro-cta integration does.
 */
export async function measure(entry, settings) {
  const settingsFile = source('settings.ts');
  const fixSettings = {
    name: 'build-settings',
    setup: (build) =>
      build.onLoad({ filter: /settings\.ts$/ }, async (args) =>
        args.path === settingsFile && settings
          ? { contents: (await import('./src/build.ts')).settingsModule(settings), loader: 'js' }
          : undefined,
      ),
  };
  const result = await build({
    entryPoints: [source(entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    plugins: [fixSettings],
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

/**
 * What a built page ships of the beacon: the module script that posts to `endpoint` (the integration's page script)
 * and every module it imports statically, each gzip -9 on its own as each is its own request. `dist` is the build's
 * client directory, `page` an HTML file in it. Returns undefined when the page has no beacon script.
 */
export async function measureShipped(dist, page, endpoint = '/api/cta') {
  const { readFile } = await import('node:fs/promises');
  const { join, posix } = await import('node:path');
  const html = await readFile(join(dist, page), 'utf8');
  for (const [, src] of html.matchAll(/<script type="module" src="(\/[^"]+\.js)"/g)) {
    const files = [];
    const seen = new Set();
    const visit = async (path) => {
      if (seen.has(path)) return;
      seen.add(path);
      const code = await readFile(join(dist, path));
      files.push({ path, bytes: code.length, gzip: gzipSync(code, { level: 9 }).length, code: code.toString() });
      // Static imports of a minified chunk: import{a as b}from"./x.js" and import"./x.js".
      for (const [, target] of code.toString().matchAll(/import(?:[^"'`()]*?from)?\s*["'](\.{1,2}\/[^"']+)["']/g))
        await visit(posix.join(posix.dirname(path), target));
    };
    await visit(src);
    if (files[0].code.includes(JSON.stringify(endpoint).slice(1, -1)))
      return { files, gzip: files.reduce((sum, file) => sum + file.gzip, 0) };
  }
  return undefined;
}
