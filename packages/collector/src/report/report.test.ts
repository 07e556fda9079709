import { DatabaseSync } from 'node:sqlite';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type PostgresCluster, startPostgres } from '../../../../tests/support/postgres.ts';
import { EventStore } from '../db/event-store.ts';
import { migrate } from '../db/migrations.ts';
import { openStorage } from '../db/storage.ts';
import type { ValidEvent } from '../validate.ts';
import { buildReport, formatReport, MAX_GAP_PER_PAGE_VIEW, type Report, type SortKey } from './index.ts';

// Every scenario built with reportOf also runs on a real PostgreSQL server (a throwaway
// cluster; PostgreSQL is required, like Chromium): the same events must give the same report from the same query definitions.
let cluster: PostgresCluster | undefined;
beforeAll(async () => {
  cluster = await startPostgres();
}, 60_000);
afterAll(() => cluster?.destroy(), 60_000);
// Each scenario also creates a database and writes to it on a shared 2-core machine: 5 s is too tight.
vi.setConfig({ testTimeout: 30_000 });

async function reportOf(events: ValidEvent[]): Promise<Report> {
  const now = new Date('2026-11-26T12:00:00Z');
  const db = new DatabaseSync(':memory:');
  migrate(db);
  await new EventStore(db).write(events);
  const report = buildReport(db, now);
  if (cluster) {
    const storage = await openStorage(await cluster.createDatabase(), { mode: 'write' });
    await (await storage.writer()).write(events);
    expect({ ...(await storage.report(now)), generatedAt: '' }, 'PostgreSQL').toEqual({ ...report, generatedAt: '' });
    await storage.close();
  }
  return report;
}

const impression = (pv: string, s: number, id = 'signup', p = '/', v?: string): ValidEvent => ({
  t: 'impression',
  id,
  p,
  pv,
  s,
  ...(v ? { v } : {}),
});
const click = (pv: string, s: number, id = 'signup', p = '/', v?: string): ValidEvent => ({
  t: 'click',
  id,
  p,
  pv,
  s,
  ...(v ? { v } : {}),
});

