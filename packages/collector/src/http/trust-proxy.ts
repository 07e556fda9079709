import { BlockList, isIP } from 'node:net';

/**
 * Which reverse proxies in front of the collector to believe (`--trust-proxy`). A proxy appends the address it
 * received the request from to `X-Forwarded-For`, so the header reads `<whatever the client sent>, <added by proxy 1>,
 * <added by proxy 2>`: only entries added by proxies we trust are facts, and everything to their left, the leftmost
 * entry above all, is whatever the client chose to send. The client address is therefore found by walking from the
 * right: past a fixed number of hops (`--trust-proxy 1` for one proxy), or past every address in a list of proxy
 * addresses and CIDR ranges (`--trust-proxy 10.0.0.0/8,127.0.0.1`).
 */
export type TrustProxy =
  | { kind: 'none' }
  | { kind: 'hops'; hops: number }
  | { kind: 'addresses'; list: BlockList; text: string };

export const NO_PROXY: TrustProxy = { kind: 'none' };

const NAMED_RANGES: Record<string, readonly string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** Parses `--trust-proxy`: a hop count, or a comma-separated list of addresses, CIDR ranges, `loopback`, `private`. */
export function parseTrustProxy(value: string | number | undefined): TrustProxy {
  if (value === undefined || value === 0 || value === '0') return NO_PROXY;
  if (typeof value === 'number' || /^\d+$/.test(value)) {
    const hops = Number(value);
    if (!Number.isInteger(hops) || hops < 0 || hops > 20)
      throw new Error(`a hop count must be a whole number from 0 to 20, not ${value}`);
    return { kind: 'hops', hops };
  }
  const list = new BlockList();
  for (const raw of value.split(',')) {
    const item = raw.trim();
    for (const range of NAMED_RANGES[item] ?? [item]) {
      const [address = '', prefix, ...rest] = range.split('/');
      const family = isIP(address);
      const bits = family === 4 ? 32 : 128;
      if (family === 0 || rest.length || (prefix !== undefined && !(/^\d+$/.test(prefix) && Number(prefix) <= bits))) {
        throw new Error(
          `"${item}" is neither a hop count, an IP address, a CIDR range (e.g. 10.0.0.0/8) nor loopback/private`,
        );
      }
      const type = family === 4 ? 'ipv4' : 'ipv6';
      if (prefix === undefined) list.addAddress(address, type);
      else list.addSubnet(address, Number(prefix), type);
    }
  }
  return { kind: 'addresses', list, text: value };
}

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) → `10.0.0.1`. */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

function isTrustedAddress(trust: TrustProxy, address: string): boolean {
  if (trust.kind !== 'addresses') return false;
  const family = isIP(address);
  return family !== 0 && trust.list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Whether the direct peer (the TCP connection's other end) is a proxy we trust. */
export function isTrustedPeer(trust: TrustProxy, peerAddress: string | undefined): boolean {
  if (trust.kind === 'hops') return true;
  return peerAddress !== undefined && isTrustedAddress(trust, plainAddress(peerAddress));
}

/** The client's address: the peer's, or the X-Forwarded-For entry the trusted proxies vouch for. */
export function clientAddress(
  trust: TrustProxy,
  peerAddress: string | undefined,
  forwardedFor: string | undefined,
): string {
  const peer = peerAddress === undefined ? 'unknown' : plainAddress(peerAddress);
  if (trust.kind === 'none' || !forwardedFor) return peer;
  // Nearest first: the peer, then X-Forwarded-For from right to left.
  const chain = [
    peer,
    ...forwardedFor
      .split(',')
      .map((entry) => plainAddress(entry.trim()))
      .filter(Boolean)
      .reverse(),
  ];
  if (trust.kind === 'hops') return chain[Math.min(trust.hops, chain.length - 1)]!;
  let index = 0;
  while (index < chain.length - 1 && isTrustedAddress(trust, chain[index]!)) index++;
  return chain[index]!;
}

/** The last (nearest proxy's) value of a comma-separated forwarding header. */
export function nearestValue(header: string | string[] | undefined): string | undefined {
  const text = Array.isArray(header) ? header.join(',') : header;
  const value = text?.split(',').at(-1)?.trim();
  return value ? value : undefined;
}
