import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** The budget from issue 3: what a page with any number of countdowns downloads for them. */
const ENHANCER_BUDGET_GZIP_BYTES = 700;

/** The enhancer as a page gets it: bundled with its imports, minified, as the component's <script> loads it. */
async function bundleEnhancer(): Promise<string> {
  const result = await build({
    stdin: { contents: "import './countdown.ts';", resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('countdown enhancer size', () => {
  it(`stays within ${ENHANCER_BUDGET_GZIP_BYTES} B gzip, minified`, async () => {
    const code = await bundleEnhancer();
    const gzipBytes = gzipSync(code, { level: 9 }).byteLength;
    expect(code).toContain('data-cta-countdown'); // the real module, not an empty bundle
    expect(gzipBytes).toBeLessThanOrEqual(ENHANCER_BUDGET_GZIP_BYTES);
  });

  it('has no dependencies: everything it imports is its own', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./countdown.ts', import.meta.url))],
      bundle: true,
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.every((input) => /src\/client\/countdown[\w-]*\.ts$/.test(input))).toBe(true);
  });
});
