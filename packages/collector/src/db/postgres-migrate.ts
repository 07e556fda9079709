import type { Sql } from 'postgres';
import { MIGRATIONS, type Migration, SchemaTooNewError } from './migrations.ts';
import { POSTGRES_MIGRATIONS } from './migrations-postgres.ts';

/** Held while migrating, so collector processes that start together migrate once, one after the other. */
export const MIGRATION_LOCK = 0x63746132; // "cta2"

/** The highest version applied to this database, 0 for a fresh one. */
export async function postgresSchemaVersion(sql: Sql): Promise<number> {
  const [table] = await sql`SELECT to_regclass('schema_migrations') IS NOT NULL AS present`;
  if (!table?.present) return 0;
  const [row] = await sql<{ version: number | null }[]>`SELECT MAX(version) AS version FROM schema_migrations`;
  return row?.version ?? 0;
}

/**
 * migrate() on PostgreSQL: the same versions from MIGRATIONS, each with its Postgres text (migrations-postgres.ts)
 * and its schema_migrations row. DDL is transactional in Postgres, so all pending versions apply in one transaction
 * (under an advisory lock): a failure leaves the database as it was.
 */
export async function migratePostgres(
  sql: Sql,
  migrations: readonly Migration[] = MIGRATIONS,
  target = migrations.at(-1)!.version,
): Promise<number[]> {
  return sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    await tx`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`;
    const current = await postgresSchemaVersion(tx as unknown as Sql);
    const known = migrations.at(-1)?.version ?? 0;
    if (current > known) {
      throw new SchemaTooNewError(
        `the database is at schema version ${current}, newer than this cta-collect knows (${known}): ` +
          'upgrade @astro-cta/collector',
      );
    }
    const applied: number[] = [];
    for (const migration of migrations) {
      if (migration.version <= current || migration.version > target) continue;
      const text = POSTGRES_MIGRATIONS[migration.version];
      if (text === undefined) throw new Error(`migration ${migration.version} has no PostgreSQL text`);
      try {
        await tx.savepoint(async (step) => {
          await step.unsafe(text);
          await step`INSERT INTO schema_migrations (version, name, applied_at)
            VALUES (${migration.version}, ${migration.name}, ${new Date().toISOString()})`;
        });
      } catch (error) {
        throw new Error(`migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
      applied.push(migration.version);
    }
    return applied;
  });
}
