/**
 * The database could not take the events (server down, connection lost, disk full): nothing of the request was
 * stored, so the collector answers 503 with Retry-After and the client sends the batch again later.
 */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}
