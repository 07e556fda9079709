import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresCluster, startPostgres } from '../../../tests/support/postgres.ts';
import { Collector } from './collector.ts';
import { WRITE_LOCK } from './db/postgres-store.ts';
import { openStorage } from './db/storage.ts';
import { ClientKeys } from './http/client-key.ts';
import { DailyQuota } from './http/daily-quota.ts';
import { OriginPolicy } from './http/origins.ts';
import { RateLimiter } from './http/rate-limit.ts';
import { type RunningServer, startServer } from './http/server.ts';
import { collectRequest, ManualClock } from './http/test-support.ts';

// The answer deadline on a real PostgreSQL server (a throwaway cluster) in the three ways a database fails to answer:
// a write held by a lock (it commits after its request got 503), a frozen server (every process SIGSTOPped, as a
// network partition or a paused VM looks), and a stopped one (refused connections; the postgres client then waits
// 10-20 s between reconnect attempts). Each time: 503 with Retry-After within the deadline, never a 2xx for an
// unconfirmed write nor a socket closed without an answer, a resent batch counted once, and recovery on its own.
let cluster: PostgresCluster | undefined;
beforeAll(async () => {
  cluster = await startPostgres();
}, 60_000);
afterAll(() => {
  if (cluster) signalCluster(cluster, 'SIGCONT');
  cluster?.destroy();
}, 60_000);

