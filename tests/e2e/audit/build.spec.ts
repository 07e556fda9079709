import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

// A real `astro build` of tests/e2e/audit/site with the integration: source hints from Astro's route data,
// frontmatter opt-outs, report files, and failOn failing the build only when the user asks for it.
const run = promisify(execFile);
const site = fileURLToPath(new URL('./site/', import.meta.url));
const astroBin = fileURLToPath(new URL('../../../node_modules/astro/bin/astro.mjs', import.meta.url));

async function build(failOn: string) {
  const env = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1', AUDIT_FAIL_ON: failOn };
  try {
    const { stdout, stderr } = await run(process.execPath, [astroBin, 'build', '--root', site], { env });
    return { failed: false, log: stdout + stderr };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string };
    return { failed: true, log: failed.stdout + failed.stderr };
  }
}

test.describe.configure({ mode: 'serial' });

test('the build reports findings with source files, honours frontmatter opt-outs and writes report files', async () => {
  test.setTimeout(180_000);
  await rm(new URL('./site/reports/', import.meta.url), { recursive: true, force: true });
  const { failed, log } = await build('never');
  expect(failed).toBe(false);
  // Line:column are the built file's, printed under its name; the source file is named as its origin only.
  expect(log).toMatch(
    /\/weak\/ {2}weak\/index\.html {2}\(built from src\/pages\/weak\.astro\)\n\s+\d+:\d+ warning CTA text "Learn more →" is generic/,
  );
  // opted-out.mdx has `ctaAudit: false` (its "Click here" is not reported); partly.mdx ignores page-no-cta.
  // A page with findings starts a line of the report with its route (the build's own route list is indented).
  expect(log).not.toMatch(/^\/opted-out\/ /m);
  expect(log).not.toMatch(/^\/partly\/ /m);
  expect(log).toMatch(/^\/weak\/ /m);
  expect(log).toContain('4 pages audited: 0 errors, 1 warning, 0 info.');
  const sarif = JSON.parse(await readFile(new URL('./site/reports/cta-audit.sarif', import.meta.url), 'utf8'));
  expect(sarif.version).toBe('2.1.0');
  expect(sarif.runs[0].results).toHaveLength(1);
  // Code scanning annotates the source file; the built file and its line are the related location.
  expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({
    uri: 'src/pages/weak.astro',
    uriBaseId: 'SRCROOT',
  });
  expect(sarif.runs[0].results[0].relatedLocations[0].physicalLocation.artifactLocation).toEqual({
    uri: 'weak/index.html',
    uriBaseId: 'BUILD',
  });
  const json = JSON.parse(await readFile(new URL('./site/reports/cta-audit.json', import.meta.url), 'utf8'));
  expect(json.findings[0]).toMatchObject({
    ruleId: 'cta-generic-text',
    route: '/weak/',
    sourceHint: 'src/pages/weak.astro',
  });
  expect(await readFile(new URL('./site/reports/cta-audit.html', import.meta.url), 'utf8')).toContain(
    'src/pages/weak.astro',
  );
});

test("cta-audit run in the project after the build uses the integration's audit options and says so", async () => {
  test.setTimeout(60_000);
  const cli = fileURLToPath(new URL('../../../packages/audit/dist/cli.js', import.meta.url));
  const result = await run(process.execPath, [cli, 'dist'], { cwd: site, env: { ...process.env, NO_COLOR: '1' } });
  expect(result.stderr).toContain(
    "Configuration: the astro-cta integration's audit options (.astro/astro-cta-audit.json",
  );
  // The same findings as the build (requireCta and all), not the CLI's defaults.
  expect(result.stdout).toContain('4 pages audited');
  expect(result.stdout).toMatch(/0 errors, 1 warning, 0 info\./);
});

test('failOn: "warning" fails the build with the count and how to fix it', async () => {
  test.setTimeout(180_000);
  const { failed, log } = await build('warning');
  expect(failed).toBe(true);
  expect(log).toContain('CTA audit failed the build: 1 warning found (failOn: "warning").');
  expect(log).toContain('record them in a baseline');
});
