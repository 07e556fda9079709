#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import pc from 'picocolors';
import { EXPORT_FORMATS, type ExportFormat, exportEvents } from './db/export.ts';
import { LATEST_VERSION } from './db/migrations.ts';
import type { Synchronous } from './db/open.ts';
import { DAY_MS, parseKeepDays, retentionCutOff } from './db/retention.ts';
import { openStorage, type Storage } from './db/storage.ts';
import { DEFAULT_ANSWER_DEADLINE_MS } from './http/answer-deadline.ts';
import { DEFAULT_CONNECTION_LIMITS } from './http/connection-limit.ts';
import { DEFAULT_DAILY_QUOTA } from './http/daily-quota.ts';
import { normalizeOrigin } from './http/origins.ts';
import { MIN_TOKEN_LENGTH } from './http/report-endpoint.ts';
import { DEFAULT_PATH, startServer } from './http/server.ts';
import { parseTrustProxy } from './http/trust-proxy.ts';
import {
  ATTRIBUTION_MODELS,
  type AttributionModel,
  BUCKETS,
  type Bucket,
  DEFAULT_ATTRIBUTION,
  DEFAULT_ROW_LIMIT,
  formatReport,
  parseDay,
  REPORT_FORMATS,
  type ReportFormat,
  type ReportOptions,
  SORT_KEYS,
  type SortKey,
} from './report/index.ts';
import { DEFAULT_RATE_LIMIT } from './service.ts';

const DEFAULT_DB = './data/cta.sqlite';

