import type { CollectRequest } from '../collector.ts';
import type { DeadlineClock } from './answer-deadline.ts';

// Test helpers for the answer deadline (not built into dist/).

/** A clock whose time moves only when the test says so; timers fire as it passes them. */
export class ManualClock implements DeadlineClock {
  #now = 0;
  #timers = new Map<number, { at: number; callback: () => void }>();
  #next = 0;
  now = () => this.#now;
  setTimeout = (callback: () => void, ms: number) => {
    this.#timers.set(++this.#next, { at: this.#now + ms, callback });
    return this.#next;
  };
  clearTimeout = (handle: unknown) => {
    this.#timers.delete(handle as number);
  };
  get pending(): number {
    return this.#timers.size;
  }
  /** Moves time on, firing the timers it passes in order. */
  advance(ms: number): void {
    const until = this.#now + ms;
    for (;;) {
      const [id, due] = [...this.#timers].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (id === undefined || !due || due.at > until) break;
      this.#timers.delete(id);
      this.#now = due.at;
      due.callback();
    }
    this.#now = until;
  }
}

export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A POST of these events as a beacon on the collector's own origin sends it. */
export function collectRequest(events: object[]): CollectRequest {
  const body = new TextEncoder().encode(JSON.stringify(events));
  return {
    method: 'POST',
    contentType: 'text/plain',
    contentLength: String(body.byteLength),
    origin: undefined,
    requestOrigin: 'http://127.0.0.1:4350',
    clientIp: '203.0.113.9',
    readBody: async () => body,
  };
}
