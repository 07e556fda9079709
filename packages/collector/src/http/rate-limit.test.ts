import { describe, expect, it } from 'vitest';
import { ClientKeys, clientPrefix } from './client-key.ts';
import { DEFAULT_MAX_CLIENTS, RateLimiter } from './rate-limit.ts';

const DAY = 24 * 60 * 60 * 1000;

function fakeClock(start = Date.UTC(2026, 10, 26, 12)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('RateLimiter', () => {
  it('allows a burst, then refuses until tokens refill', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ burst: 3, perSecond: 2, now: clock.now });
    expect([1, 2, 3].map(() => limiter.allow('203.0.113.7').allowed)).toEqual([true, true, true]);
    expect(limiter.allow('203.0.113.7')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.advance(499);
    expect(limiter.allow('203.0.113.7').allowed).toBe(false);
    clock.advance(1);
    expect(limiter.allow('203.0.113.7').allowed).toBe(true);
  });

  it('keeps clients apart', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ burst: 1, perSecond: 1, now: clock.now });
    expect(limiter.allow('203.0.113.7').allowed).toBe(true);
    expect(limiter.allow('203.0.113.7').allowed).toBe(false);
    expect(limiter.allow('198.51.100.1').allowed).toBe(true);
  });

  it('is off with a rate of 0', () => {
    const limiter = new RateLimiter({ burst: 1, perSecond: 0 });
    expect(Array.from({ length: 100 }, () => limiter.allow('203.0.113.7').allowed).every(Boolean)).toBe(true);
    expect(limiter.size).toBe(0);
  });

  it('forgets full buckets when swept', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ burst: 2, perSecond: 1, now: clock.now });
    limiter.allow('203.0.113.7');
    limiter.allow('198.51.100.1');
    expect(limiter.size).toBe(2);
    clock.advance(1000);
    limiter.allow('203.0.113.7');
    clock.advance(1000);
    limiter.sweep();
    expect(limiter.size).toBe(1);
    clock.advance(2000);
    limiter.sweep();
    expect(limiter.size).toBe(0);
  });

  it('keeps at most maxClients buckets (1 M distinct clients), forgetting the least recently seen', {
    timeout: 60_000,
  }, () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ burst: 1, perSecond: 1, now: clock.now });
    expect(limiter.allow('regular').allowed).toBe(true);
    for (let i = 0; i < 1_000_000; i++) {
      limiter.allow(`flood${i}`);
      if (i % 50_000 === 0) limiter.allow('regular'); // seen recently, so never the one forgotten
    }
    expect(limiter.size).toBe(DEFAULT_MAX_CLIENTS);
    expect(limiter.allow('regular').allowed).toBe(false);
    const small = new RateLimiter({ burst: 1, perSecond: 1, maxClients: 10, now: clock.now });
    for (let i = 0; i < 1000; i++) small.allow(`client${i}`);
    expect(small.size).toBe(10);
  });
});

describe('ClientKeys', () => {
  it('hides the IP behind a salted hash that changes every day', () => {
    const clock = fakeClock();
    const keys = new ClientKeys({ now: clock.now });
    const today = keys.keyFor('203.0.113.7');
    expect(today).not.toContain('203');
    expect(today).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(keys.keyFor('203.0.113.7')).toBe(today);
    expect(keys.keyFor('203.0.113.8')).not.toBe(today);
    clock.advance(DAY);
    expect(keys.keyFor('203.0.113.7')).not.toBe(today);
  });

  it('uses a random salt, so two collectors never agree on a key', () => {
    const clock = fakeClock();
    expect(new ClientKeys({ now: clock.now }).keyFor('203.0.113.7')).not.toBe(
      new ClientKeys({ now: clock.now }).keyFor('203.0.113.7'),
    );
  });

  it('counts an IPv6 /64 as one client (its holder can use any address in it), IPv4 addresses one by one', () => {
    const keys = new ClientKeys();
    expect(keys.keyFor('2001:db8:1:2::1')).toBe(keys.keyFor('2001:0db8:0001:0002:ffff:1:2:3'));
    expect(keys.keyFor('2001:db8:1:2::1')).not.toBe(keys.keyFor('2001:db8:1:3::1'));
    expect(keys.keyFor('::ffff:203.0.113.7')).toBe(keys.keyFor('203.0.113.7'));
    expect(keys.keyFor('203.0.113.7')).not.toBe(keys.keyFor('203.0.113.8'));
    expect([clientPrefix('::1'), clientPrefix('fe80::1%eth0'), clientPrefix('2001:db8::')]).toEqual([
      '0:0:0:0::/64',
      'fe80:0:0:0::/64',
      '2001:db8:0:0::/64',
    ]);
  });
});