const HELP = `cta-collect: receive astro-cta beacon events into SQLite or PostgreSQL and report CTR per CTA.

Usage
  cta-collect serve   [--db FILE|URL] [--host HOST] [--port PORT] [--allow-origin ORIGIN]... [--public-url URL]...
                      [--static DIR] [--path PATH] [--rate N] [--burst N] [--synchronous full|normal]
                      [--trust-proxy HOPS|ADDRESSES] [--max-events-per-day N] [--max-new-ctas-per-day N]
                      [--max-connections N] [--max-connections-per-client N] [--keep DAYSd] [--pool N]
                      [--accept-local] [--accept-automation]
                      [--answer-deadline MS]
  cta-collect report  [--db FILE|URL] [--format table|json|csv|html] [--out FILE] [--limit N | --all]
                      [--since DATE] [--until DATE] [--by day|week] [--sort COLUMN]
                      [--attribution last-click|first-click] [--window MINUTES] [--any-goal]
  cta-collect export  [--db FILE|URL] [--format jsonl|csv|parquet] [--out FILE] [--since DATE] [--until DATE]
  cta-collect prune   --keep DAYSd [--db FILE|URL]
  cta-collect migrate [--db FILE|URL]
  cta-collect rollup  [--db FILE|URL]

Options
  --db FILE|URL        SQLite database file (default ${DEFAULT_DB}; serve creates it), or a PostgreSQL URL such as
                       postgres://user:password@host:5432/db (add ?prepare=false behind a pooler in transaction
                       mode); the collector creates its tables there
  --pool N             PostgreSQL connections per serve process (default 4)
  --answer-deadline MS how long one request may wait on the database in all (default ${DEFAULT_ANSWER_DEADLINE_MS}, at most
                       14999: below the 15 s idle timeout); past it the request gets 503 with Retry-After. A batch
                       whose write commits after its 503 is counted once when the client sends it again
  --host HOST          address to listen on (default 127.0.0.1)
  --port PORT          port to listen on (default 4350)
  --allow-origin URL   another site whose pages may post events (repeatable; "*" for any)
  --public-url URL     the collector's own public origin, e.g. https://www.example.com (repeatable). With this or
                       --allow-origin given, only those origins are allowed; with neither, pages whose origin
                       equals the request's Host are (fine for a local serve, not for a public one)
  --static DIR         also serve this built site (e.g. docs-site/dist) on the same origin
  --path PATH          URL path of the endpoint (default ${DEFAULT_PATH})
  --rate N             requests per second per client, refilled (default ${DEFAULT_RATE_LIMIT.perSecond}; 0 disables the limit)
  --burst N            requests a client may make at once (default ${DEFAULT_RATE_LIMIT.burst})
  --synchronous MODE   full (default: durable on power loss) or normal (durable on crashes, faster)
  --trust-proxy HOPS|ADDRESSES
                       behind reverse proxies: their number (1 for one proxy) or a comma-separated list of their
                       addresses and CIDR ranges (also loopback, private). The client address is taken from
                       X-Forwarded-For that many trusted entries from the right (the left part is client-written),
                       and X-Forwarded-Proto/-Host of a trusted proxy give the origin of same-origin pages
  --max-events-per-day N
                       events one client may store per UTC day
                       (default ${DEFAULT_DAILY_QUOTA.eventsPerDay}; 0: no limit)
  --max-new-ctas-per-day N
                       CTA ids new to the collector one client may add per UTC day
                       (default ${DEFAULT_DAILY_QUOTA.newCtasPerDay}; 0: no limit)
  --max-connections N  open connections in all (default ${DEFAULT_CONNECTION_LIMITS.total})
  --max-connections-per-client N
                       open connections from one address, trusted proxies excepted
                       (default ${DEFAULT_CONNECTION_LIMITS.perClient})
  --keep DAYSd         retention: delete events received more than DAYS days ago, in whole UTC days, with the
                       report's rollups of those days (serve: at start and every 6 hours; prune: once), e.g.
                       --keep 400d. Without it serve keeps everything
  --accept-local       store events from pages on localhost, *.localhost, 127.x and [::1] too (tests, demos). Without
                       it they are answered 200, counted in the log and not stored: development is not traffic
  --accept-automation  store events from automated browsers and crawlers (User-Agent HeadlessChrome, Googlebot…) too;
                       without it they are answered 200, counted in the log and not stored
  CTA_REPORT_TOKEN     (environment, serve) a secret of 16+ characters: serve then also answers GET <path>/report
                       with the JSON report (?since=&until= as below) to requests carrying
                       "Authorization: Bearer <token>". Unset: no report endpoint
  --format FORMAT      report format: table (default), json, csv or html; export: jsonl (default), csv or
                       parquet (to an --out file)
  --out FILE           write the report to FILE instead of standard output
  --limit N            table and html: show the N most seen rows (default ${DEFAULT_ROW_LIMIT}); json and csv hold all
  --all                table and html: show every row
  --since DATE         count from this UTC day on (YYYY-MM-DD); each CTA's change is then tested against the
                       period of the same length just before (two-proportion z-test)
  --until DATE         count up to and including this UTC day (YYYY-MM-DD)
  --by day|week        add a series per CTA by UTC day or ISO week (html: a sparkline; html defaults to day)
  --sort COLUMN        order of the CTAs: ${SORT_KEYS.join(', ')} (default impressions)
  --attribution MODEL  which click gets a conversion: last-click (default) or first-click
  --window MINUTES     how long before a conversion its click may be (default ${DEFAULT_ATTRIBUTION.windowMinutes})
  --any-goal           credit a click on any CTA when none for the conversion's goal is in the window

Commands besides serve and report: export writes the stored events (one JSON object a line, CSV or Parquet) in key
order; prune deletes events older than --keep; migrate brings the schema to the latest version; rollup recomputes the
report's rollups from the events (the collector keeps them per commit; this checks or repairs them).
  -h, --help           show this help

Exit codes: 0 success, 1 failure (database, port, file), 2 wrong usage.
`;

