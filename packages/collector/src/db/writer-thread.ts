// Worker-thread entry of ThreadedEventStore: owns the database connection and runs EventStore's group commit,
// so SQLite's writes and fsyncs never block the HTTP thread.
import { parentPort, workerData } from 'node:worker_threads';
import type { ValidEvent } from '../validate.ts';
import { EventStore } from './event-store.ts';
import { openWritableDatabase, type Synchronous } from './open.ts';

export type WriterRequest =
  | { id: number; events: ValidEvent[] }
  | { id: number; pruneBefore: number }
  | { close: true };
export type WriterReply =
  | { ready: true }
  | { closed: true }
  | { id: number; stored: number; duplicates: number }
  | { id: number; deleted: number }
  | { id: number; error: string };

const port = parentPort!;
const { path, synchronous } = workerData as { path: string; synchronous: Synchronous };
const db = openWritableDatabase(path, { synchronous });
const store = new EventStore(db);

port.on('message', (message: WriterRequest) => {
  if ('close' in message) {
    store.close();
    db.close();
    port.postMessage({ closed: true } satisfies WriterReply);
    port.close();
    return;
  }
  if ('pruneBefore' in message) {
    const { id } = message;
    store.prune(message.pruneBefore).then(
      (deleted) => port.postMessage({ id, deleted } satisfies WriterReply),
      (error: Error) => port.postMessage({ id, error: error.message } satisfies WriterReply),
    );
    return;
  }
  const { id, events } = message;
  store.write(events).then(
    (result) => port.postMessage({ id, ...result } satisfies WriterReply),
    (error: Error) => port.postMessage({ id, error: error.message } satisfies WriterReply),
  );
});
port.postMessage({ ready: true } satisfies WriterReply);
