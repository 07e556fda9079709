import { describe, expect, it } from 'vitest';
import { clientAddress, isTrustedPeer, nearestValue, parseTrustProxy } from './trust-proxy.ts';

describe('--trust-proxy: the client address from X-Forwarded-For', () => {
  it('with a hop count, takes the entry that many hops from the right, never the client-written left part', () => {
    const oneProxy = parseTrustProxy('1');
    // An appending proxy turns a client's forged header "1.1.1.1" into "1.1.1.1, <client's real address>".
    expect(clientAddress(oneProxy, '10.0.0.2', '1.1.1.1, 203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddress(oneProxy, '10.0.0.2', '203.0.113.7')).toBe('203.0.113.7');
    const twoProxies = parseTrustProxy('2');
    expect(clientAddress(twoProxies, '10.0.0.2', 'forged, 203.0.113.7, 198.51.100.9')).toBe('203.0.113.7');
    // Fewer entries than hops: the furthest entry a trusted proxy wrote.
    expect(clientAddress(twoProxies, '10.0.0.2', '203.0.113.7')).toBe('203.0.113.7');
  });

  it('with addresses, walks from the right past trusted proxies only', () => {
    const trust = parseTrustProxy('10.0.0.0/8, 192.0.2.1,loopback');
    expect(clientAddress(trust, '127.0.0.1', 'forged, 203.0.113.7, 10.1.2.3')).toBe('203.0.113.7');
    expect(clientAddress(trust, '::ffff:10.0.0.5', 'forged, 203.0.113.7, 192.0.2.1')).toBe('203.0.113.7');
    // A peer that is not a trusted proxy is the client, whatever header it sends.
    expect(clientAddress(trust, '198.51.100.1', 'forged, 203.0.113.7')).toBe('198.51.100.1');
    expect(isTrustedPeer(trust, '10.9.9.9')).toBe(true);
    expect(isTrustedPeer(trust, '198.51.100.1')).toBe(false);
    expect(isTrustedPeer(parseTrustProxy('private'), 'fd00::1')).toBe(true);
  });

  it('without --trust-proxy, ignores X-Forwarded-For', () => {
    expect(clientAddress(parseTrustProxy(undefined), '198.51.100.1', '203.0.113.7')).toBe('198.51.100.1');
    expect(isTrustedPeer(parseTrustProxy(undefined), '127.0.0.1')).toBe(false);
  });

  it('refuses values that are neither a hop count nor addresses, saying what is expected', () => {
    expect(() => parseTrustProxy('yes')).toThrow('"yes" is neither a hop count, an IP address, a CIDR range');
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow('"10.0.0.0/33" is neither');
    expect(() => parseTrustProxy('50')).toThrow('a hop count must be a whole number from 0 to 20');
  });

  it('reads the nearest proxy value of X-Forwarded-Proto and -Host', () => {
    expect(nearestValue('http, https')).toBe('https');
    expect(nearestValue(undefined)).toBeUndefined();
  });
});