/** The cluster's postmaster and every process it forked (backends, checkpointer, WAL writer...), by pid. */
function clusterPids(cluster: PostgresCluster): number[] {
  const postmaster = Number(readFileSync(join(cluster.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        // Field 4 of /proc/PID/stat is the parent pid; the name (field 2) may hold spaces but ends with ')'.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false; // the process ended while we looked
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

/** SIGSTOP freezes the whole server (its sockets stay open, nothing answers); SIGCONT lets it carry on. */
function signalCluster(cluster: PostgresCluster, signal: 'SIGSTOP' | 'SIGCONT'): void {
  for (const pid of clusterPids(cluster)) {
    try {
      process.kill(pid, signal);
    } catch {
      // ended meanwhile
    }
  }
}

// Many requests from one address in a few seconds: the rate limit is not what these tests are about.
const rateLimit = { burst: 60, perSecond: 0 };
const impression = (pv: string) => [{ t: 'impression', id: 'signup', p: '/', pv, s: 0 }];
const post = (server: RunningServer, events: object[]) =>
  fetch(`${server.url}/api/cta`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: JSON.stringify(events),
  });

describe('the answer deadline on PostgreSQL', { timeout: 120_000 }, () => {
  it('a write held past its deadline gets 503; its late commit is counted once on the resend', async () => {
    const db = await cluster!.createDatabase();
    const storage = await openStorage(db, { mode: 'write' });
    const store = await storage.writer();
    const clock = new ManualClock();
    const settled: (number | undefined)[] = [];
    const quota = new DailyQuota({ eventsPerDay: 0, newCtasPerDay: 0 });
    const collector = new Collector({
      store,
      origins: new OriginPolicy(),
      clientKeys: new ClientKeys(),
      rateLimiter: new RateLimiter({ burst: 100, perSecond: 0 }),
      quota: {
        take: (key, ids) => {
          const decision = quota.take(key, ids);
          if (!decision.allowed) return decision;
          return { ...decision, settle: (stored) => void settled.push(stored) };
        },
      },
      answerDeadlineMs: 5_000,
      clock,
    });
    const sql = postgres(db, { max: 2, onnotice: () => {} });
    try {
      // Another session holds the writers' lock (as a long prune or rollup rebuild would): the write waits on it.
      const holder = await sql.reserve();
      await holder`BEGIN`;
      await holder`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`;
      const held = collector.handle(collectRequest(impression('held')));
      const waitingOnLock = async () =>
        Number((await sql`SELECT COUNT(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`)[0]!.n);
      await expect.poll(waitingOnLock, { timeout: 10_000, interval: 20 }).toBe(1);
      // A second request queues behind that transaction (group commit sends one at a time).
      const queued = collector.handle(collectRequest(impression('queued')));
      await new Promise((resolve) => setImmediate(resolve));

      clock.advance(5_000);
      for (const answer of [await held, await queued]) {
        expect(answer.status).toBe(503);
        expect(answer.headers['retry-after']).toBe('1');
      }
      // The queued request left the queue unwritten (its quota handed back); the held one is still in the database.
      expect(settled).toEqual([undefined]);

      await holder`COMMIT`;
      holder.release();
      const stored = async () => (await sql<{ pv: string }[]>`SELECT page_view AS pv FROM events`).map((r) => r.pv);
      // The late commit: the 'held' batch is stored although its request was answered 503.
      await expect.poll(stored, { timeout: 10_000, interval: 20 }).toEqual(['held']);
      await expect.poll(() => settled, { timeout: 10_000, interval: 20 }).toEqual([undefined, 1]);

      // The clients send both batches again: the held one is a duplicate (counted once), the queued one is new.
      const resentHeld = await collector.handle(collectRequest(impression('held')));
      expect(resentHeld.status).toBe(200);
      expect(JSON.parse(resentHeld.body)).toEqual({ ok: true, stored: 0, duplicates: 1 });
      const resentQueued = await collector.handle(collectRequest(impression('queued')));
      expect(JSON.parse(resentQueued.body)).toEqual({ ok: true, stored: 1, duplicates: 0 });
      expect((await stored()).sort()).toEqual(['held', 'queued']);
      expect((await storage.report()).totals.events).toBe(2);
    } finally {
      // Ends the lock holder's session too (a failed check left its lock held): the store can then close.
      await sql.end({ timeout: 0 });
      await storage.close();
    }
  });

  it('a frozen server: every request gets 503 within the deadline, never a reset; the server thawed, 200 again', async () => {
    const db = await cluster!.createDatabase();
    const answerDeadlineMs = 400;
    const idleTimeoutMs = 1_500;
    const server = await startServer({ db, port: 0, answerDeadlineMs, idleTimeoutMs, rateLimit, log: () => {} });
    const sql = postgres(db, { max: 1, onnotice: () => {} });
    try {
      expect((await post(server, impression('before'))).status).toBe(200);
      signalCluster(cluster!, 'SIGSTOP');
      const frozenAt = performance.now();
      const waits: number[] = [];
      const sent: string[] = [];
      // Until the freeze has lasted past the idle timeout, four clients at a time: a request still waiting then
      // would have its socket closed (fetch rejects: "other side closed"), which fails the test.
      for (let round = 0; performance.now() - frozenAt < idleTimeoutMs * 1.5; round++) {
        const answers = await Promise.all(
          [0, 1, 2, 3].map(async (client) => {
            const pv = `frozen-${round}-${client}`;
            sent.push(pv);
            const startedAt = performance.now();
            const response = await post(server, impression(pv));
            waits.push(performance.now() - startedAt);
            return response;
          }),
        );
        for (const answer of answers) {
          expect(answer.status).toBe(503);
          expect(answer.headers.get('retry-after')).toBe('1');
        }
      }
      expect(Math.max(...waits)).toBeLessThan(idleTimeoutMs);
      signalCluster(cluster!, 'SIGCONT');
      // Nothing was broken, only paused: the pool carries on, and every batch sent again is stored once.
      await expect.poll(async () => (await post(server, impression('after'))).status, { timeout: 20_000 }).toBe(200);
      let lateCommits = 0;
      for (const pv of sent) {
        const resent = await post(server, impression(pv));
        expect(resent.status).toBe(200);
        lateCommits += ((await resent.json()) as { duplicates: number }).duplicates;
      }
      const [row] = await sql<{ n: number; distinct: number }[]>`
        SELECT COUNT(*)::int AS n, COUNT(DISTINCT page_view)::int AS distinct FROM events`;
      expect(row).toEqual({ n: sent.length + 2, distinct: sent.length + 2 });
      console.log(
        `frozen server: ${sent.length} requests answered 503, the longest after ${Math.round(Math.max(...waits))} ms; ` +
          `resent, ${lateCommits} were already stored (committed after their 503), counted once`,
      );
    } finally {
      signalCluster(cluster!, 'SIGCONT');
      await sql.end();
      await server.close();
    }
  });

  it('a stopped server: 503 within the deadline through the client reconnect backoff, then recovery by itself', async () => {
    // The postgres client waits 10-20 s between reconnect attempts once several failed; a request waited for the
    // next attempt, past the HTTP idle timeout (whose socket close the cluster test's proxy saw as a 502).
    const db = await cluster!.createDatabase();
    const answerDeadlineMs = 1_000;
    const idleTimeoutMs = 3_000;
    const server = await startServer({ db, port: 0, answerDeadlineMs, idleTimeoutMs, rateLimit, log: () => {} });
    try {
      expect((await post(server, impression('before'))).status).toBe(200);
      cluster!.stop();
      const waits: number[] = [];
      let deadlineAnswers = 0;
      // Until the deadline has answered for the client at least 3 times (the backoff grown past it).
      for (let request = 0; deadlineAnswers < 3; request++) {
        const startedAt = performance.now();
        const response = await post(server, impression('outage'));
        waits.push(performance.now() - startedAt);
        expect(response.status, `request ${request} after ${waits.map(Math.round).join(', ')} ms`).toBe(503);
        if (/did not answer within/.test(((await response.json()) as { error: string }).error)) deadlineAnswers++;
      }
      expect(Math.max(...waits)).toBeLessThan(idleTimeoutMs);
      cluster!.start();
      const startedAt = performance.now();
      await expect
        .poll(async () => (await post(server, impression('outage'))).status, { timeout: 45_000, interval: 200 })
        .toBe(200);
      console.log(
        `stopped server: ${waits.length} requests answered 503 (the longest after ${Math.round(Math.max(...waits))}` +
          ` ms, ${deadlineAnswers} at the ${answerDeadlineMs} ms deadline); back to 200 ` +
          `${Math.round(performance.now() - startedAt)} ms after the server started`,
      );
      expect(await (await post(server, impression('outage'))).json()).toEqual({ ok: true, stored: 0, duplicates: 1 });
    } finally {
      cluster!.start();
      await server.close();
    }
  });
});
