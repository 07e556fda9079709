import { createHmac, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Turns a client IP into an opaque key for rate limiting. The key is an HMAC of the IP under a random salt that is
 * replaced every UTC day and never written anywhere, so keys cannot be linked across days or reversed to an IP,
 * and no raw IP is kept in memory longer than the request or ever stored.
 */
export class ClientKeys {
  readonly #now: () => number;
  #day = -1;
  #salt: KeyObject = createSecretKey(randomBytes(32));

  constructor({ now = Date.now }: { now?: () => number } = {}) {
    this.#now = now;
  }

  /** The current day number; when it changes, every earlier key is meaningless. */
  get day(): number {
    this.#rotate();
    return this.#day;
  }

  /** The key of a client: one per IPv4 address, one per IPv6 /64 (see clientPrefix). */
  keyFor(ip: string): string {
    this.#rotate();
    return createHmac('sha256', this.#salt).update(clientPrefix(ip)).digest('base64url').slice(0, 22);
  }

  #rotate(): void {
    const day = Math.floor(this.#now() / DAY_MS);
    if (day !== this.#day) {
      this.#day = day;
      // A KeyObject, made once a day: createHmac would otherwise convert a Buffer key on every request.
      this.#salt = createSecretKey(randomBytes(32));
    }
  }
}

/**
 * What counts as one client. An IPv6 subscriber is usually given a whole /64 and can use any of its 2^64 addresses,
 * so per-address limits would not bind them: IPv6 addresses count by their /64 prefix. IPv4 addresses (also when
 * written IPv4-mapped, `::ffff:203.0.113.7`) count one by one.
 */
export function clientPrefix(ip: string): string {
  const address = ip.split('%')[0]!; // a zone index (fe80::1%eth0) is local detail
  if (!address.includes(':')) return address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  const [head = '', tail] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? headGroups
      : [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => (parseInt(group, 16) || 0).toString(16))
    .join(':')}::/64`;
}
