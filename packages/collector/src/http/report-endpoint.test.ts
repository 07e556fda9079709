import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../report/index.ts';
import { createReportHandler, readSqliteReport } from './report-endpoint.ts';
import { type RunningServer, startServer } from './server.ts';

const TOKEN = 'a-report-token-of-32-characters!';
const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function start(reportToken?: string) {
  const db = join(mkdtempSync(join(tmpdir(), 'cta-report-endpoint-')), 'events.sqlite');
  const server = await startServer({
    db,
    port: 0,
    log: () => {},
    acceptLocal: true,
    ...(reportToken ? { reportToken } : {}),
  });
  running.push(server);
  return server;
}

/** Events as a page on the collector's own origin posts them (the beacon's text/plain batch). */
async function collect(url: string, events: object[]) {
  const response = await fetch(`${url}/api/cta`, {
    method: 'POST',
    body: JSON.stringify(events),
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin: url },
  });
  expect(response.ok, await response.clone().text()).toBe(true);
}

const report = (url: string, headers: Record<string, string> = {}, query = '') =>
  fetch(`${url}/api/cta/report${query}`, { headers });

describe('the report endpoint (real HTTP, real SQLite)', () => {
  it('is not there without a token: reports are not public by default', async () => {
    const server = await start();
    const response = await report(server.url, { authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not found: the collector listens on /api/cta');
  });

  it('answers the JSON report to the right bearer token only', async () => {
    const server = await start(TOKEN);
    await collect(server.url, [
      { t: 'impression', id: 'trial', p: '/', pv: 'pv1', s: 0, x: 'hero', a: 'A' },
      { t: 'click', id: 'trial', p: '/', pv: 'pv1', s: 1, x: 'hero', a: 'A' },
      { t: 'impression', id: 'trial', p: '/', pv: 'pv2', s: 0, x: 'hero', a: 'B' },
    ]);
    // The writer thread commits in the background: the report shows the events once they are stored.
    let body: Report | undefined;
    for (let attempt = 0; attempt < 100; attempt++) {
      const response = await report(server.url, { authorization: `Bearer ${TOKEN}` });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
      body = (await response.json()) as Report;
      if (body.totals.events === 3) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(body!.rows).toMatchObject([{ cta: 'trial', page: '/', impressions: 2, clicks: 1 }]);
    expect(body!.experiments.map((experiment) => experiment.experiment)).toEqual(['hero']);

    for (const authorization of [undefined, 'Bearer wrong-token-of-enough-length', `Basic ${TOKEN}`, TOKEN]) {
      const refused = await report(server.url, authorization ? { authorization } : {});
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="cta-collect report"');
      expect(await refused.json()).toEqual({
        error: 'the report needs Authorization: Bearer <token>, the token the collector was started with',
      });
    }
  });

  it('narrows the period with since and until, refusing bad dates with the reason', async () => {
    const server = await start(TOKEN);
    const good = await report(server.url, { authorization: `Bearer ${TOKEN}` }, '?since=2026-11-01&until=2026-11-28');
    expect(((await good.json()) as Report).period).toEqual({ since: '2026-11-01', until: '2026-11-28' });
    const bad = await report(server.url, { authorization: `Bearer ${TOKEN}` }, '?since=2026-02-30');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: 'since takes a UTC date as YYYY-MM-DD, e.g. 2026-11-01, not "2026-02-30"',
    });
  });

  it('is read-only: writing to it is refused', async () => {
    const server = await start(TOKEN);
    const response = await fetch(`${server.url}/api/cta/report`, {
      method: 'POST',
      body: '[]',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('refuses a token short enough to guess', () => {
    expect(() => createReportHandler({ read: readSqliteReport('x.sqlite'), token: 'short' })).toThrow(
      'the report token must be at least 16 characters long',
    );
  });
});
