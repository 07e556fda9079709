export { Collector, type CollectRequest, type CollectResponse } from './collector.ts';
export { EventStore, type EventWriter, type StoreResult } from './db/event-store.ts';
export { ThreadedEventStore } from './db/threaded-event-store.ts';
export { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion, type Migration } from './db/migrations.ts';
export { openReadOnlyDatabase, openWritableDatabase, type Synchronous } from './db/open.ts';
export { rebuildRollups, withoutRollupTriggers } from './db/rollups.ts';
export { OriginPolicy } from './http/origins.ts';
export { RateLimiter } from './http/rate-limit.ts';
export { DEFAULT_PATH, startServer, type RunningServer, type ServerOptions } from './http/server.ts';
export { LIMITS } from './limits.ts';
export {
  attributeConversions,
  buildReport,
  formatReport,
  REPORT_FORMATS,
  twoProportionZTest,
  wilsonInterval,
  type CtaRow,
  type PageRow,
  type Report,
  type ReportFormat,
  type ReportOptions,
} from './report/index.ts';
export { createCollectorService, DEFAULT_RATE_LIMIT, type CollectorOptions, type CollectorService } from './service.ts';
export { ctaBatchSchema, ctaEventSchema, parseBatch, type ValidEvent } from './validate.ts';
