import { describe, expect, it } from 'vitest';
import { Collector } from '../collector.ts';
import type { EventWriter, StoreResult, WriteOptions } from '../db/event-store.ts';
import { StoreUnavailableError } from '../db/store-errors.ts';
import type { ValidEvent } from '../validate.ts';
import { AnswerDeadline, checkAnswerDeadline, DeadlineExceeded } from './answer-deadline.ts';
import { ClientKeys } from './client-key.ts';
import type { QuotaDecision } from './daily-quota.ts';
import type { Quota, RateDecision, RateLimit } from './limits.ts';
import { OriginPolicy } from './origins.ts';
import { startServer } from './server.ts';
import { collectRequest, deferred, ManualClock } from './test-support.ts';

// The collector's answer deadline, on a clock the test moves by hand: a database that does not answer in time
// gets the request a 503 at the deadline, never a 2xx; the late outcome only settles the quota. The same on a real
// PostgreSQL (a held lock, a frozen server, a stopped one): postgres-deadline.test.ts.

/** A store whose writes settle when the test says so. */
class HeldStore implements EventWriter {
  readonly writes: { events: ValidEvent[]; signal: AbortSignal | undefined; result: ReturnType<typeof deferred> }[] =
    [];
  write(events: ValidEvent[], options: WriteOptions = {}): Promise<StoreResult> {
    const result = deferred<StoreResult>();
    this.writes.push({ events, signal: options.signal, result: result as ReturnType<typeof deferred> });
    return result.promise;
  }
  async prune(): Promise<number> {
    return 0;
  }
  close(): void {}
}

/** A quota that grants everything and records how each request was settled. */
class RecordingQuota implements Quota {
  readonly settled: (number | undefined)[] = [];
  settleDelay: Promise<void> | undefined;
  take(): QuotaDecision | Promise<QuotaDecision> {
    return {
      allowed: true,
      settle: (stored) => {
        this.settled.push(stored);
        return this.settleDelay;
      },
    };
  }
}

const openLimit: RateLimit = { allow: () => ({ allowed: true, retryAfterSeconds: 0 }), sweep() {} };

function setup({ rateLimiter = openLimit, deadlineMs = 5_000 }: { rateLimiter?: RateLimit; deadlineMs?: number } = {}) {
  const clock = new ManualClock();
  const store = new HeldStore();
  const quota = new RecordingQuota();
  const logs: string[] = [];
  const collector = new Collector({
    store,
    origins: new OriginPolicy(),
    clientKeys: new ClientKeys(),
    rateLimiter,
    quota,
    log: (line) => logs.push(line),
    answerDeadlineMs: deadlineMs,
    clock,
  });
  return { clock, store, quota, logs, collector };
}

const request = (pv: string) => collectRequest([{ t: 'impression', id: 'signup', p: '/', pv, s: 0 }]);

