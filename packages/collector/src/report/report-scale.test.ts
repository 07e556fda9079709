import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWritableDatabase } from '../db/open.ts';
import { rebuildRollups } from '../db/rollups.ts';
import { buildReport, formatReport, type Report } from './index.ts';

// What one client did inside the default rate limit: 150,000 distinct CTA ids, one page view each. The rows are
// written straight into a real SQLite file (one transaction), then reported by the library and by the real CLI.
const IDS = 150_000;
const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));
let db: string;
let report: Report;

beforeAll(() => {
  db = join(mkdtempSync(join(tmpdir(), 'cta-report-scale-')), 'events.sqlite');
  const database = openWritableDatabase(db, { synchronous: 'normal' });
  const insert = database.prepare(
    `INSERT INTO events (page_view, seq, type, cta, page, received_at) VALUES (?, 0, 'impression', ?, '/', 0)`,
  );
  const click = database.prepare(
    `INSERT INTO events (page_view, seq, type, cta, page, open_mode, received_at)
     VALUES (?, 1, 'click', 'signup', '/', 'plain', 0)`,
  );
  database.exec('BEGIN');
  for (let index = 0; index < IDS; index++) insert.run(`pv${index}`, `flood-${index}`);
  // One CTA that real visitors see and click: it must lead the cut table.
  for (let index = 0; index < 20; index++) {
    insert.run(`real${index}`, 'signup');
    click.run(`real${index}`);
  }
  database.exec('COMMIT');
  rebuildRollups(database); // inserted straight into events: the rollups are the writer's to keep, or a rebuild's
  database.close();
  const readOnly = new DatabaseSync(db, { readOnly: true });
  report = buildReport(readOnly);
  readOnly.close();
}, 120_000);

const cli = (database: string, ...args: string[]) => {
  const result = spawnSync(process.execPath, [CLI, 'report', '--db', database, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 512 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('report at 150,000 distinct CTA ids', { timeout: 120_000 }, () => {
  it('holds every row in the data (one per CTA: each is on one page only, so no per-page rows)', () => {
    expect(report.rows).toHaveLength(IDS + 1);
  });

  it('table: the most seen CTAs first, cut at the limit with a "+ N more" line', () => {
    const table = formatReport(report, 'table');
    const lines = table.split('\n');
    expect(lines[2]).toMatch(/^signup\s+\/\s+20\s+20\s+100\.0%/);
    expect(lines.filter((line) => /^flood-/.test(line))).toHaveLength(49);
    expect(table).toContain(`+ ${IDS + 1 - 50} more rows (--limit N shows more, --all every row`);
    expect(formatReport(report, 'table', { limit: 3 })).toContain(`+ ${IDS + 1 - 3} more rows`);
  });

  it('table and html: every row when asked for all', () => {
    const table = formatReport(report, 'table', { limit: Infinity });
    expect(table.split('\n').filter((line) => /^flood-/.test(line))).toHaveLength(IDS);
    expect(table).not.toContain('more rows');
    const html = formatReport(report, 'html', { limit: Infinity });
    expect(html.match(/<rect class="bar"/g)).toHaveLength(IDS + 1);
  });

  it('html: the chart and the table show the top rows and say how many are left out', () => {
    const html = formatReport(report, 'html');
    expect(html.match(/<rect class="bar"/g)).toHaveLength(50);
    expect(html.match(/<tr class="cta"><td>/g)).toHaveLength(50);
    expect(html.match(/\+ 149951 more rows/g)).toHaveLength(2);
  });

  it('json and csv keep every row', () => {
    expect(JSON.parse(formatReport(report, 'json')).rows).toHaveLength(IDS + 1);
    expect(formatReport(report, 'csv').trimEnd().split('\r\n')).toHaveLength(1 + IDS + 1);
  });

  // Each run reports the 150,000 ids again in a new process (seconds each): the two commands that overflowed the
  // stack, and --limit. The formats' tests above cover the rest.
  it('the CLI reports the table and html, and --limit cuts the table', () => {
    const table = cli(db);
    expect(table).toMatchObject({ code: 0, stderr: '' });
    expect(table.stdout).toContain('+ 149951 more rows');
    const out = join(tmpdir(), `cta-report-scale-${process.pid}.html`);
    expect(cli(db, '--format', 'html', '--out', out)).toMatchObject({ code: 0 });
    expect(readFileSync(out, 'utf8')).toContain('+ 149951 more rows');
    const limited = cli(db, '--limit', '10');
    expect(limited.stdout.split('\n').filter((line) => /^(flood-|signup)/.test(line))).toHaveLength(10);
  });
});

describe('cta-collect report --limit and --all', { timeout: 60_000 }, () => {
  it('--all shows every row, --limit N the N most seen; both refused where they do not apply', () => {
    const small = join(mkdtempSync(join(tmpdir(), 'cta-report-limit-')), 'events.sqlite');
    const database = openWritableDatabase(small);
    const insert = database.prepare(
      `INSERT INTO events (page_view, seq, type, cta, page, received_at) VALUES (?, 0, 'impression', ?, '/', 0)`,
    );
    for (let index = 0; index < 80; index++) insert.run(`pv${index}`, `cta-${index}`);
    rebuildRollups(database);
    database.close();
    const shown = (output: string) => output.split('\n').filter((line) => /^cta-/.test(line)).length;
    expect(shown(cli(small).stdout)).toBe(50);
    const all = cli(small, '--all');
    expect(all).toMatchObject({ code: 0, stderr: '' });
    expect(shown(all.stdout)).toBe(80);
    expect(all.stdout).not.toContain('more rows');
    expect(shown(cli(small, '--limit', '7').stdout)).toBe(7);
    const usage = (message: string) => ({ code: 2, stderr: expect.stringContaining(message) });
    expect(cli(small, '--limit', '0')).toMatchObject(usage('--limit must be a whole number from 1'));
    expect(cli(small, '--limit', '5', '--all')).toMatchObject(usage('--limit and --all exclude each other'));
    expect(cli(small, '--format', 'csv', '--all')).toMatchObject(usage('--all applies to the table and html formats'));
  });
});
