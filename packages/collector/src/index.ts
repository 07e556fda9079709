export { Collector, type CollectRequest, type CollectResponse } from './collector.ts';
export { EventStore, type EventWriter, type StoreResult } from './db/event-store.ts';
export { LATEST_VERSION, MIGRATIONS, type Migration, migrate, schemaVersion } from './db/migrations.ts';
export { openReadOnlyDatabase, openWritableDatabase, type Synchronous } from './db/open.ts';
export { rebuildRollups, withoutRollupTriggers } from './db/rollups.ts';
export { ThreadedEventStore } from './db/threaded-event-store.ts';
export { OriginPolicy } from './http/origins.ts';
export { RateLimiter } from './http/rate-limit.ts';
export { DEFAULT_PATH, type RunningServer, type ServerOptions, startServer } from './http/server.ts';
export { LIMITS } from './limits.ts';
export {
  attributeConversions,
  buildReport,
  type CtaRow,
  formatReport,
  type PageRow,
  REPORT_FORMATS,
  type Report,
  type ReportFormat,
  type ReportOptions,
  twoProportionZTest,
  wilsonInterval,
} from './report/index.ts';
export { type CollectorOptions, type CollectorService, createCollectorService, DEFAULT_RATE_LIMIT } from './service.ts';
export { ctaBatchSchema, ctaEventSchema, parseBatch, type ValidEvent } from './validate.ts';