const OPTIONS = {
  db: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  'allow-origin': { type: 'string', multiple: true },
  static: { type: 'string' },
  path: { type: 'string' },
  rate: { type: 'string' },
  burst: { type: 'string' },
  synchronous: { type: 'string' },
  'public-url': { type: 'string', multiple: true },
  'trust-proxy': { type: 'string' },
  'max-events-per-day': { type: 'string' },
  'max-new-ctas-per-day': { type: 'string' },
  'max-connections': { type: 'string' },
  'max-connections-per-client': { type: 'string' },
  keep: { type: 'string' },
  'accept-local': { type: 'boolean' },
  'accept-automation': { type: 'boolean' },
  format: { type: 'string' },
  out: { type: 'string' },
  limit: { type: 'string' },
  all: { type: 'boolean' },
  since: { type: 'string' },
  until: { type: 'string' },
  by: { type: 'string' },
  sort: { type: 'string' },
  attribution: { type: 'string' },
  window: { type: 'string' },
  'any-goal': { type: 'boolean' },
  pool: { type: 'string' },
  'answer-deadline': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

/** Wrong usage: exit code 2 and a hint. */
class UsageError extends Error {}

const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  serve: [
    'db',
    'host',
    'port',
    'allow-origin',
    'public-url',
    'static',
    'path',
    'rate',
    'burst',
    'synchronous',
    'trust-proxy',
    'max-events-per-day',
    'max-new-ctas-per-day',
    'max-connections',
    'max-connections-per-client',
    'keep',
    'pool',
    'accept-local',
    'accept-automation',
    'answer-deadline',
  ],
  report: ['db', 'format', 'out', 'limit', 'all', 'since', 'until', 'by', 'sort', 'attribution', 'window', 'any-goal'],
  prune: ['db', 'keep'],
  migrate: ['db'],
  export: ['db', 'format', 'out', 'since', 'until'],
  rollup: ['db'],
};

