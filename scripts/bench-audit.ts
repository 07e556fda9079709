// The CTA audit's benchmark (npm run bench:audit): pages per second and peak memory for generated sites of 100,
// 1,000 and 5,000 realistic landing pages (20-60 KB each), on worker threads (the default) and on one thread,
// htmlparser2 against parse5 on the same pages, and the audit's share of a whole `astro build` of a 1,000-page
// site. Prints figures; never a pass/fail.
// Each run is a child process, so peak RSS is that run's own (worker threads included).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditDirectory, MAX_WORKERS, workersFor } from '@astro-cta/audit';
import { parseDocument } from 'htmlparser2';
import { parse as parse5 } from 'parse5';
import { landingPage, SUPPORT_ROUTES, supportPage } from './bench-audit-pages.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
// Under the repository so a generated Astro site resolves astro and astro-cta from its node_modules.
const work = path.join(repo, 'node_modules', '.cache', 'bench-audit');
const SIZES = [100, 1_000, 5_000];

if (process.argv[2] === '--child') {
  // One site size in a fresh process: audit it and report time and peak memory as JSON.
  const dir = process.argv[3]!;
  const workers = Number(process.argv[4]);
  let peakHeap = 0;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 5);
  const result = await auditDirectory(dir, { workers });
  clearInterval(sampler);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  // What the run holds on to once garbage is collected: the findings, not the pages.
  (globalThis as { gc?: () => void }).gc?.();
  const retained = process.memoryUsage().heapUsed;
  console.log(
    JSON.stringify({
      pages: result.pages,
      ms: result.durationMs,
      findings: result.findings.length,
      peakRss: process.resourceUsage().maxRSS * 1024,
      peakHeap,
      retained,
    }),
  );
  process.exit(0);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** `pages` landing pages, plus the few pages they link to so that their links resolve as on a real site. */
function generateSite(dir: string, pages: number): number {
  rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  for (let i = 0; i < pages; i++) {
    const html = landingPage(i, pages);
    mkdirSync(path.join(dir, `p${i}`), { recursive: true });
    writeFileSync(path.join(dir, `p${i}`, 'index.html'), html);
    bytes += html.length;
  }
  for (const route of SUPPORT_ROUTES) {
    mkdirSync(path.join(dir, route), { recursive: true });
    writeFileSync(path.join(dir, route, 'index.html'), supportPage(route));
  }
  return bytes;
}

console.log(
  `CTA audit benchmark on ${cpus().length} cores, Node ${process.version}, load average ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')} (figures scale with a busy machine)\n`,
);
console.log(
  'site size   | threads        | pages/s | audit time | peak RSS | main heap: peak, kept after GC | avg page | findings kept',
);
for (const size of SIZES) {
  const dir = path.join(work, `site-${size}`);
  const bytes = generateSite(dir, size);
  // One worker per core, and everything on the main thread; the audit's default for this size is marked with *.
  const threads = Math.min(availableParallelism(), MAX_WORKERS);
  const chosen = workersFor(size) > 0 ? String(threads) : '0';
  for (const [workers, name] of [
    [String(threads), `${threads} workers`],
    ['0', 'main thread'],
  ] as const) {
    const label = `${name}${workers === chosen ? ' *' : ''}`;
    const out = execFileSync(
      process.execPath,
      ['--expose-gc', fileURLToPath(import.meta.url), '--child', dir, workers],
      { encoding: 'utf8' },
    );
    const result = JSON.parse(out.trim().split('\n').at(-1)!);
    console.log(
      `${String(size).padStart(5)} pages | ${label.padEnd(14)} | ${String(Math.round(result.pages / (result.ms / 1000))).padStart(7)} | ${(result.ms / 1000).toFixed(2).padStart(8)} s | ${mb(result.peakRss).padStart(8)} | ${mb(result.peakHeap).padStart(9)}, ${mb(result.retained).padStart(6)}             | ${(bytes / size / 1024).toFixed(0)} KB    | ${result.findings}`,
    );
  }
}

// The parser choice: both parsers on the same 1,000 pages, with source locations (the audit needs line and column).
{
  const dir = path.join(work, 'site-1000');
  const pages = readdirSync(dir)
    .filter((name) => /^p\d+$/.test(name))
    .map((name) => readFileSync(path.join(dir, name, 'index.html'), 'utf8'));
  const time = (parse: (html: string) => unknown) => {
    const started = performance.now();
    for (const html of pages) parse(html);
    return performance.now() - started;
  };
  time((html) => parseDocument(html)); // warm-up
  const h2 = time((html) => parseDocument(html, { withStartIndices: true, withEndIndices: true }));
  const p5 = time((html) => parse5(html, { sourceCodeLocationInfo: true }));
  console.log(
    `\nparser on 1,000 pages: htmlparser2 ${Math.round(1000 / (h2 / 1000))} pages/s, parse5 ${Math.round(1000 / (p5 / 1000))} pages/s (htmlparser2 ${(p5 / h2).toFixed(1)}x faster)`,
  );
}

