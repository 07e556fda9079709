// Compares the audit of this checkout with the audit at another commit, on one thread, on the same generated site of
// landing pages: `node scripts/bench-audit-ab.ts <commit> [pages=1000] [rounds=4]`. On a shared machine the
// absolute figures of `npm run bench:audit` move with the load; runs of both versions taken in turns (ABBA) move
// together, so their medians can be compared. Also checks that both find the same (message ids aside).
// Prints figures; never a pass/fail.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { landingPage, SUPPORT_ROUTES, supportPage } from './bench-audit-pages.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const NOW = new Date('2026-11-30T00:00:00Z');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const change = (before: number, after: number) =>
  `${after >= before ? '+' : ''}${(((after - before) / before) * 100).toFixed(1)}%`;

if (process.argv[2] === '--child') {
  // One audit of the site with one version of the engine, in a fresh process: its time and what it found.
  const [, , , entry, dir] = process.argv;
  const { auditDirectory } = await import(entry!);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const { findings } = await auditDirectory(dir, { workers: 0, now: NOW });
  const ms = performance.now() - started;
  // CPU time moves less than wall time with the machine's load (it still does: caches and memory are shared).
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const comparable = findings.map(({ messageId: _id, ...rest }: { messageId?: string }) => rest);
  const digest = createHash('sha256').update(JSON.stringify(comparable)).digest('hex');
  console.log(JSON.stringify({ ms, cpuMs, findings: findings.length, digest }));
  process.exit(0);
}

const [ref, pagesArg, roundsArg] = process.argv.slice(2);
if (!ref) {
  console.error('Usage: node scripts/bench-audit-ab.ts <commit> [pages=1000] [rounds=4]');
  process.exit(2);
}
const pages = Number(pagesArg ?? 1000);
const rounds = Number(roundsArg ?? 4);
// Outside node_modules: Node strips types from .ts files only there. node_modules is linked so imports resolve.
const work = mkdtempSync(path.join(tmpdir(), 'bench-audit-ab-'));
try {
  const archive = execFileSync('git', ['-C', repo, 'archive', ref, 'packages/audit/src'], { maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', work], { input: archive });
  symlinkSync(path.join(repo, 'node_modules'), path.join(work, 'node_modules'));
  const site = path.join(work, 'site');
  for (let i = 0; i < pages; i++) {
    mkdirSync(path.join(site, `p${i}`), { recursive: true });
    writeFileSync(path.join(site, `p${i}`, 'index.html'), landingPage(i, pages));
  }
  for (const route of SUPPORT_ROUTES) {
    mkdirSync(path.join(site, route), { recursive: true });
    writeFileSync(path.join(site, route, 'index.html'), supportPage(route));
  }
  const entries = {
    [ref]: path.join(work, 'packages/audit/src/index.ts'),
    'this checkout': path.join(repo, 'packages/audit/src/index.ts'),
  };
  const names = Object.keys(entries);
  const times = new Map<string, number[]>(names.map((name) => [name, []]));
  const cpuTimes = new Map<string, number[]>(names.map((name) => [name, []]));
  const digests = new Map<string, string>();
  for (let round = 0; round < rounds; round++) {
    for (const name of round % 2 === 0 ? names : [...names].reverse()) {
      const child = spawnSync(process.execPath, [process.argv[1]!, '--child', entries[name]!, site], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
      if (child.status !== 0) throw new Error(`the audit at ${name} failed:\n${child.stderr.slice(-3000)}`);
      const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!);
      times.get(name)!.push(result.ms);
      cpuTimes.get(name)!.push(result.cpuMs);
      digests.set(name, result.digest);
      console.log(
        `round ${round + 1}: ${name.padEnd(14)} ${seconds(result.ms)} (CPU ${seconds(result.cpuMs)}), ` +
          `${result.findings} findings`,
      );
    }
  }
  const median = (list: number[]) => {
    const sorted = [...list].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  for (const [label, figures] of [
    ['wall', times],
    ['CPU', cpuTimes],
  ] as const) {
    const [before, after] = names.map((name) => median(figures.get(name)!));
    console.log(
      `${pages} pages on one thread, median ${label} time of ${rounds}: ${ref} ${seconds(before!)}, ` +
        `this checkout ${seconds(after!)} (${change(before!, after!)})`,
    );
  }
  const same = digests.get(names[0]!) === digests.get(names[1]!);
  console.log(`findings (message ids aside): ${same ? 'identical' : 'DIFFERENT'}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
