// The report's statistics, from the package shared with the audit (exported here since the report's first version).
export { twoProportionZTest, wilsonInterval } from '@astro-cta/stats';
export { Collector, type CollectRequest, type CollectResponse } from './collector.ts';
export { EventStore, type EventWriter, type StoreResult } from './db/event-store.ts';
export { LATEST_VERSION, MIGRATIONS, type Migration, migrate, schemaVersion } from './db/migrations.ts';
export { POSTGRES_MIGRATIONS } from './db/migrations-postgres.ts';
export { openReadOnlyDatabase, openWritableDatabase, type Synchronous } from './db/open.ts';
export { isPostgresUrl } from './db/postgres-connect.ts';
export { bulkLoadPostgres, rebuildPostgresRollups } from './db/postgres-rollups.ts';
export { PostgresEventStore } from './db/postgres-store.ts';
export { bulkLoad, rebuildRollups } from './db/rollups.ts';
export { type Engine, openStorage, type SharedLimits, type Storage, type StorageOptions } from './db/storage.ts';
export { StoreUnavailableError } from './db/store-errors.ts';
export { ThreadedEventStore } from './db/threaded-event-store.ts';
export { OriginPolicy } from './http/origins.ts';
export { RateLimiter } from './http/rate-limit.ts';
export { DEFAULT_PATH, type RunningServer, type ServerOptions, startServer } from './http/server.ts';
export { LIMITS } from './limits.ts';
export {
  attributeConversions,
  buildReport,
  buildReportFrom,
  type CtaRow,
  formatReport,
  type PageRow,
  REPORT_FORMATS,
  type Report,
  type ReportFormat,
  type ReportOptions,
} from './report/index.ts';
export { type CollectorOptions, type CollectorService, createCollectorService, DEFAULT_RATE_LIMIT } from './service.ts';
export { ctaBatchSchema, ctaEventSchema, parseBatch, type ValidEvent } from './validate.ts';
