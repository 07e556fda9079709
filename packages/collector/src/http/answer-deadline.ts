/**
 * How long one request may wait on its database in all (the shared limits, the quota, the write), by default. Well
 * below the HTTP server's idle timeout (15 s), which closes a silent socket without an answer, and below the
 * function timeouts of serverless hosts (10 s and up): a request whose database does not answer in time gets a 503
 * it can act on, never a reset.
 */
export const DEFAULT_ANSWER_DEADLINE_MS = 5_000;

/** The clock and timers a deadline runs on: the real ones, or a test's fake ones. */
export interface DeadlineClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

// Looked up on each call, not captured: fake timers a test installs later are the ones used.
const REAL_CLOCK: DeadlineClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** The database did not answer within the request's deadline; what it was doing goes on without the request. */
export class DeadlineExceeded extends Error {
  override name = 'DeadlineExceeded';
}

/**
 * One request's budget for waiting on its database. Every wait goes through `within`, which spends the budget by
 * the time the wait took; a wait still running when the budget is gone is given up on (DeadlineExceeded) and the
 * request is answered without it. Answers that need no database (SQLite's in-memory limits) cost nothing.
 */
export class AnswerDeadline {
  readonly budgetMs: number;
  readonly #clock: DeadlineClock;
  #remainingMs: number;

  constructor(budgetMs: number, clock: DeadlineClock = REAL_CLOCK) {
    checkAnswerDeadline(budgetMs);
    this.budgetMs = budgetMs;
    this.#remainingMs = budgetMs;
    this.#clock = clock;
  }

  /** Milliseconds of the budget not spent yet. */
  get remainingMs(): number {
    return this.#remainingMs;
  }

  /**
   * `work`'s value if it settles within what is left of the budget, else a rejection with DeadlineExceeded. A value
   * that is not a promise is returned as it is.
   */
  within<T>(work: PromiseLike<T>): Promise<T>;
  within<T>(work: T | PromiseLike<T>): T | Promise<T>;
  within<T>(work: T | PromiseLike<T>): T | Promise<T> {
    if (!isThenable(work)) return work;
    const clock = this.#clock;
    const startedAt = clock.now();
    return new Promise<T>((resolve, reject) => {
      let timer: unknown;
      const spend = () => {
        clock.clearTimeout(timer);
        this.#remainingMs = Math.max(0, this.#remainingMs - (clock.now() - startedAt));
      };
      timer = clock.setTimeout(() => {
        this.#remainingMs = 0;
        reject(new DeadlineExceeded(`the database did not answer within ${this.budgetMs} ms`));
      }, this.#remainingMs);
      work.then(
        (value) => {
          spend();
          resolve(value);
        },
        (error: unknown) => {
          spend();
          reject(error);
        },
      );
    });
  }
}

/** Refuses a deadline that would fail every request (or none), naming the option. */
export function checkAnswerDeadline(ms: number): void {
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new RangeError(`answerDeadlineMs must be a positive number of milliseconds, got ${ms}`);
  }
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T> | undefined)?.then === 'function';
}