async function main(argv: string[]): Promise<number> {
  // biome-ignore lint/suspicious/noImplicitAnyLet: TypeScript infers it from the assignments below
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    throw new UsageError(
      message.includes("'--trust-proxy") && message.includes('argument missing')
        ? '--trust-proxy needs a value: the number of proxies in front (e.g. --trust-proxy 1) or their addresses'
        : message,
    );
  }
  const { values, positionals } = parsed;
  const [command, ...extra] = positionals;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(HELP);
    return command === undefined && !values.help ? 2 : 0;
  }
  const allowed = COMMAND_OPTIONS[command];
  if (!allowed) {
    throw new UsageError(`unknown command "${command}": use serve, report, export, prune, migrate or rollup`);
  }
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  for (const name of Object.keys(values)) {
    if (name !== 'help' && !allowed.includes(name)) throw new UsageError(`--${name} does not apply to "${command}"`);
  }
  const db = values.db ?? DEFAULT_DB;

  if (command === 'migrate') {
    return withStorage(db, 'write', async (storage) => {
      const version = await storage.schemaVersion();
      console.log(`${storage.name} is at schema version ${version} (latest ${LATEST_VERSION}).`);
      return 0;
    });
  }

  if (command === 'rollup') {
    return withStorage(db, 'write', async (storage) => {
      const started = performance.now();
      await storage.rebuildRollups();
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`cta-collect: rebuilt the report's rollups of ${storage.name} from its events in ${seconds} s.`);
      return 0;
    });
  }

  if (command === 'export') {
    const format = (values.format ?? 'jsonl') as ExportFormat;
    if (!EXPORT_FORMATS.includes(format)) {
      throw new UsageError(`export --format ${values.format} is not one of ${EXPORT_FORMATS.join(', ')}`);
    }
    if (format === 'parquet' && !values.out) {
      throw new UsageError(
        'export --format parquet writes a binary file: name it with --out, e.g. --out events.parquet',
      );
    }
    const period = reportOptions(values, 'json');
    return withStorage(db, 'read', async (storage) => {
      const from = period.since === undefined ? Number.MIN_SAFE_INTEGER : period.since * DAY_MS;
      const to = period.until === undefined ? Number.MAX_SAFE_INTEGER : period.until * DAY_MS;
      const count = await exportEvents(storage.exportEvents(from, to), format, values.out);
      console.error(`cta-collect: exported ${count} events${values.out ? ` to ${values.out}` : ''}.`);
      return 0;
    });
  }

  const keepDays = values.keep === undefined ? undefined : usage(() => parseKeepDays(values.keep!));
  if (command === 'prune') {
    if (keepDays === undefined) throw new UsageError('prune needs --keep, e.g. cta-collect prune --keep 400d');
    return withStorage(db, 'write', async (storage) => {
      const deleted = await storage.prune(retentionCutOff(Date.now(), keepDays));
      console.log(
        `cta-collect: deleted ${deleted} events received more than ${keepDays} days ago from ${storage.name}.`,
      );
      return 0;
    });
  }

  if (command === 'report') {
    const format = (values.format ?? 'table') as ReportFormat;
    if (!REPORT_FORMATS.includes(format))
      throw new UsageError(`--format ${values.format} is not one of ${REPORT_FORMATS.join(', ')}`);
    const { limit: givenLimit, all } = values;
    if (givenLimit !== undefined && all) throw new UsageError('--limit and --all exclude each other: give one of them');
    if ((givenLimit !== undefined || all) && (format === 'json' || format === 'csv')) {
      const flag = all ? '--all' : '--limit';
      throw new UsageError(`${flag} applies to the table and html formats: ${format} always holds every row`);
    }
    const limit = all ? Infinity : integer(givenLimit ?? String(DEFAULT_ROW_LIMIT), '--limit', 1, 1_000_000_000);
    const options = reportOptions(values, format);
    const report = await withStorage(db, 'read', (storage) => storage.report(new Date(), options));
    const color = format === 'table' && !values.out && pc.isColorSupported;
    const text = formatReport(report, format, { color, limit });
    if (values.out) {
      writeFileSync(values.out, text);
      console.error(`cta-collect: wrote the ${format} report to ${values.out}`);
    } else process.stdout.write(text);
    return 0;
  }

  const port = integer(values.port ?? '4350', '--port', 0, 65_535);
  const synchronous = (values.synchronous ?? 'full') as Synchronous;
  if (synchronous !== 'full' && synchronous !== 'normal')
    throw new UsageError(`--synchronous must be full or normal, not ${values.synchronous}`);
  const path = values.path ?? DEFAULT_PATH;
  if (!path.startsWith('/')) throw new UsageError(`--path must start with "/", e.g. ${DEFAULT_PATH}`);
  let allowedOrigins: string[];
  try {
    allowedOrigins = (values['allow-origin'] ?? []).map((origin) =>
      origin === '*' ? origin : normalizeOrigin(origin),
    );
  } catch (error) {
    throw new UsageError(`--allow-origin: ${(error as Error).message}`);
  }
  const option = (name: keyof typeof values, fallback: number, min: number, max: number) =>
    integer(String(values[name] ?? fallback), `--${name}`, min, max);
  const publicOrigins = (values['public-url'] ?? []).map((url) => usage(() => publicOrigin(url)));
  const trustProxy = values['trust-proxy'];
  if (trustProxy !== undefined) usage(() => parseTrustProxy(trustProxy), '--trust-proxy');
  // From the environment, not a flag: a flag's value is visible to every user of the machine (ps).
  const reportToken = process.env.CTA_REPORT_TOKEN || undefined;
  if (reportToken && reportToken.length < MIN_TOKEN_LENGTH) {
    throw new UsageError(
      `CTA_REPORT_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters long (e.g. from \`openssl rand -hex 24\`)`,
    );
  }
  const running = await startServer({
    db,
    host: values.host ?? '127.0.0.1',
    port,
    path,
    allowedOrigins,
    publicOrigins,
    synchronous,
    acceptLocal: values['accept-local'] ?? false,
    acceptAutomation: values['accept-automation'] ?? false,
    ...(trustProxy !== undefined ? { trustProxy } : {}),
    ...(keepDays !== undefined ? { keepDays } : {}),
    ...(values.pool !== undefined ? { pool: integer(values.pool, '--pool', 1, 1000) } : {}),
    ...(values['answer-deadline'] !== undefined
      ? { answerDeadlineMs: integer(values['answer-deadline'], '--answer-deadline', 1, 14_999) }
      : {}),
    dailyQuota: {
      eventsPerDay: option('max-events-per-day', DEFAULT_DAILY_QUOTA.eventsPerDay, 0, 1e9),
      newCtasPerDay: option('max-new-ctas-per-day', DEFAULT_DAILY_QUOTA.newCtasPerDay, 0, 1e9),
    },
    connections: {
      total: option('max-connections', DEFAULT_CONNECTION_LIMITS.total, 1, 1e6),
      perClient: option('max-connections-per-client', DEFAULT_CONNECTION_LIMITS.perClient, 1, 1e6),
    },
    rateLimit: {
      perSecond: integer(values.rate ?? String(DEFAULT_RATE_LIMIT.perSecond), '--rate', 0, 1_000_000),
      burst: integer(values.burst ?? String(DEFAULT_RATE_LIMIT.burst), '--burst', 1, 1_000_000),
    },
    ...(values.static ? { staticDir: values.static } : {}),
    ...(reportToken ? { reportToken } : {}),
  });
  if (values.static) console.log(`cta-collect: serving ${values.static} at ${running.url}/`);
  if (reportToken) {
    console.log(
      `cta-collect: the JSON report at ${running.url}${path}/report (Authorization: Bearer $CTA_REPORT_TOKEN)`,
    );
  }
  console.log(`cta-collect: collecting at ${running.url}${path} into ${running.service.storage.name}`);
  const stop = (signal: string) => {
    console.log(`cta-collect: ${signal}, closing`);
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return new Promise(() => {});
}

