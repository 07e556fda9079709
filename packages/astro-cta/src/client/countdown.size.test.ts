import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * What a page with any number of countdowns downloads for them. Issue 3 set 700 B; issue 9 added the contract's
 * strict deadline reader (so every browser reads the same instant, never a guess) and its attribute names, which
 * took the enhancer from 699 B to about 850 B: the budget is 870 B, still a fraction of any countdown library.
 */
const ENHANCER_BUDGET_GZIP_BYTES = 870;

/** The enhancer as a page gets it: bundled with its imports, minified, as the component's <script> loads it. */
async function bundleEnhancer(): Promise<string> {
  const result = await build({
    stdin: {
      contents: "import './countdown.ts';",
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
      loader: 'ts',
    },
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
    console.log(
      `countdown enhancer: ${code.length} B minified, ${gzipBytes} B gzip (budget ${ENHANCER_BUDGET_GZIP_BYTES} B)`,
    );
  });

  it('has no dependencies: everything it imports is its own or the markup contract', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./countdown.ts', import.meta.url))],
      bundle: true,
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => /contract\/dist\/deadline\.js$/.test(input))).toBe(true); // the shared parser
    expect(
      inputs.filter((input) => !/src\/client\/countdown[\w-]*\.ts$|contract\/dist\/[\w-]+\.js$/.test(input)),
    ).toEqual([]);
  });
});
