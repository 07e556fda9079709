import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageResult } from './page-auditor.ts';
import { examplePage } from './rules/example-page.ts';
import { rules } from './rules/index.ts';
import { settingsOf } from './rules/settings.ts';
import { writeSite } from './rules/support/test-helpers.ts';
import { WorkerPool, workersFor } from './worker-pool.ts';

const generic = (route: string) => examplePage(`<a class="button" href="/">Click here</a><p>${route}</p>`);

/** A site with a page holding a generic CTA in each of these folders. */
const site = (folders: string[]) =>
  writeSite(Object.fromEntries(folders.map((folder) => [`${folder}/index.html`, generic(folder)])));

const setup = (routes: string[]) => ({ rules: settingsOf(rules)!, routes, now: Date.parse('2026-11-26T00:00:00Z') });
const ruleIds = (result: PageResult) => result.findings.map((finding) => finding.ruleId);

let pool: WorkerPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('WorkerPool', () => {
  it('audits pages on worker threads with the same rules as this thread', async () => {
    const routes = ['/a/', '/b/', '/c/'];
    const dir = site(routes.map((route) => route.slice(1)));
    pool = new WorkerPool(2, setup(routes));
    const results = await Promise.all(
      routes.map((route, index) =>
        pool!.audit({
          index,
          route,
          file: `${route.slice(1)}index.html`,
          path: path.join(dir, route, 'index.html'),
          skip: [],
        }),
      ),
    );
    expect(results.map((result) => result.index)).toEqual([0, 1, 2]);
    for (const result of results) expect(ruleIds(result)).toContain('cta-generic-text');
    // Both workers are alive: the pages were audited there, not by the fallback on this thread.
    expect(pool.size).toBe(2);
  });

  it('reports the page a worker died on as an audit error and audits the others elsewhere: nothing is lost', async () => {
    const routes = ['/a/', '/crash/', '/b/', '/c/', '/d/'];
    const dir = site(routes.map((route) => route.slice(1)));
    pool = new WorkerPool(
      1,
      setup(routes),
      new URL('../../../tests/fixtures/audit-worker/crashing-worker.ts', import.meta.url),
    );
    const results = await Promise.all(
      routes.map((route, index) =>
        pool!.audit({
          index,
          route,
          file: `${route.slice(1)}index.html`,
          path: path.join(dir, route, 'index.html'),
          skip: [],
        }),
      ),
    );
    const crashed = results[1]!;
    expect(crashed.findings[0]!.message).toMatch(/worker thread stopped while auditing it \(it exited with code 3\)/);
    // The pages queued behind it were audited on this thread once no worker was left.
    for (const index of [0, 2, 3, 4]) expect(ruleIds(results[index]!), routes[index]).toContain('cta-generic-text');
    expect(pool.size).toBe(0);
  });

  it('audits on this thread when no worker can start', async () => {
    const dir = site(['a']);
    pool = new WorkerPool(2, setup(['/a/']), new URL('./no-such-worker.js', import.meta.url));
    const result = await pool.audit({
      index: 0,
      route: '/a/',
      file: 'a/index.html',
      path: path.join(dir, 'a', 'index.html'),
      skip: [],
    });
    expect(ruleIds(result)).toContain('cta-generic-text');
  });
});

describe('workersFor', () => {
  it('starts threads only when the site is worth them', () => {
    expect(workersFor(100, 8)).toBe(0);
    expect(workersFor(1_000, 8)).toBe(0);
    expect(workersFor(2_000, 8)).toBe(2);
    expect(workersFor(10_000, 8)).toBe(4);
    expect(workersFor(10_000, 2)).toBe(2);
    expect(workersFor(10_000, 1)).toBe(0);
  });
});
