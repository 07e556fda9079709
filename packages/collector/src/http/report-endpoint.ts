import { createHash, timingSafeEqual } from 'node:crypto';
import type { CollectResponse } from '../collector.ts';
import { openReadOnlyDatabase } from '../db/open.ts';
import { buildReport, formatReport, parseDay, type Report, type ReportOptions } from '../report/index.ts';

/** Where the report is served, under the collector's path: `/api/cta/report`. */
export const REPORT_SUBPATH = '/report';
/** A token shorter than this is refused at start: it could be guessed. */
export const MIN_TOKEN_LENGTH = 16;

/**
 * The read-only report endpoint: the JSON report (`cta-collect report --format json`) for the dev toolbar's metrics
 * overlay and other tools. Off unless the collector is started with a report token, since a report tells anyone
 * who can read it how a site's CTAs perform; with one, only requests carrying `Authorization: Bearer <token>` get
 * it. `?since=YYYY-MM-DD&until=YYYY-MM-DD` narrow the period as on the command line. `read` builds the report:
 * `readSqliteReport` on a SQLite file, the collector's own storage (`Storage.report`) on PostgreSQL.
 */
export function createReportHandler(options: { read: ReadReport; token: string; now?: () => number }) {
  if (options.token.length < MIN_TOKEN_LENGTH) {
    throw new Error(
      `the report token must be at least ${MIN_TOKEN_LENGTH} characters long (e.g. from \`openssl rand -hex 24\`)`,
    );
  }
  const expected = digest(options.token);
  const now = options.now ?? Date.now;
  return async (method: string, url: string, authorization: string | undefined): Promise<CollectResponse> => {
    if (method !== 'GET' && method !== 'HEAD') {
      return json(405, { error: `${method} is not allowed: the report is read with GET` }, { allow: 'GET, HEAD' });
    }
    const given = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    // Compared as fixed-length digests, in constant time: no timing tells how much of a guess was right.
    if (!given || !timingSafeEqual(digest(given), expected)) {
      return json(
        401,
        { error: 'the report needs Authorization: Bearer <token>, the token the collector was started with' },
        { 'www-authenticate': 'Bearer realm="cta-collect report"' },
      );
    }
    const query = new URL(url, 'http://collector.invalid').searchParams;
    let since: number | undefined;
    let until: number | undefined;
    try {
      const sinceText = query.get('since');
      const untilText = query.get('until');
      if (sinceText !== null) since = parseDay(sinceText, 'since');
      // `until` is the last day counted, as on the command line; the report takes the first day not counted.
      if (untilText !== null) until = parseDay(untilText, 'until') + 1;
    } catch (error) {
      return json(400, { error: (error as Error).message });
    }
    const report = await options.read(new Date(now()), {
      ...(since === undefined ? {} : { since }),
      ...(until === undefined ? {} : { until }),
    });
    return {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      body: method === 'HEAD' ? '' : formatReport(report, 'json'),
    };
  };
}

/** Builds the report the endpoint serves. */
export type ReadReport = (now: Date, options: ReportOptions) => Promise<Report>;

/**
 * On SQLite each request opens the file read-only (SQLite lets it read while the collector's writer thread writes),
 * so nothing here can change the events.
 */
export function readSqliteReport(path: string): ReadReport {
  return async (now, options) => {
    const db = openReadOnlyDatabase(path);
    try {
      return buildReport(db, now, options);
    } finally {
      db.close();
    }
  };
}

const digest = (value: string) => createHash('sha256').update(value).digest();

function json(status: number, body: unknown, headers: Record<string, string> = {}): CollectResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(body),
  };
}
