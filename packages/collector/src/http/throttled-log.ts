/**
 * Log lines that cannot flood the log: per kind of event, the first line in a window is written and later ones are
 * only counted, then summed up in the next line written for that kind. Hostile or flaky clients (aborted uploads,
 * connection floods) cost one line a minute each, not one per request.
 */
export class ThrottledLog {
  readonly #log: (message: string) => void;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #kinds = new Map<string, { lastAt: number; suppressed: number }>();

  constructor(
    log: (message: string) => void,
    { windowMs = 60_000, now = Date.now }: { windowMs?: number; now?: () => number } = {},
  ) {
    this.#log = log;
    this.#windowMs = windowMs;
    this.#now = now;
  }

  /** Writes `message` unless a line of this `kind` was written within the window. */
  note(kind: string, message: string): void {
    const now = this.#now();
    const state = this.#kinds.get(kind);
    if (state && now - state.lastAt < this.#windowMs) {
      state.suppressed++;
      return;
    }
    const earlier = state?.suppressed ? ` (and ${state.suppressed} more like it since the last such line)` : '';
    this.#kinds.set(kind, { lastAt: now, suppressed: 0 });
    this.#log(message + earlier);
  }
}