/** Lets every already-settled promise run its continuations (no time passes on the manual clock). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the answer deadline', () => {
  it('answers 503 with Retry-After at the deadline when the write has not confirmed, and never a 2xx later', async () => {
    const { clock, store, quota, logs, collector } = setup();
    let answers = 0;
    const answer = collector.handle(request('late')).then((response) => {
      answers++;
      return response;
    });
    await settle();
    expect(store.writes).toHaveLength(1);
    clock.advance(4_999);
    await settle();
    expect(answers).toBe(0);
    clock.advance(1);
    const response = await answer;
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(JSON.parse(response.body).error).toBe(
      'the database did not answer within 5000 ms: the events may not be stored; send them again later ' +
        '(a batch sent twice is counted once)',
    );
    expect(logs).toEqual(['cta-collect: answering 503: the database did not answer within 5000 ms']);
    // The store is told the request stopped waiting (a queued write leaves its queue).
    expect(store.writes[0]!.signal?.aborted).toBe(true);
    expect(quota.settled).toEqual([]);
    // The transaction commits after all: the request was already answered, once; only the quota learns of it.
    store.writes[0]!.result.resolve({ stored: 1, duplicates: 0 });
    await settle();
    expect(answers).toBe(1);
    expect(quota.settled).toEqual([1]);
  });

  it('answers 200 when the commit comes before the deadline, and clears its timer', async () => {
    const { clock, store, collector } = setup();
    const answer = collector.handle(request('prompt'));
    await settle();
    clock.advance(4_000);
    store.writes[0]!.result.resolve({ stored: 1, duplicates: 0 });
    const response = await answer;
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ ok: true, stored: 1, duplicates: 0 });
    expect(store.writes[0]!.signal?.aborted).toBe(false);
    expect(clock.pending).toBe(0);
  });

  it('shares one budget between the limits and the write: 3 s on the rate limit leave the write 2 s', async () => {
    const rate = deferred<RateDecision>();
    const { clock, store, collector } = setup({ rateLimiter: { allow: () => rate.promise, sweep() {} } });
    const answer = collector.handle(request('budget'));
    await settle();
    clock.advance(3_000);
    rate.resolve({ allowed: true, retryAfterSeconds: 0 });
    await settle();
    expect(store.writes).toHaveLength(1);
    clock.advance(1_999);
    await settle();
    expect(store.writes[0]!.signal?.aborted).toBe(false);
    clock.advance(1);
    expect((await answer).status).toBe(503);
  });

  it('answers 503 at the deadline when the shared limits do not answer, before the body is read', async () => {
    const { clock, store, collector } = setup({ rateLimiter: { allow: () => new Promise(() => {}), sweep() {} } });
    let bodyRead = false;
    const answer = collector.handle({
      ...request('limits'),
      readBody: async () => {
        bodyRead = true;
        return new Uint8Array();
      },
    });
    await settle();
    clock.advance(5_000);
    expect((await answer).status).toBe(503);
    expect(bodyRead).toBe(false);
    expect(store.writes).toHaveLength(0);
  });

  it('hands back a quota grant that arrives after the 503: nothing of that request is written', async () => {
    const { clock, store, quota, collector } = setup();
    const grant = deferred<QuotaDecision>();
    quota.take = () => grant.promise;
    const answer = collector.handle(request('late-grant'));
    await settle();
    clock.advance(5_000);
    expect((await answer).status).toBe(503);
    const settled: (number | undefined)[] = [];
    grant.resolve({ allowed: true, settle: (stored) => void settled.push(stored) });
    await settle();
    expect(settled).toEqual([undefined]);
    expect(store.writes).toHaveLength(0);
  });

  it('refunds the quota of a write that failed after its 503, and leaves no unhandled rejection', async () => {
    const { clock, store, quota, collector } = setup();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const answer = collector.handle(request('failed-late'));
      await settle();
      clock.advance(5_000);
      expect((await answer).status).toBe(503);
      store.writes[0]!.result.reject(new StoreUnavailableError('connection lost'));
      await settle();
      await settle();
      expect(quota.settled).toEqual([undefined]);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('answers 503 (not 500) when the store fails within the deadline', async () => {
    const { store, quota, collector } = setup();
    const answer = collector.handle(request('failed'));
    await settle();
    store.writes[0]!.result.reject(new StoreUnavailableError('server closed the connection'));
    const response = await answer;
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body).error).toBe(
      'the database is unavailable: the events were not stored; send them again later',
    );
    expect(quota.settled).toEqual([undefined]);
  });

  it('sends the 200 of a committed write when the quota bookkeeping hangs past the deadline', async () => {
    const { clock, store, quota, collector } = setup();
    quota.settleDelay = new Promise(() => {});
    const answer = collector.handle(request('slow-quota'));
    await settle();
    clock.advance(1_000);
    store.writes[0]!.result.resolve({ stored: 1, duplicates: 0 });
    await settle();
    clock.advance(4_000);
    expect((await answer).status).toBe(200);
  });

  it('spends nothing on answers that need no database', () => {
    const clock = new ManualClock();
    const deadline = new AnswerDeadline(5_000, clock);
    expect(deadline.within(42)).toBe(42);
    expect(clock.pending).toBe(0);
    expect(deadline.remainingMs).toBe(5_000);
  });

  it('rejects with DeadlineExceeded once the budget is spent, and the work goes on without it', async () => {
    const clock = new ManualClock();
    const deadline = new AnswerDeadline(100, clock);
    const work = deferred<string>();
    const waiting = deadline.within(work.promise);
    clock.advance(100);
    await expect(waiting).rejects.toBeInstanceOf(DeadlineExceeded);
    expect(deadline.remainingMs).toBe(0);
    work.resolve('late');
    expect(await work.promise).toBe('late');
  });

  it('refuses a deadline that is not a positive number, naming the option', () => {
    expect(() => checkAnswerDeadline(0)).toThrow('answerDeadlineMs must be a positive number of milliseconds, got 0');
    expect(() => checkAnswerDeadline(Number.NaN)).toThrow('got NaN');
    expect(() => setup({ deadlineMs: -1 })).toThrow('answerDeadlineMs must be a positive number');
  });

  it('cta-collect serve refuses a deadline at or past the idle timeout (the socket would close first)', async () => {
    await expect(startServer({ db: ':memory:', port: 0, answerDeadlineMs: 15_000, log: () => {} })).rejects.toThrow(
      'the answer deadline (15000 ms) must be below the idle timeout (15000 ms): a request waiting on the database ' +
        'past the idle timeout has its socket closed without an answer; lower the deadline',
    );
  });
});
