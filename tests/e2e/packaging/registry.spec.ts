import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

// Installed the way users will install it: the workspaces published to a throwaway Verdaccio registry that proxies
// the public one for everything else, then `npx astro add astro-cta --yes` in a fresh Astro project, then a build.
//
// Verdaccio is installed at test time into a scratch folder outside the repository (kept between runs, so only the
// first run downloads it), not as a devDependency: its ~200 packages would otherwise weigh on every `npm ci` of the
// repository for one test. The registry's storage is fresh for every run.
const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const VERDACCIO = '6.10.4';
const verdaccioHome = path.join(tmpdir(), `astro-cta-verdaccio-${VERDACCIO}`);
const WORKSPACES = [
  '@astro-cta/contract',
  '@astro-cta/stats',
  '@astro-cta/audit',
  '@astro-cta/beacon',
  '@astro-cta/collector',
  'astro-cta',
];
/** npm and npx on the Node running the tests (Node 24): npm skips releases whose engines exclude its own Node. */
const env = {
  ...process.env,
  PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
  NO_COLOR: '1',
  FORCE_COLOR: '0',
};
/** For folders outside the repository: never treat them as part of its workspaces. */
const outside = { ...env, npm_config_workspaces: 'false' };

async function installVerdaccio(): Promise<string> {
  const bin = path.join(verdaccioHome, 'node_modules/verdaccio/bin/verdaccio');
  if (existsSync(bin)) return bin;
  await mkdir(verdaccioHome, { recursive: true });
  // The recipe of ../shared/TOOLCHAIN.md: verdaccio 6 needs node-fetch 2.7 to install on Node >= 22.
  await writeFile(
    path.join(verdaccioHome, 'package.json'),
    JSON.stringify({ private: true, overrides: { 'node-fetch': '2.7.0' } }),
  );
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '-E', `verdaccio@${VERDACCIO}`], {
    cwd: verdaccioHome,
    env: outside,
    maxBuffer: 64 * 1024 * 1024,
  });
  return bin;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function startRegistry(bin: string, storageRoot: string): Promise<{ url: string; process: ChildProcess }> {
  const { stdout: upstream } = await run('npm', ['config', 'get', 'registry'], { env });
  await writeFile(
    path.join(storageRoot, 'config.yaml'),
    [
      'storage: ./storage',
      'auth: { htpasswd: { file: ./htpasswd, max_users: -1 } }',
      `uplinks: { npmjs: { url: '${upstream.trim()}' } }`,
      'packages:',
      "  'astro-cta': { access: $all, publish: $anonymous }",
      "  '@astro-cta/*': { access: $all, publish: $anonymous }",
      "  '**': { access: $all, proxy: npmjs }",
      'log: { type: stdout, format: pretty, level: warn }',
    ].join('\n'),
  );
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [bin, '--config', path.join(storageRoot, 'config.yaml'), '--listen', `127.0.0.1:${port}`],
    { cwd: storageRoot, stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Verdaccio exited (${child.exitCode}):\n${output}`);
    if (
      await fetch(`${url}/-/ping`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return { url, process: child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('published to a local registry, `astro add astro-cta --yes` sets up a fresh Astro site that builds with the audit and the beacon', async () => {
  test.setTimeout(15 * 60_000);
  const scratch = await mkdtemp(path.join(tmpdir(), 'astro-cta-registry-'));
  const registry = await startRegistry(await installVerdaccio(), scratch);
  try {
    const host = registry.url.replace(/^http:/, '');
    for (const name of WORKSPACES) {
      await run(
        'npm',
        ['publish', '-w', name, '--registry', registry.url, `--${host}/:_authToken=local`, '--loglevel=error'],
        { cwd: repo, env },
      );
    }
    const published = (await (await fetch(`${registry.url}/astro-cta`)).json()) as { 'dist-tags': { latest: string } };
    expect(published['dist-tags'].latest).toBe(
      JSON.parse(await readFile(path.join(repo, 'packages/astro-cta/package.json'), 'utf8')).version,
    );

    // A fresh Astro 7 project, as `npm create astro` leaves it, pointed at the local registry.
    const site = path.join(scratch, 'site');
    await mkdir(path.join(site, 'src/pages'), { recursive: true });
    await writeFile(path.join(site, '.npmrc'), `registry=${registry.url}/\n`);
    await writeFile(
      path.join(site, 'package.json'),
      JSON.stringify({ name: 'fresh-site', private: true, type: 'module', scripts: { build: 'astro build' } }, null, 2),
    );
    await writeFile(
      path.join(site, 'astro.config.mjs'),
      "// @ts-check\nimport { defineConfig } from 'astro/config';\n\n// https://astro.build/config\nexport default defineConfig({});\n",
    );
    await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', 'astro@^7'], {
      cwd: site,
      env: outside,
      maxBuffer: 64 * 1024 * 1024,
    });

    const added = await run('npx', ['astro', 'add', 'astro-cta', '--yes'], {
      cwd: site,
      env: outside,
      maxBuffer: 64 * 1024 * 1024,
    });
    const config = await readFile(path.join(site, 'astro.config.mjs'), 'utf8');
    expect(config, added.stdout).toMatch(/import (\w+) from ['"]astro-cta['"]/);
    const name = /import (\w+) from ['"]astro-cta['"]/.exec(config)![1]!;
    expect(config).toMatch(new RegExp(`integrations:\\s*\\[${name}\\(\\)\\]`));
    const manifest = JSON.parse(await readFile(path.join(site, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies)).toContain('astro-cta');

    // Getting started's next step: turn the beacon on, and put a CTA on the page.
    await writeFile(
      path.join(site, 'astro.config.mjs'),
      config.replace(`${name}()`, `${name}({ beacon: { endpoint: '/api/cta' } })`),
    );
    await writeFile(
      path.join(site, 'src/pages/index.astro'),
      '---\nimport { CTA } from \'astro-cta/components\';\n---\n<html lang="en"><head><title>Fresh</title></head><body><main><h1>Fresh</h1>' +
        '<CTA id="more" href="/">Click here</CTA></main></body></html>\n',
    );
    const built = await run('npm', ['run', 'build'], { cwd: site, env: outside, maxBuffer: 64 * 1024 * 1024 });
    const log = built.stdout + built.stderr;
    expect(log).toMatch(/CTA text "Click here" is generic[^\n]*cta-generic-text/);
    expect(log).toMatch(/CTA audit: .* after the build \(audited during rendering: 1 of 1 page\)/);
    const html = await readFile(path.join(site, 'dist/index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script type="module" src="(\/_astro\/[^"]+\.js)"/g)].map((match) => match[1]!);
    const bundles = await Promise.all(scripts.map((src) => readFile(path.join(site, 'dist', src), 'utf8')));
    expect(
      bundles.some((code) => code.includes('/api/cta') && code.includes('data-cta')),
      'the beacon ships as a module script',
    ).toBe(true);
  } finally {
    registry.process.kill();
    await rm(scratch, { recursive: true, force: true });
  }
});
