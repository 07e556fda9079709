import postgres, { type Sql } from 'postgres';

export interface PostgresConnectOptions {
  /** Connections in this process's pool (default 4: one writer, the rest for limits and reads). */
  max?: number;
  /**
   * Named prepared statements (default true). Turn off behind a pooler in transaction mode (pgbouncer, Supavisor,
   * Neon's pooled endpoint), where the next statement may run on another server connection; `?prepare=false` in
   * the URL does the same.
   */
  prepare?: boolean;
  /** Seconds to wait for a connection before failing (default 5). */
  connectTimeoutSeconds?: number;
}

/** `postgres://` and `postgresql://` URLs choose PostgreSQL; anything else is a SQLite file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the PostgreSQL URL';
  }
}

// Counts and sums come back as int8 (20) and numeric (1700), which the client leaves as strings to be safe with
// values past 2^53; the collector's counts stay far below that, and the report wants numbers.
const NUMBERS = { to: 20, from: [20, 1700], serialize: (value: number) => String(value), parse: Number };

/** A pool for the collector: numbers as numbers, notices silent, a bounded connect timeout. */
export function connectPostgres(url: string, options: PostgresConnectOptions = {}): Sql {
  const fromUrl = new URL(url).searchParams.get('prepare');
  const prepare = fromUrl === null ? (options.prepare ?? true) : fromUrl !== 'false';
  return postgres(url, {
    max: options.max ?? 4,
    prepare,
    connect_timeout: options.connectTimeoutSeconds ?? 5,
    // Serverless hosts freeze idle instances: drop idle connections rather than find them dead later.
    idle_timeout: 60,
    onnotice: () => {},
    types: { numbers: NUMBERS },
    connection: { application_name: 'cta-collect' },
  });
}

/** Fails with one clear sentence when the server cannot be reached or refuses us. */
export async function checkConnection(sql: Sql, url: string): Promise<void> {
  try {
    await sql`SELECT 1`;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    throw new Error(
      `cannot connect to PostgreSQL at ${redactUrl(url)} (${code ?? 'error'}: ${message}): check that the server ` +
        'is running and reachable and that the URL names the right host, port, database, user and password',
      { cause: error },
    );
  }
}