// The audit's share of a whole astro build of 1,000 pages: the same site built without and with the audit.
{
  const site = path.join(work, 'astro-1000');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(path.join(site, 'src', 'pages', 'p'), { recursive: true });
  writeFileSync(
    path.join(site, 'src', 'pages', 'p', '[id].astro'),
    `---
import { landingPage } from '${path.join(repo, 'scripts', 'bench-audit-pages.ts').split(path.sep).join('/')}';
export function getStaticPaths() { return Array.from({ length: 1000 }, (_, id) => ({ params: { id: String(id) } })); }
const html = landingPage(Number(Astro.params.id), 1000);
const body = html.slice(html.indexOf('<body>') + 6, html.lastIndexOf('</body>'));
---
<html lang="en"><head><meta charset="utf-8"><title>Page {Astro.params.id}</title></head><body set:html={body} /></html>
`,
  );
  // The pages the landing pages link to, as in the generated folders above.
  writeFileSync(
    path.join(site, 'src', 'pages', '[...support].astro'),
    `---
import { supportPage, SUPPORT_ROUTES } from '${path.join(repo, 'scripts', 'bench-audit-pages.ts').split(path.sep).join('/')}';
export function getStaticPaths() { return SUPPORT_ROUTES.map((route) => ({ params: { support: route.replace(/^\\/|\\/$/g, '') || undefined } })); }
const html = supportPage(Astro.url.pathname);
const body = html.slice(html.indexOf('<body>') + 6, html.lastIndexOf('</body>'));
---
<html lang="en"><head><meta charset="utf-8"><title>Acme</title></head><body set:html={body} /></html>
`,
  );
  const config = (audit: boolean) =>
    `import { defineConfig } from 'astro/config';\nimport astroCta from 'astro-cta';\nexport default defineConfig({ integrations: [astroCta({ audit: ${audit ? '{}' : 'false'} })] });\n`;
  const astro = path.join(repo, 'node_modules', 'astro', 'bin', 'astro.mjs');
  // The integration logs how long the audit took after the build and how many pages it audited while they
  // rendered (on a worker thread, beside Astro's own work).
  const build = (audit: boolean) => {
    writeFileSync(path.join(site, 'astro.config.mjs'), config(audit));
    const started = performance.now();
    const result = spawnSync(process.execPath, [astro, 'build', '--root', site], {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1' },
    });
    if (result.status !== 0)
      throw new Error(`astro build failed:\n${result.stdout.slice(-5000)}\n${result.stderr.slice(-5000)}`);
    const ms = performance.now() - started;
    const line = /CTA audit: ([\d.]+) (ms|s) after the build \(audited during rendering: (\d+) of (\d+) pages?\)/.exec(
      result.stdout + result.stderr,
    );
    return {
      ms,
      afterBuildMs: line ? Number(line[1]) * (line[2] === 's' ? 1000 : 1) : undefined,
      early: line ? `${line[3]} of ${line[4]}` : undefined,
    };
  };
  // Alternating runs, median of five each: a 2-core machine's build times wander by a second.
  const runs: Record<'without' | 'with', ReturnType<typeof build>[]> = { without: [], with: [] };
  for (let i = 0; i < 5; i++) {
    runs.without.push(build(false));
    runs.with.push(build(true));
  }
  const median = <T>(list: T[], key: (item: T) => number) =>
    list.map(key).sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  const without = median(runs.without, (run) => run.ms);
  const withAudit = median(runs.with, (run) => run.ms);
  const afterBuild = median(runs.with, (run) => run.afterBuildMs ?? NaN);
  const early = runs.with.map((run) => run.early);
  const alone = await auditDirectory(path.join(site, 'dist'));
  console.log(
    `\nastro build of 1,000 landing pages (median of 5): ${(without / 1000).toFixed(2)} s without the audit, ${(withAudit / 1000).toFixed(2)} s with it`,
  );
  console.log(
    `  every run, in order (s): without ${runs.without.map((run) => (run.ms / 1000).toFixed(2)).join(' ')}; with ${runs.with.map((run) => (run.ms / 1000).toFixed(2)).join(' ')}`,
  );
  console.log(
    `  time the audit adds to the build: ${((withAudit - without) / 1000).toFixed(2)} s = ${(((withAudit - without) / withAudit) * 100).toFixed(1)}% of the build with the audit`,
  );
  console.log(
    `  of which after Astro finished (astro:build:done): ${(afterBuild / 1000).toFixed(2)} s; pages audited while they rendered: ${early.join(', ')}`,
  );
  console.log(
    `  the same audit run alone on the built site: ${(alone.durationMs / 1000).toFixed(2)} s = ${((alone.durationMs / withAudit) * 100).toFixed(1)}% of the build's time`,
  );
}
