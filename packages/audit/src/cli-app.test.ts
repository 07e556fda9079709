import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-app.ts';

function stream(isTTY: boolean): Writable & { isTTY: boolean; text: () => string } {
  const chunks: string[] = [];
  const writable = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return Object.assign(writable, { isTTY, text: () => chunks.join('') });
}

async function site(pages: number): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cta-cli-app-'));
  for (let i = 0; i < pages; i++) {
    await mkdir(path.join(dir, `p${i}`));
    await writeFile(
      path.join(dir, `p${i}`, 'index.html'),
      `<html lang="en"><body><main>${i % 2 ? '<a class="btn" href="/p0/">Start your free trial</a>' : '<h1>Pro plan</h1><p>$19 a month. No CTA here</p>'}</main></body></html>`,
    );
  }
  return dir;
}

describe('runCli', () => {
  it('draws a progress bar on a terminal’s stderr, never on stdout, and not in CI', async () => {
    const dir = await site(60);
    const stdout = stream(false);
    const stderr = stream(true);
    await runCli([dir, '--fail-on', 'never'], { stdout, stderr, env: { NO_COLOR: '1' }, cwd: dir });
    expect(stderr.text()).toContain('60/60 pages');
    expect(stdout.text()).not.toContain('\r');
    const ci = stream(true);
    await runCli([dir, '--fail-on', 'never'], { stdout: stream(false), stderr: ci, env: { CI: 'true' }, cwd: dir });
    expect(ci.text()).not.toContain('pages\r');
    expect(ci.text()).not.toContain('[#');
  });

  it('--require-cta limits page-no-cta to the matching routes', async () => {
    const dir = await site(4);
    const all = stream(false);
    expect(await runCli([dir, '--format', 'json'], { stdout: all, stderr: stream(false), env: {}, cwd: dir })).toBe(0);
    expect(
      JSON.parse(all.text())
        .findings.filter((finding: { ruleId: string }) => finding.ruleId === 'page-no-cta')
        .map((finding: { route: string }) => finding.route),
    ).toEqual(['/p0/', '/p2/']);
    const some = stream(false);
    await runCli([dir, '--format', 'json', '--require-cta', '/p2/', '--require-cta', '/p3/'], {
      stdout: some,
      stderr: stream(false),
      env: {},
      cwd: dir,
    });
    expect(
      JSON.parse(some.text())
        .findings.filter((finding: { ruleId: string }) => finding.ruleId === 'page-no-cta')
        .map((finding: { route: string }) => finding.route),
    ).toEqual(['/p2/']);
  });
});