/** Opens the database (SQLite file or PostgreSQL URL), runs `work` and closes it, also when `work` fails. */
async function withStorage<T>(db: string, mode: 'read' | 'write', work: (storage: Storage) => Promise<T>): Promise<T> {
  const storage = await openStorage(db, { mode });
  try {
    return await work(storage);
  } finally {
    await storage.close();
  }
}

/** Runs a parser, turning its error into a usage error (exit 2), prefixed with the flag when given. */
function usage<T>(parse: () => T, flag?: string): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(`${flag ? `${flag}: ` : ''}${(error as Error).message}`);
  }
}

/** `https://www.example.com/` → `https://www.example.com`, with an error naming --public-url otherwise. */
function publicOrigin(url: string): string {
  try {
    return normalizeOrigin(url);
  } catch (error) {
    throw new Error(`--public-url: ${(error as Error).message.replace('allowed origin', 'origin')}`);
  }
}

/** The report's period, series, order and attribution from the command line, each checked with a usage error. */
function reportOptions(
  values: {
    since?: string;
    until?: string;
    by?: string;
    sort?: string;
    attribution?: string;
    window?: string;
    'any-goal'?: boolean;
  },
  format: ReportFormat,
): ReportOptions {
  const options: ReportOptions = {};
  if (values.since !== undefined) options.since = usage(() => parseDay(values.since!, '--since'));
  if (values.until !== undefined) options.until = usage(() => parseDay(values.until!, '--until')) + 1;
  if (options.since !== undefined && options.until !== undefined && options.until <= options.since) {
    throw new UsageError(`--until ${values.until} is before --since ${values.since}`);
  }
  const by = values.by ?? (format === 'html' ? 'day' : undefined);
  if (by !== undefined) {
    if (!BUCKETS.includes(by as Bucket)) throw new UsageError(`--by must be ${BUCKETS.join(' or ')}, not "${by}"`);
    options.by = by as Bucket;
  }
  if (values.sort !== undefined) {
    if (!SORT_KEYS.includes(values.sort as SortKey)) {
      throw new UsageError(`--sort must be one of ${SORT_KEYS.join(', ')}, not "${values.sort}"`);
    }
    options.sort = values.sort as SortKey;
  }
  if (values.attribution !== undefined) {
    if (!ATTRIBUTION_MODELS.includes(values.attribution as AttributionModel)) {
      throw new UsageError(`--attribution must be ${ATTRIBUTION_MODELS.join(' or ')}, not "${values.attribution}"`);
    }
    options.model = values.attribution as AttributionModel;
  }
  if (values.window !== undefined) options.windowMinutes = integer(values.window, '--window', 1, 7 * 24 * 60);
  if (values['any-goal']) options.anyGoal = true;
  return options;
}

function integer(value: string, name: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max)
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return number;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    if (error instanceof UsageError) {
      console.error(`cta-collect: ${error.message}\nRun "cta-collect --help" for usage.`);
      process.exitCode = 2;
    } else {
      console.error(`cta-collect: ${error.message}`);
      process.exitCode = 1;
    }
  },
);