describe('buildReport', () => {
  it('counts page views: impressions, clicked page views, click events, CTR with its Wilson interval', async () => {
    const report = await reportOf([
      impression('a', 0, 'signup', '/', 'primary'),
      click('a', 1, 'signup', '/', 'primary'),
      impression('b', 0, 'signup', '/', 'primary'),
      impression('c', 0, 'signup', '/', 'primary'),
      impression('d', 0, 'signup', '/', 'primary'),
    ]);
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]).toMatchObject({
      kind: 'cta',
      cta: 'signup',
      page: '/',
      pages: 1,
      impressions: 4,
      clicks: 1,
      clickEvents: 1,
      ctr: 0.25,
    });
    expect(report.rows[0]!.ctrLow).toBeCloseTo(0.0456, 3);
    expect(report.rows[0]!.ctrHigh).toBeCloseTo(0.6994, 3);
    expect(report.totals).toEqual({
      events: 5,
      pageViews: 4,
      clicks: 1,
      impressions: 4,
      customEvents: 0,
      conversions: 0,
      attributedConversions: 0,
      unattributedConversions: 0,
      visits: 0,
      bounces: 0,
      pageViewsWithGaps: 0,
      sequenceGaps: 0,
    });
  });

  it('never reports a CTR above 100%: a click implies an impression and repeated clicks count once per page view', async () => {
    const report = await reportOf([
      click('a', 0), // impression lost or not yet reported
      click('b', 0),
      click('b', 1), // a second click in the same page view (e.g. a ctrl-click, then a plain one)
      impression('b', 2),
    ]);
    expect(report.rows[0]).toMatchObject({ impressions: 2, clicks: 2, clickEvents: 3, ctr: 1, ctrHigh: 1 });
  });

  it('one row per CTA; per-page rows only for a CTA on several pages; variants of a page view count once', async () => {
    const report = await reportOf([
      impression('a', 0, 'signup', '/', 'primary'),
      click('a', 1, 'signup', '/', 'primary'),
      impression('a', 2, 'signup', '/', 'ghost'),
      impression('b', 0, 'signup', '/pricing/'),
      impression('c', 0, 'docs', '/pricing/'),
    ]);
    expect(
      report.rows.map(({ kind, cta, page, pages, impressions, clicks }) => [
        kind,
        cta,
        page,
        pages,
        impressions,
        clicks,
      ]),
    ).toEqual([
      ['cta', 'signup', null, 2, 2, 1],
      ['page', 'signup', '/', 1, 1, 1],
      ['page', 'signup', '/pricing/', 1, 1, 0],
      ['cta', 'docs', '/pricing/', 1, 1, 0],
    ]);
  });

  it('sorts CTAs by impressions by default, or by any column', async () => {
    const events = [
      ...[0, 1, 2].map((index) => impression(`w${index}`, 0, 'wide')),
      impression('n0', 0, 'narrow'),
      click('n0', 1, 'narrow'),
      impression('m0', 0, 'middle'),
      impression('m1', 0, 'middle'),
      click('m1', 1, 'middle'),
      click('m1', 2, 'middle'),
    ];
    const db = new DatabaseSync(':memory:');
    migrate(db);
    await new EventStore(db).write(events);
    const order = (sort?: SortKey) => buildReport(db, new Date(), sort ? { sort } : {}).rows.map((row) => row.cta);
    expect(order()).toEqual(['wide', 'middle', 'narrow']);
    expect(order('ctr')).toEqual(['narrow', 'middle', 'wide']);
    expect(order('clicks')).toEqual(['middle', 'narrow', 'wide']);
    expect(order('cta')).toEqual(['middle', 'narrow', 'wide']);
  });

  it('counts lost events from gaps in sequence numbers and leaves custom events out of CTR', async () => {
    const report = await reportOf([
      impression('a', 0),
      impression('a', 3),
      { t: 'custom', id: 'video', p: '/', pv: 'a', s: 4 },
    ]);
    expect(report.totals).toMatchObject({ events: 3, customEvents: 1, pageViewsWithGaps: 1, sequenceGaps: 2 });
    expect(report.rows.map((row) => row.cta)).toEqual(['signup']);
  });

  it('bounds the lost events one page view can claim: one 14 KB request cannot add 200,000,000', async () => {
    // The most one valid request can claim: 200 page views (the batch limit), each saying it is at s = 1,000,000.
    const hostile = Array.from({ length: 200 }, (_, index) => impression(`x${index}`, 1_000_000));
    const report = await reportOf([...hostile, impression('a', 0), impression('a', 3)]);
    const gaps = 200 * MAX_GAP_PER_PAGE_VIEW + 2;
    expect(report.totals).toMatchObject({ pageViews: 201, pageViewsWithGaps: 201, sequenceGaps: gaps });
    expect(formatReport(report, 'table')).toContain(
      `lost events in 201 page views (${gaps} sequence gaps, at most ${MAX_GAP_PER_PAGE_VIEW} counted per page view)`,
    );
  });

  it('reports nothing for an empty database, without dividing by zero', async () => {
    const db = new DatabaseSync(':memory:');
    migrate(db);
    const report = buildReport(db);
    expect(report.rows).toEqual([]);
    expect(report.pages).toEqual([]);
    expect(Object.values(report.totals).every((value) => value === 0)).toBe(true);
    expect(formatReport(report, 'table')).toContain('No CTA impressions, clicks or visits yet.');
  });
});

