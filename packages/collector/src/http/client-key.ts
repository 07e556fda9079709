import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

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

  keyFor(ip: string): string {
    this.#rotate();
    return createHmac('sha256', this.#salt).update(ip).digest('base64url').slice(0, 22);
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
