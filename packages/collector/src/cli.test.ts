import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The CLI as users run it: a real process (Node 24 runs the TypeScript source directly), real exit codes.
const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const run = (...args: string[]) => {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};
const tempDb = () => join(mkdtempSync(join(tmpdir(), 'cta-cli-')), 'events.sqlite');

// Each run starts a Node process (~1 s, more on a busy machine).
describe('cta-collect', { timeout: 60_000 }, () => {
  it('prints help with --help (exit 0) and without a command (exit 2)', () => {
    expect(run('--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('cta-collect serve') });
    expect(run()).toMatchObject({ code: 2, stdout: expect.stringContaining('Usage') });
  });

  it.each([
    [['launch'], 'unknown command "launch": use serve, report or migrate'],
    [['serve', '--port', 'eighty'], '--port must be a whole number from 0 to 65535, not "eighty"'],
    [['serve', '--synchronous', 'off'], '--synchronous must be full or normal, not off'],
    [['serve', '--allow-origin', 'example.com'], 'allowed origin "example.com" is not a URL'],
    [['serve', '--allow-origin', 'https://example.com/page'], 'must be just scheme, host and port'],
    [['report', '--format', 'pdf'], '--format pdf is not one of table, json, csv, html'],
    [['report', '--port', '1'], '--port does not apply to "report"'],
    [['report', '--verbose'], "Unknown option '--verbose'"],
  ])('exits 2 on wrong usage: %j', (args, message) => {
    const result = run(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Run "cta-collect --help" for usage.');
  });

  it('exits 1 with a way out when the database is missing', () => {
    const db = tempDb();
    const result = run('report', '--db', db);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`no collector database at ${db}: start one with "cta-collect serve --db ${db}"`);
  });

  it('migrates, then reports in every format', () => {
    const db = tempDb();
    expect(run('migrate', '--db', db)).toMatchObject({ code: 0, stdout: expect.stringMatching(/is at schema version \d+ \(latest \d+\)/) });
    expect(run('report', '--db', db)).toMatchObject({ code: 0, stdout: expect.stringContaining('No CTA impressions or clicks yet.') });
    expect(JSON.parse(run('report', '--db', db, '--format', 'json').stdout)).toMatchObject({ rows: [] });
    expect(run('report', '--db', db, '--format', 'csv').stdout).toBe('cta,page,variant,impressions,clicks,click_events,ctr,ctr_low,ctr_high\r\n');
    const out = join(tmpdir(), `cta-report-${process.pid}.html`);
    expect(run('report', '--db', db, '--format', 'html', '--out', out)).toMatchObject({ code: 0, stderr: expect.stringContaining(`wrote the html report to ${out}`) });
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/);
  });
});
