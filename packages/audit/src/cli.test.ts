import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

// Spawns the built binary (`npm run build:packages` first, as `npm test` does) on fixture sites.
const run = promisify(execFile);
const bin = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const fixtures = fileURLToPath(new URL('../../../tests/fixtures/cli-site/', import.meta.url));

async function cta(args: string[], options: { cwd?: string; env?: Record<string, string>; node?: string[] } = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [...(options.node ?? []), bin, ...args], {
      cwd: options.cwd ?? fixtures,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...options.env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let workdir: string;
beforeAll(async () => {
  workdir = await mkdtemp(path.join(tmpdir(), 'cta-cli-'));
  await cp(fixtures, workdir, { recursive: true });
});

describe('cta-audit <dir>', { timeout: 30_000 }, () => {
  it('exits 0 on a clean site and prints the summary', async () => {
    const result = await cta(['clean']);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain('1 page audited');
    expect(result.stdout).toContain('0 errors, 0 warnings');
  });

  it('exits 1 when findings pass the threshold, 0 under it, and hints at the source file', async () => {
    const failing = await cta(['weak/site', '--fail-on', 'warning', '--pages', 'weak/src/pages']);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('/pricing/  pricing/index.html  (built from weak/src/pages/pricing.md)');
    expect(failing.stdout).toMatch(/3:1 warning CTA text "Learn more" is generic/);
    expect(failing.stderr).toContain('cta-audit failed: 1 warning found (failOn: "warning")');
    expect((await cta(['weak/site'])).code).toBe(0);
    expect((await cta(['weak/site', '--max-warnings', '0'])).code).toBe(1);
  });

  it('--routes: links to routes with no built page are not dead; a bad routes file is a usage error', async () => {
    const site = path.join(workdir, 'routes-site');
    await mkdir(site, { recursive: true });
    await writeFile(
      path.join(site, 'index.html'),
      '<html lang="en"><body><main><h1>Acme</h1><a class="btn" href="/account/">Open your account</a>' +
        '<a class="btn" href="/api/export/7">Export your invoices</a></main></body></html>',
    );
    const dead = await cta(['routes-site', '--format', 'json', '--fail-on', 'never'], { cwd: workdir });
    const deadLinks = (text: string) =>
      (JSON.parse(text).findings as { ruleId: string }[]).filter((f) => f.ruleId === 'cta-dead-target').length;
    expect(deadLinks(dead.stdout)).toBe(2);
    await writeFile(path.join(workdir, 'routes.json'), JSON.stringify(['/account', '/api/export/[id]']));
    const served = await cta(['routes-site', '--format', 'json', '--routes', 'routes.json'], { cwd: workdir });
    expect(served.stderr).toContain('Routes with no built page: 2 (routes.json)');
    expect(deadLinks(served.stdout)).toBe(0);
    await writeFile(path.join(workdir, 'bad-routes.json'), JSON.stringify({ onDemandRoutes: ['account'] }));
    expect(await cta(['routes-site', '--routes', 'bad-routes.json'], { cwd: workdir })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('bad-routes.json must hold route patterns starting with "/"'),
    });
    expect(await cta(['routes-site', '--routes', 'none.json'], { cwd: workdir })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('The routes file none.json does not exist.'),
    });
  });

  it('exits 2 on usage and config errors, saying what is wrong', async () => {
    expect(await cta([])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Give the folder of a built site'),
    });
    expect(await cta(['nope'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('The folder nope does not exist'),
    });
    expect(await cta(['clean', '--format', 'pdf'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--format must be one of pretty, json, sarif, html, github'),
    });
    expect(await cta(['clean', '--fail-on', 'sometimes'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('failOn: failOn is "error", "warning" or "never"'),
    });
    expect(await cta(['clean', '--max-warnings', 'many'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--max-warnings takes a whole number'),
    });
    expect(await cta(['clean', '--colour'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown option `--colour`'),
    });
    await writeFile(path.join(workdir, 'bad.json'), JSON.stringify({ rules: { 'cta-generic-txt': 'off' } }));
    const bad = await cta(['clean', '--config', 'bad.json'], { cwd: workdir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.json: Invalid CTA audit configuration');
    expect(bad.stderr).toContain('did you mean "cta-generic-text"');
  });

  it('reads cta-audit.config.json from the working directory', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cta-cli-config-'));
    await cp(path.join(fixtures, 'weak'), dir, { recursive: true });
    await writeFile(
      path.join(dir, 'cta-audit.config.json'),
      JSON.stringify({ rules: { 'cta-generic-text': 'error' } }),
    );
    const result = await cta(['site'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/error CTA text "Learn more"/);
  });

  it('writes every format to --output; the JSON and SARIF parse', async () => {
    for (const format of ['json', 'sarif', 'html', 'github']) {
      const output = path.join(workdir, `report.${format}`);
      const result = await cta(['weak/site', '--format', format, '--output', output]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`Report written to ${output}`);
      const text = await readFile(output, 'utf8');
      if (format === 'json') expect(JSON.parse(text).totals.warning).toBe(1);
      if (format === 'sarif') expect(JSON.parse(text).runs[0].results).toHaveLength(1);
      if (format === 'github') expect(text).toMatch(/^::warning file=/);
    }
  });

  it('prints GitHub annotations on GitHub Actions and never a progress bar in piped output', async () => {
    const result = await cta(['weak/site'], { env: { GITHUB_ACTIONS: 'true' } });
    // The source file is known (src/pages beside the site), so the annotation points there.
    expect(result.stdout).toMatch(
      /^::warning file=weak\/src\/pages\/pricing.md,title=cta-generic-text \(\/pricing\/\)::CTA text/m,
    );
    const withoutSources = await cta(['weak/site', '--pages', 'clean'], { env: { GITHUB_ACTIONS: 'true' } });
    expect(withoutSources.stdout).toMatch(/^::warning file=pricing\/index.html,line=3,col=1,title=cta-generic-text/m);
    expect(result.stderr).not.toContain('pages\r');
    expect(result.stderr).not.toContain('[#');
  });

  it('records a baseline, then reports only new findings', async () => {
    const site = path.join(workdir, 'weak', 'site');
    const baseline = path.join(workdir, 'baseline.json');
    const update = await cta([site, '--baseline', baseline, '--update-baseline', '--fail-on', 'warning']);
    expect(update.code).toBe(0);
    expect(update.stderr).toContain('Baseline updated: 1 findings recorded');
    // Shifting the page's lines keeps the known finding known.
    const pricing = path.join(site, 'pricing', 'index.html');
    await writeFile(pricing, (await readFile(pricing, 'utf8')).replace('<main>', '\n\n<main>'));
    const known = await cta([site, '--baseline', baseline, '--fail-on', 'warning']);
    expect(known.code).toBe(0);
    expect(known.stdout).toContain('0 warnings, 0 info (1 more known from the baseline)');
    await writeFile(
      pricing,
      (await readFile(pricing, 'utf8')).replace('</main>', '<a class="btn" href="/">Click here</a></main>'),
    );
    const fresh = await cta([site, '--baseline', baseline, '--fail-on', 'warning']);
    expect(fresh.code).toBe(1);
    expect(fresh.stdout).toContain('Click here');
    expect(fresh.stdout).not.toMatch(/"Learn more" is generic/);
  });

  it('says in one line what is wrong with the folder given: a file, or a path longer than the system allows', async () => {
    const file = await cta(['clean/index.html']);
    expect(file).toMatchObject({
      code: 2,
      stderr:
        'cta-audit: clean/index.html is a file, not a folder. Give the folder of the built site (e.g. dist); every .html file in it is audited.\n',
    });
    const long = await cta(['x'.repeat(300)]);
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(
      /^cta-audit: The folder x+ cannot be used: the path is longer than the system allows\.\n$/,
    );
    expect(long.stderr + file.stderr).not.toContain('This is a bug');
  });

  it('audits the rest of a site when an entry cannot be read, reporting it as a finding', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cta-cli-unlisted-'));
    await cp(path.join(fixtures, 'clean'), dir, { recursive: true });
    await mkdir(path.join(dir, 'assets'));
    await symlink(tmpdir(), path.join(dir, 'assets', 'elsewhere'));
    const result = await cta([dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 page audited');
    expect(result.stdout).toContain(
      'Not audited: this is a symbolic link to a folder, which the audit does not follow.',
    );
  });

  it('escapes control characters from file names, and a newline cannot inject a workflow command', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cta-cli-names-'));
    await writeFile(
      path.join(dir, 'x\n::stop-commands::pwned\n\u001b[2Jy.html'),
      '<main><a class="btn" href="/">Learn more</a></main>',
    );
    const result = await cta([dir], { env: { GITHUB_ACTIONS: 'true' } });
    expect(result.stdout).toContain('\\u{A}::stop-commands::pwned\\u{A}\\u{1B}[2Jy.html');
    expect(result.stdout + result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    const commands = result.stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(commands.length).toBeGreaterThan(0);
    expect(commands.every((line) => /^::(?:error|warning|notice) file=/.test(line))).toBe(true);
  });

  it('says which Node.js it needs when run on an older one, on both CLIs', async () => {
    const oldNode = [
      '--import',
      'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"20.11.0"})',
    ];
    expect(await cta(['clean'], { node: oldNode })).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'cta-audit needs Node.js 22.12 or newer; this is Node.js 20.11.0.\n',
    });
    const collector = fileURLToPath(new URL('../../collector/dist/bin.js', import.meta.url));
    const failed = await run(process.execPath, [...oldNode, collector, 'report']).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({
      code: 2,
      stderr: 'cta-collect needs Node.js 22.13 or newer; this is Node.js 20.11.0.\n',
    });
  });

  it("says which configuration it used: a config file, the integration's recorded options, or the defaults", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cta-cli-which-'));
    await cp(path.join(fixtures, 'weak'), dir, { recursive: true });
    expect((await cta(['site'], { cwd: dir })).stderr).toMatch(
      /^Configuration: defaults \(no cta-audit\.config\.json/m,
    );
    await mkdir(path.join(dir, '.astro'));
    await writeFile(
      path.join(dir, '.astro', 'astro-cta-audit.json'),
      JSON.stringify({ audit: { rules: { 'cta-generic-text': 'error' } } }),
    );
    const integration = await cta(['site'], { cwd: dir });
    expect(integration.stderr).toContain(
      "Configuration: the astro-cta integration's audit options (.astro/astro-cta-audit.json",
    );
    expect(integration.code).toBe(1);
    await writeFile(path.join(dir, 'cta-audit.config.json'), JSON.stringify({ rules: { 'cta-generic-text': 'off' } }));
    const own = await cta(['site'], { cwd: dir });
    expect(own.stderr).toMatch(/^Configuration: cta-audit\.config\.json$/m);
    expect(own.stdout).toContain('0 errors, 0 warnings');
  });
});
