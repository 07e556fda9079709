import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '@astro-cta/collector';
import { afterEach, describe, expect, it } from 'vitest';
import { ToolbarMetrics } from '../../../packages/astro-cta/src/toolbar/metrics-server.ts';

// The dev server's side of the metrics overlay, against a real collector (real HTTP, real SQLite, the report
// endpoint with its token) and against exported report files.
const TOKEN = 'toolbar-test-token-0123456789';
const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function collectorWith(events: object[]) {
  const db = join(mkdtempSync(join(tmpdir(), 'cta-toolbar-metrics-')), 'events.sqlite');
  const server = await startServer({ db, port: 0, log: () => {}, reportToken: TOKEN, acceptLocal: true });
  running.push(server);
  const response = await fetch(`${server.url}/api/cta`, {
    method: 'POST',
    body: JSON.stringify(events),
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin: server.url },
  });
  expect(response.ok).toBe(true);
  return server;
}

const events = [
  { t: 'impression', id: 'trial', p: '/pricing/', pv: 'pv1', s: 0 },
  { t: 'click', id: 'trial', p: '/pricing/', pv: 'pv1', s: 1 },
  { t: 'impression', id: 'trial', p: '/pricing/', pv: 'pv2', s: 0 },
  { t: 'impression', id: 'demo', p: '/', pv: 'pv3', s: 0 },
];

describe('ToolbarMetrics', () => {
  it("asks the collector's report endpoint with the token and answers the page's CTAs", async () => {
    const server = await collectorWith(events);
    const metrics = new ToolbarMetrics({ url: `${server.url}/api/cta/report`, token: TOKEN });
    // The writer thread commits in the background: ask until the events are in (the answer is cached 30 s, so
    // each attempt uses a new instance).
    let answer = await metrics.respond({ requestId: 'r1', pathname: '/pricing' });
    for (let attempt = 0; attempt < 100 && answer?.ok && answer.ctas.length === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      answer = await new ToolbarMetrics({ url: `${server.url}/api/cta/report`, token: TOKEN }).respond({
        requestId: 'r1',
        pathname: '/pricing',
      });
    }
    expect(answer).toMatchObject({
      requestId: 'r1',
      ok: true,
      source: `${server.url}/api/cta/report`,
      period: 'all time',
      ctas: [{ cta: 'trial', impressions: 2, clicks: 1, ctr: 0.5 }],
    });
  });

  it('a wrong token, or a collector without the endpoint, is a message saying how to turn it on', async () => {
    const server = await collectorWith(events);
    const wrong = await new ToolbarMetrics({
      url: `${server.url}/api/cta/report`,
      token: 'not-the-token-at-all',
    }).respond({ requestId: 'r2', pathname: '/' });
    expect(wrong).toEqual({
      requestId: 'r2',
      ok: false,
      message:
        `metrics: the collector at ${server.url}/api/cta/report answered 401: start it with CTA_REPORT_TOKEN set ` +
        'and give the same token in the metrics option ({ url, token }).',
    });
  });

  it('a collector that is not there', async () => {
    const answer = await new ToolbarMetrics({ url: 'http://127.0.0.1:9/api/cta/report' }).respond({
      requestId: 'r3',
      pathname: '/',
    });
    expect(answer).toMatchObject({
      ok: false,
      message: expect.stringMatching(/could not be reached .*Is it running\?$/),
    });
  });

  it('reads a report file relative to the project root, every time, and strips the base path', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cta-toolbar-file-'));
    const metrics = new ToolbarMetrics({ file: 'reports/metrics.json' });
    metrics.useConfig({ base: '/docs', root: new URL(`file://${root}/`) });
    const missing = await metrics.respond({ requestId: 'r4', pathname: '/docs/pricing/' });
    expect(missing).toMatchObject({ ok: false, message: expect.stringContaining('there is no such file') });

    mkdirSync(join(root, 'reports'));
    const report = {
      generatedAt: '2026-11-29T00:00:00.000Z',
      period: { since: '2026-11-01', until: '2026-11-28' },
      rows: [
        {
          kind: 'cta',
          cta: 'trial',
          page: '/pricing/',
          impressions: 10,
          clicks: 2,
          convertedClicks: 1,
          ctr: 0.2,
          ctrLow: 0.05,
          ctrHigh: 0.5,
          conversionsPerImpression: 0.1,
          conversionsPerImpressionLow: 0.02,
          conversionsPerImpressionHigh: 0.4,
          conversionsPerClick: 0.5,
          conversionsPerClickLow: 0.1,
          conversionsPerClickHigh: 0.9,
        },
      ],
    };
    writeFileSync(join(root, 'reports/metrics.json'), JSON.stringify(report));
    const found = await metrics.respond({ requestId: 'r5', pathname: '/docs/pricing/' });
    expect(found).toMatchObject({
      ok: true,
      source: 'reports/metrics.json',
      period: '2026-11-01 to 2026-11-28',
      ctas: [{ cta: 'trial', ctr: 0.2 }],
    });
    expect(await metrics.respond({ requestId: 'r6', pathname: '/docs/other/' })).toMatchObject({ ok: true, ctas: [] });
  });

  it('ignores a request without an id, and answers one without a path with a message', async () => {
    const metrics = new ToolbarMetrics({ file: 'x.json' });
    expect(await metrics.respond({ pathname: '/' })).toBeUndefined();
    expect(await metrics.respond(null)).toBeUndefined();
    expect(await metrics.respond({ requestId: 'r7' })).toMatchObject({ ok: false });
  });
});
