import { describe, expect, it } from 'vitest';
import { DailyQuota } from './daily-quota.ts';

function fakeClock(start = Date.UTC(2026, 10, 26, 12)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('DailyQuota', () => {
  it('bounds CTA ids new to the collector per client and day; known ids are free', () => {
    const clock = fakeClock();
    const quota = new DailyQuota({ eventsPerDay: 0, newCtasPerDay: 3, now: clock.now });
    const first = quota.take('attacker', ['a', 'b', 'b', 'c']);
    expect(first.allowed).toBe(true);
    if (first.allowed) first.settle(4);
    const over = quota.take('attacker', ['d']);
    expect(over).toMatchObject({ allowed: false, limit: 'new-ctas', firstTime: true });
    expect(over.allowed || over.error).toContain('daily limit of 3 new CTA ids (--max-new-ctas-per-day)');
    expect(quota.take('attacker', ['e'])).toMatchObject({ allowed: false, firstTime: false });
    // Ids the collector knows cost nothing, for this client or any other.
    expect(quota.take('attacker', ['a', 'c']).allowed).toBe(true);
    expect(quota.take('visitor', ['a', 'b', 'c']).allowed).toBe(true);
    // A new day starts afresh, and the refusal says when.
    expect(over.allowed || over.retryAfterSeconds).toBe(12 * 60 * 60);
    clock.advance(12 * 60 * 60 * 1000);
    expect(quota.take('attacker', ['d']).allowed).toBe(true);
  });

  it('bounds events per client and day, not charging retries or failed writes', () => {
    const quota = new DailyQuota({ eventsPerDay: 5, newCtasPerDay: 0, now: fakeClock().now });
    const ids = (n: number) => Array.from({ length: n }, () => 'signup');
    const first = quota.take('client', ids(4));
    if (first.allowed) first.settle(2); // two were duplicates of an earlier request
    const failed = quota.take('client', ids(3));
    if (failed.allowed) failed.settle(undefined); // the write failed: nothing stored
    expect(quota.take('client', ids(4))).toMatchObject({ allowed: false, limit: 'events' });
    expect(quota.take('client', ids(3)).allowed).toBe(true);
    expect(quota.take('other', ids(5)).allowed).toBe(true);
  });

  it('keeps a bounded number of clients', () => {
    const quota = new DailyQuota({ eventsPerDay: 10, newCtasPerDay: 10, maxClients: 100, now: fakeClock().now });
    for (let i = 0; i < 10_000; i++) quota.take(`client${i}`, ['a']);
    expect(quota.clients).toBe(100);
  });
});