describe('formatReport', () => {
  const hostile = '<script>alert(1)</script>';

  it('table: aligned columns, one line per row', async () => {
    const table = formatReport(await reportOf([impression('a', 0), click('a', 1), impression('b', 0)]), 'table');
    const lines = table.split('\n');
    expect(lines[0]).toMatch(
      /^CTA\s+page\s+impressions\s+clicks\s+CTR\s+95% CI\s+conv\.\s+conv\.\/click\s+95% CI\s+conv\.\/impr\.\s+95% CI$/,
    );
    expect(lines[2]).toMatch(
      /^signup\s+\/\s+2\s+1\s+50\.0%\s+9\.5%–90\.5%\s+0\s+0\.0%\s+0\.0%–79\.3%\s+0\.0%\s+0\.0%–65\.8%$/,
    );
    expect(lines[3]).toBe('');
    expect(table).not.toContain('\u001b[');
  });

  it('table and html: bidi overrides, zero-width and control characters are shown escaped, never applied', async () => {
    // A right-to-left override makes "signup-\u202egpj.exe" read as "signup-exe.jpg"; zero-width characters make two
    // different ids look alike. Control characters are refused on the way in, but an older database may hold them.
    const db = new DatabaseSync(':memory:');
    migrate(db);
    await new EventStore(db).write([
      { ...impression('a', 0, 'signup-\u202egpj.exe', '/a\u200bb\u2066y\ufeff'), vi: 'v1' },
    ]);
    db.prepare(`UPDATE cta_daily SET page = '/\u001b[2Jreset'`).run();
    const report = buildReport(db);
    const table = formatReport(report, 'table');
    expect(table).toContain('signup-\\u{202e}gpj.exe');
    expect(table).toContain('/\\u{001b}[2Jreset');
    expect(table).toContain('/a\\u{200b}b\\u{2066}y\\u{feff}'); // the landing page
    expect(table).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
    const html = formatReport(report, 'html');
    expect(html).toContain('signup-\\u{202e}gpj.exe');
    expect(html).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
    // The data formats keep the value as stored.
    expect(JSON.parse(formatReport(report, 'json')).rows[0].cta).toBe('signup-\u202egpj.exe');
  });

  it('json: the report as data', async () => {
    const report = await reportOf([impression('a', 0), click('a', 1)]);
    expect(JSON.parse(formatReport(report, 'json'))).toEqual(report);
  });

  it('csv: RFC 4180 quoting, and cells a spreadsheet would run as formulas are defused', async () => {
    const csv = formatReport(
      await reportOf([impression('a', 0, '=HYPERLINK("x")', '/a,b'), impression('b', 0, 'plain')]),
      'csv',
    );
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'kind,cta,page,bucket,impressions,clicks,click_events,ctr,ctr_low,ctr_high,conversions,converted_clicks,' +
        'conv_per_click,conv_per_click_low,conv_per_click_high,conv_per_impression,conv_per_impression_low,' +
        'conv_per_impression_high,ctr_change,ctr_change_p,ctr_change_verdict,visits,bounces,bounce_rate,bounce_rate_low,' +
        'bounce_rate_high,experiment,arm,control,ctr_vs_control,ctr_vs_control_p,conv_per_impression_vs_control,' +
        'conv_per_impression_vs_control_p,conv_per_click_vs_control,conv_per_click_vs_control_p,verdict,detectable_lift',
    );
    expect(lines[1]).toBe(
      `cta,"'=HYPERLINK(""x"")","/a,b",,1,0,0,0.000000,0.000000,0.793451,0,0,,,,0.000000,0.000000,0.793451,,,,,,,,,,,,,,,,,,,`,
    );
    expect(lines).toContain(
      'cta,plain,/,,1,0,0,0.000000,0.000000,0.793451,0,0,,,,0.000000,0.000000,0.793451,,,,,,,,,,,,,,,,,,,',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('csv: a cell stays one cell and never starts a formula, whatever separator a spreadsheet splits on', async () => {
    const hostile = ['x;=1+1;', 'a\t+cmd|calc', 'b|@SUM(A1)', 'c, -2+3', 'd\n=1', ' =HYPERLINK("x")', 'e;\u00a0+1'];
    const report = await reportOf(hostile.map((id, index) => impression(`pv${index}`, 0, id, `/p;${id}`)));
    const csv = formatReport(report, 'csv');
    const defused = (value: string) => value.replace(/(^|[,;\t|\r\n])([ \u00a0]*)(?=[=+\-@])/g, "$1$2'");

    // A real CSV reader: 37 cells in every row, each value as stored with an apostrophe before every piece that
    // could start a formula.
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows.every((row) => Object.keys(row).length === 37)).toBe(true);
    const details = rows.filter((row) => row.page);
    expect(details.map((row) => row.cta).sort()).toEqual(hostile.map(defused).sort());
    expect(details.map((row) => row.cta)).toContain("x;'=1+1;");
    expect(details.map((row) => row.page)).toContain("/p;x;'=1+1;");

    // A spreadsheet in a ";", tab or "|" locale, or an importer that ignores quotes, may split anywhere on those:
    // no piece of any line starts a formula even then.
    const pieces = parse(csv, {
      delimiter: [',', ';', '\t', '|'],
      record_delimiter: ['\r\n', '\n', '\r'],
      quote: false,
      relax_column_count: true,
    }) as string[][];
    expect(pieces.flat().length).toBeGreaterThan(rows.length * 37);
    for (const piece of pieces.flat()) expect(piece).not.toMatch(/^"?[ \u00a0]*[=+\-@]/);
  });

  it('html: self-contained, with an SVG bar chart and every stored value escaped', async () => {
    const html = formatReport(
      await reportOf([
        impression('a', 0, hostile, '/"><img src=x onerror=alert(1)>'),
        click('a', 1, hostile, '/"><img src=x onerror=alert(1)>'),
      ]),
      'html',
    );
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg role="img"');
    expect(html).toMatch(/<rect class="bar" x="300" y="\d+" width="420\.0"/);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/\b(src|href)=["']?https?:/);
  });
});
