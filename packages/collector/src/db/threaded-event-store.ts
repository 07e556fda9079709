import { Worker } from 'node:worker_threads';
import type { ValidEvent } from '../validate.ts';
import type { EventWriter, StoreResult } from './event-store.ts';
import type { Synchronous } from './open.ts';
import type { WriterReply, WriterRequest } from './writer-thread.ts';

// The worker runs from the same folder: writer-thread.js in dist/, writer-thread.ts when tests run the source.
const WRITER = new URL(import.meta.url.endsWith('.ts') ? './writer-thread.ts' : './writer-thread.js', import.meta.url);

interface Pending {
  resolve: (reply: WriterReply) => void;
  reject: (error: Error) => void;
}

/**
 * EventStore on a worker thread, for `cta-collect serve`: the HTTP thread parses and validates the next requests
 * while the writer commits (and fsyncs) the previous ones, so the two use both cores. A write still resolves only
 * after its transaction committed.
 */
export class ThreadedEventStore implements EventWriter {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 0;
  #failure: Error | undefined;
  #closed: Promise<void> | undefined;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (reply: WriterReply) => {
      if (!('id' in reply)) return;
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if ('error' in reply) pending?.reject(new Error(reply.error));
      else pending?.resolve(reply);
    });
    worker.on('error', (error) => this.#fail(error));
    worker.on('exit', (code) => this.#fail(new Error(`the database writer thread exited (code ${code})`)));
  }

  /** Starts the writer thread and waits until it has opened (and migrated) the database. */
  static open(path: string, { synchronous = 'full' }: { synchronous?: Synchronous } = {}): Promise<ThreadedEventStore> {
    const worker = new Worker(WRITER, { workerData: { path, synchronous } });
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      worker.once('error', onError);
      worker.once('message', (reply: WriterReply) => {
        worker.off('error', onError);
        if ('ready' in reply) resolve(new ThreadedEventStore(worker));
        else reject(new Error('the database writer thread did not start'));
      });
    });
  }

  async write(events: ValidEvent[]): Promise<StoreResult> {
    const reply = await this.#request((id) => ({ id, events }));
    if (!('stored' in reply)) throw new Error('the database writer thread answered a write with something else');
    return { stored: reply.stored, duplicates: reply.duplicates };
  }

  async prune(beforeMs: number): Promise<number> {
    const reply = await this.#request((id) => ({ id, pruneBefore: beforeMs }));
    if (!('deleted' in reply)) throw new Error('the database writer thread answered a prune with something else');
    return reply.deleted;
  }

  #request(message: (id: number) => WriterRequest): Promise<WriterReply> {
    if (this.#closed) return Promise.reject(new Error('the event store is closed'));
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage(message(id));
    });
  }

  /** Commits what is queued, closes the database (checkpointing the WAL) and ends the thread. */
  close(): Promise<void> {
    this.#closed ??= new Promise((resolve) => {
      if (this.#failure) return resolve();
      this.#worker.on('message', (reply: WriterReply) => 'closed' in reply && resolve());
      this.#worker.once('exit', () => resolve());
      this.#worker.postMessage({ close: true } satisfies WriterRequest);
    });
    return this.#closed;
  }

  #fail(error: Error): void {
    if (this.#closed && !this.#failure) {
      this.#failure = error;
      return;
    }
    this.#failure ??= error;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
