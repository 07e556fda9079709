import { mkdtempSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test } from '@playwright/test';
import { type CollectorProcess, postRaw, startCollector } from './collector-process.ts';

// Durability: a 2xx means committed. Load the real server with concurrent clients, SIGKILL it mid-stream (no
// shutdown code runs), restart it on the same file, and check that every acknowledged (page view, sequence) is there.

const CLIENTS = 32;
/** Acknowledged events before the kill: the load is well under way by then. */
const KILL_AFTER = 20_000;

/** Collectors a test started: a failed attempt must not leave one running (and holding its database) for the retry. */
const started: CollectorProcess[] = [];
test.afterEach(() => {
  for (const collector of started.splice(0))
    if (collector.child.exitCode === null && collector.child.signalCode === null) collector.child.kill('SIGKILL');
});

for (const synchronous of ['full', 'normal'] as const) {
  test(`SIGKILL under load loses no acknowledged event (synchronous=${synchronous})`, async () => {
    test.setTimeout(120_000);
    const db = join(mkdtempSync(join(tmpdir(), 'cta-crash-')), 'events.sqlite');
    // Port 0: the system picks a free one, so a retry never collides with a process of the failed attempt.
    // One address sends all the load: the per-client limits are off, as the rate limit is.
    const args = ['--db', db, '--port', '0', '--rate', '0', '--max-events-per-day', '0', '--synchronous', synchronous];
    const first = await startCollector(args);
    started.push(first);
    const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
    const acked: Array<[string, number]> = [];
    const sent: Array<[string, number]> = [];
    let killed = false;

    // Each client is a stream of page views: impressions in batches (1-40 events, so the server is often mid-
    // transaction when the kill lands), clicks singly, like real beacons.
    const client = async (clientId: number) => {
      for (let view = 0; !killed; view++) {
        const pv = `c${clientId}v${view}`;
        let s = 0;
        for (let request = 0; request < 3 && !killed; request++) {
          const size = request === 2 ? 1 : 1 + ((clientId * 7 + view * 3 + request) % 40);
          const events = Array.from({ length: size }, () => ({
            t: request === 2 ? 'click' : 'impression',
            id: `cta${clientId % 5}`,
            p: '/',
            pv,
            s: s++,
          }));
          const body = Buffer.from(JSON.stringify(events));
          for (const event of events) sent.push([pv, event.s]);
          try {
            const pending = postRaw(first.url, body, { 'content-type': 'text/plain' }, agent);
            if (!killed && acked.length >= KILL_AFTER) {
              // Kill right after this request went out: it (and the other clients' requests) can never be answered,
              // so the kill lands mid-stream by construction. (Waiting a timer tick first let the fast server answer
              // every request in flight, and then nothing was mid-stream.)
              killed = true;
              first.child.kill('SIGKILL');
            }
            const response = await pending;
            if (response.status === 200) for (const event of events) acked.push([pv, event.s]);
            else throw new Error(`unexpected ${response.status}: ${response.body}`);
          } catch (error) {
            if (!killed) throw error;
          }
        }
      }
    };
    const clients = Array.from({ length: CLIENTS }, (_, index) => client(index));

    await expect.poll(() => killed, { timeout: 90_000, intervals: [50] }).toBe(true);
    expect(await first.exited).toBe('SIGKILL');
    await Promise.all(clients);
    agent.destroy();

    // Restart on the same file: SQLite recovers from the WAL.
    const second = await startCollector(args);
    started.push(second);
    const database = new DatabaseSync(db, { readOnly: true });
    const stored = new Set(
      (database.prepare('SELECT page_view, seq FROM events').all() as Array<{ page_view: string; seq: number }>).map(
        (row) => `${row.page_view}#${row.seq}`,
      ),
    );
    database.close();
    const missing = acked.filter(([pv, s]) => !stored.has(`${pv}#${s}`));
    console.log(
      `crash (synchronous=${synchronous}): ${sent.length} events sent, ${acked.length} acknowledged, ${sent.length - acked.length} in flight at the kill, ` +
        `${stored.size} in the database after restart, ${missing.length} acknowledged but missing`,
    );
    expect(missing).toEqual([]);
    // The kill landed mid-stream: some requests never got their answer.
    expect(sent.length).toBeGreaterThan(acked.length);
    expect(stored.size).toBeGreaterThanOrEqual(acked.length);
    expect(stored.size).toBeLessThanOrEqual(sent.length);

    // The restarted collector works, and resending everything (as beacons retry) adds exactly the unstored events.
    const retry = await postRaw(
      second.url,
      Buffer.from(JSON.stringify([{ t: 'click', id: 'cta0', p: '/', pv: acked[0]![0], s: acked[0]![1] }])),
      { 'content-type': 'text/plain' },
    );
    expect(JSON.parse(retry.body)).toEqual({ ok: true, stored: 0, duplicates: 1 });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
}
