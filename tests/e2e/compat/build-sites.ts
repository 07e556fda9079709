/**
 * Builds the matrix sites: packs the workspaces once, writes each site into a scratch folder outside the repository,
 * installs them in parallel (one shared npm cache), builds each with
 * the Node that runs the tests, and records timings, the audit's output and the beacon's bytes per site.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { SITES, type SiteSpec } from './sites.ts';

const run = promisify(execFile);
export const repo = fileURLToPath(new URL('../../../', import.meta.url));
export const scratchRoot = path.join(tmpdir(), 'astro-cta-compat');
export const resultsFile = path.join(repo, '.tmp/compat/results.json');
const WORKSPACES = ['@astro-cta/contract', '@astro-cta/stats', '@astro-cta/audit', '@astro-cta/beacon', 'astro-cta'];

export interface SiteResult {
  name: string;
  dir: string;
  astroVersion: string;
  installSeconds: number;
  buildSeconds: number;
  /** Astro's build output (stdout + stderr, no colours). */
  log: string;
  /** The audit's summary line(s) from the build log. */
  audit: string[];
  /** The beacon's script as shipped: its path in dist and its bytes (raw and gzip). */
  beacon: { file: string; bytes: number; gzip: number } | undefined;
}

const seconds = (start: number) => Math.round((performance.now() - start) / 100) / 10;

async function packTarballs(into: string): Promise<string[]> {
  await mkdir(into, { recursive: true });
  const { stdout } = await run(
    'npm',
    ['pack', ...WORKSPACES.flatMap((name) => ['-w', name]), '--pack-destination', into, '--json'],
    { cwd: repo },
  );
  return (JSON.parse(stdout) as { filename: string }[]).map(({ filename }) => path.join(into, filename));
}

/**
 * `COMPAT_REUSE_INSTALL=1` keeps an installed scratch site's node_modules (for iterating on the sites or specs on a
 * laptop; the kit's code in it is then the one packed when it was installed). CI always installs fresh.
 */
const reuseInstall = process.env.COMPAT_REUSE_INSTALL === '1';

async function writeSite(site: SiteSpec): Promise<string> {
  const dir = path.join(scratchRoot, site.name);
  if (!reuseInstall) await rm(dir, { recursive: true, force: true });
  await rm(path.join(dir, 'dist'), { recursive: true, force: true });
  for (const [file, content] of Object.entries(site.files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
  await writeFile(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: site.name, private: true, type: 'module' }, null, 2),
  );
  return dir;
}

async function install(dir: string, site: SiteSpec, tarballs: string[]): Promise<number> {
  if (reuseInstall && existsSync(path.join(dir, 'node_modules/astro'))) return 0;
  const start = performance.now();
  // Peer ranges are checked as npm would for a user: no --force, no --legacy-peer-deps. Not --prefer-offline:
  // cached metadata would pin an older "latest" Astro; the tarballs still come from the shared cache.
  await run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...site.dependencies,
      ...tarballs.map((file) => `file:${file}`),
    ],
    {
      cwd: dir,
      // npm on the Node that runs the tests: npm skips releases whose `engines` exclude the Node it runs on, so npm
      // on the system's Node 20 would quietly install an older Astro 6 instead of the latest.
      env: {
        ...process.env,
        PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
        npm_config_workspaces: 'false',
      },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return seconds(start);
}

async function build(dir: string): Promise<{ log: string; seconds: number }> {
  const start = performance.now();
  const manifest = JSON.parse(await readFile(path.join(dir, 'node_modules/astro/package.json'), 'utf8')) as {
    bin: { astro: string };
  };
  const astro = path.join(dir, 'node_modules/astro', manifest.bin.astro);
  try {
    // process.execPath: the Node 24 running the tests (Astro 6 and 7 need >= 22.12).
    const { stdout, stderr } = await run(process.execPath, [astro, 'build'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { log: stdout + stderr, seconds: seconds(start) };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`astro build failed in ${dir}:\n${stdout}${stderr}`);
  }
}

/** The module script the integration injects (the beacon bootstrap), found from the built home page. */
async function shippedBeacon(dir: string, site: SiteSpec): Promise<SiteResult['beacon']> {
  const client = path.join(dir, 'dist', site.server ? 'client' : '');
  const html = await readFile(
    path.join(client, site.pages[0] === '/' ? 'index.html' : `${site.pages[0]}index.html`),
    'utf8',
  );
  for (const [, src] of html.matchAll(/<script type="module" src="(\/_astro\/[^"]+\.js)"/g)) {
    const code = await readFile(path.join(client, src!));
    if (code.includes('/api/cta')) return { file: src!, bytes: code.length, gzip: gzipSync(code, { level: 9 }).length };
  }
  return undefined;
}

async function astroVersionOf(dir: string): Promise<string> {
  return (JSON.parse(await readFile(path.join(dir, 'node_modules/astro/package.json'), 'utf8')) as { version: string })
    .version;
}

export async function buildSites(log: (line: string) => void = console.log): Promise<SiteResult[]> {
  const started = performance.now();
  await mkdir(scratchRoot, { recursive: true });
  const tarballs = await packTarballs(path.join(scratchRoot, 'tarballs'));
  log(`compat: packed ${tarballs.length} tarballs in ${seconds(started)} s`);
  // Installs in parallel: they wait mostly on the network and the shared cache; builds one after another, as they
  // are CPU-bound on a 2-core machine.
  const dirs = await Promise.all(SITES.map((site) => writeSite(site)));
  const installs = await Promise.all(SITES.map((site, index) => install(dirs[index]!, site, tarballs)));
  const results: SiteResult[] = [];
  for (const [index, site] of SITES.entries()) {
    const dir = dirs[index]!;
    const built = await build(dir);
    results.push({
      name: site.name,
      dir,
      astroVersion: await astroVersionOf(dir),
      installSeconds: installs[index]!,
      buildSeconds: built.seconds,
      log: built.log,
      audit: built.log
        .split('\n')
        .filter((line) =>
          /CTA audit|MDX auto-import|cta-[a-z-]+|page-[a-z-]+|countdown-|ld-|problems? in|pages? audited/.test(line),
        ),
      beacon: await shippedBeacon(dir, site),
    });
  }
  await mkdir(path.dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, JSON.stringify(results, null, 2));
  log(`compat: ${SITES.length} sites installed and built in ${seconds(started)} s`);
  return results;
}

export async function readResults(): Promise<SiteResult[]> {
  return JSON.parse(await readFile(resultsFile, 'utf8')) as SiteResult[];
}
