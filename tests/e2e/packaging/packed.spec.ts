import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

// What we publish, as a user gets it: the packed tarballs installed into a scratch Astro site outside the workspace.
const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const packages = ['@astro-cta/contract', '@astro-cta/stats', '@astro-cta/audit', '@astro-cta/beacon', 'astro-cta'];

test('the packed packages install into a fresh Astro site, audit its build and inject the beacon', async () => {
  test.setTimeout(300_000);
  const scratch = await mkdtemp(path.join(tmpdir(), 'astro-cta-packed-'));
  const tarballs = path.join(scratch, 'tarballs');
  await mkdir(tarballs);
  for (const name of packages) {
    await run('npm', ['pack', '-w', name, '--pack-destination', tarballs, '--silent'], { cwd: repo });
  }
  const astroVersion = JSON.parse(await readFile(path.join(repo, 'node_modules/astro/package.json'), 'utf8'))
    .version as string;
  const site = path.join(scratch, 'site');
  await mkdir(path.join(site, 'src/pages'), { recursive: true });
  const files = (await readdir(tarballs)).map((file) => `file:${path.join(tarballs, file)}`);
  await writeFile(
    path.join(site, 'package.json'),
    JSON.stringify({ name: 'scratch-site', private: true, type: 'module' }),
  );
  await writeFile(
    path.join(site, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport astroCta from 'astro-cta';\nexport default defineConfig({ integrations: [astroCta({ beacon: { endpoint: '/api/cta' } })] });\n`,
  );
  await writeFile(
    path.join(site, 'src/pages/index.astro'),
    `---\nimport { CTA } from 'astro-cta/components';\n---\n<html lang="en"><body><main><h1>Scratch</h1><CTA id="more" href="/">Click here</CTA></main></body></html>\n`,
  );
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `astro@${astroVersion}`, ...files], {
    cwd: site,
    env: { ...process.env, npm_config_workspaces: 'false' },
  });

  // process.execPath is the Node 24 that runs this test (Astro 7 needs >= 22.12).
  const { stdout, stderr } = await run(
    process.execPath,
    [path.join(site, 'node_modules/astro/bin/astro.mjs'), 'build'],
    {
      cwd: site,
      env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  expect(stdout + stderr).toMatch(/CTA text "Click here" is generic[^\n]*cta-generic-text/);
  // The installed audit's worker thread started and audited the page while Astro rendered it.
  expect(stdout + stderr).toMatch(
    /CTA audit: \d+(?:\.\d+)? m?s after the build \(audited during rendering: 1 of 1 page\)\./,
  );

  const html = await readFile(path.join(site, 'dist/index.html'), 'utf8');
  expect(html).toContain('data-cta="more"');
  const script = html.match(/<script type="module" src="(\/_astro\/[^"]+\.js)"/);
  expect(script, 'the beacon is injected as an external module script').not.toBeNull();
  const bundle = await readFile(path.join(site, 'dist', script![1]!), 'utf8');
  expect(bundle).toContain('/api/cta');
  expect(bundle).toContain('data-cta');
});
