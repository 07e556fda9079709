import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The CLI as users run it: a real process (Node 24 runs the TypeScript source directly), real exit codes.
const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const run = (...args: string[]) => {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
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
    [['launch'], 'unknown command "launch": use serve, report, export, prune, migrate or rollup'],
    [['serve', '--trust-proxy'], '--trust-proxy needs a value: the number of proxies in front (e.g. --trust-proxy 1)'],
    [['serve', '--trust-proxy', 'yes'], '--trust-proxy: "yes" is neither a hop count, an IP address, a CIDR range'],
    [['serve', '--public-url', 'example.com'], '--public-url: origin "example.com" is not a URL'],
    [['serve', '--max-events-per-day', 'lots'], '--max-events-per-day must be a whole number from 0 to 1000000000'],
    [['serve', '--keep', '1y'], '--keep takes a number of days such as 400d, not "1y"'],
    [['prune'], 'prune needs --keep, e.g. cta-collect prune --keep 400d'],
    [['serve', '--port', 'eighty'], '--port must be a whole number from 0 to 65535, not "eighty"'],
    [['serve', '--synchronous', 'off'], '--synchronous must be full or normal, not off'],
    [['serve', '--answer-deadline', '15000'], '--answer-deadline must be a whole number from 1 to 14999, not "15000"'],
    [['serve', '--allow-origin', 'example.com'], 'allowed origin "example.com" is not a URL'],
    [['serve', '--allow-origin', 'https://example.com/page'], 'must be just scheme, host and port'],
    [['report', '--format', 'pdf'], '--format pdf is not one of table, json, csv, html'],
    [['export', '--format', 'xlsx'], 'export --format xlsx is not one of jsonl, csv, parquet'],
    [['export', '--format', 'parquet'], 'export --format parquet writes a binary file: name it with --out'],
    [['report', '--port', '1'], '--port does not apply to "report"'],
    [['report', '--verbose'], "Unknown option '--verbose'"],
    [['report', '--since', '2026-02-30'], '--since takes a UTC date as YYYY-MM-DD, e.g. 2026-11-01, not "2026-02-30"'],
    [['report', '--until', 'yesterday'], '--until takes a UTC date as YYYY-MM-DD'],
    [['report', '--since', '2026-11-10', '--until', '2026-11-01'], '--until 2026-11-01 is before --since 2026-11-10'],
    [['report', '--by', 'month'], '--by must be day or week, not "month"'],
    [['report', '--sort', 'name'], '--sort must be one of impressions, clicks, ctr, conversions,'],
    [['report', '--attribution', 'linear'], '--attribution must be last-click or first-click, not "linear"'],
    [['report', '--window', '0'], '--window must be a whole number from 1 to 10080, not "0"'],
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

  it('serve applies --public-url and --max-new-ctas-per-day; starts with --trust-proxy and --keep', async () => {
    const db = tempDb();
    const args = ['serve', '--db', db, '--port', '0', '--trust-proxy', '1', '--public-url', 'https://www.example.com'];
    args.push('--max-new-ctas-per-day', '1', '--keep', '30d');
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk;
          const match = /collecting at (http:\/\/\S+?)\/api\/cta/.exec(stdout);
          if (match) resolve(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${stderr}`)));
      });
      const post = (id: string, pv: string) =>
        fetch(`${url}/api/cta`, {
          method: 'POST',
          headers: {
            'content-type': 'text/plain',
            origin: 'https://www.example.com',
            'x-forwarded-for': '203.0.113.9',
          },
          body: JSON.stringify([{ t: 'impression', id, p: '/', pv, s: 0 }]),
        });
      expect((await post('signup', 'pv1')).status).toBe(200);
      expect((await post('pricing', 'pv2')).status).toBe(429);
      await expect.poll(() => stderr).toContain('daily limit of 1 new CTA ids (--max-new-ctas-per-day)');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('prunes events older than --keep', () => {
    const db = tempDb();
    expect(run('migrate', '--db', db).code).toBe(0);
    const database = new DatabaseSync(db);
    const insert = database.prepare(
      `INSERT INTO events (page_view, seq, type, cta, page, received_at) VALUES (?, 0, 'impression', 'a', '/', ?)`,
    );
    insert.run('old', Date.now() - 401 * 24 * 60 * 60 * 1000);
    insert.run('new', Date.now() - 399 * 24 * 60 * 60 * 1000);
    database.close();
    expect(run('prune', '--db', db, '--keep', '400d')).toMatchObject({
      code: 0,
      stdout: `cta-collect: deleted 1 events received more than 400 days ago from ${db}.\n`,
    });
    const after = new DatabaseSync(db, { readOnly: true });
    expect(after.prepare('SELECT page_view FROM events').all()).toEqual([{ page_view: 'new' }]);
    after.close();
  });

  it('migrates, then reports in every format', () => {
    const db = tempDb();
    expect(run('migrate', '--db', db)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/is at schema version \d+ \(latest \d+\)/),
    });
    expect(run('report', '--db', db)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('No CTA impressions, clicks or visits yet.'),
    });
    expect(JSON.parse(run('report', '--db', db, '--format', 'json').stdout)).toMatchObject({ rows: [] });
    expect(run('report', '--db', db, '--format', 'csv').stdout).toMatch(
      /^kind,cta,page,bucket,impressions,[a-z_,]+\r\n$/,
    );
    const out = join(tmpdir(), `cta-report-${process.pid}.html`);
    expect(run('report', '--db', db, '--format', 'html', '--out', out)).toMatchObject({
      code: 0,
      stderr: expect.stringContaining(`wrote the html report to ${out}`),
    });
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/);
  });
});
