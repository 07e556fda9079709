import type { DatabaseSync, SQLInputValue } from 'node:sqlite';

/**
 * The report's queries are written once, as generators that yield each query and get its rows back, so that the same
 * definitions run on SQLite synchronously (node:sqlite, `runSync`) and on PostgreSQL asynchronously (`runAsync` with
 * any `QueryRunner`). Queries use `?` placeholders and the SQL both engines share; column aliases that are not all
 * lower case are double-quoted (Postgres folds unquoted names to lower case).
 */
export type SqlValue = string | number | null;
export type Row = Record<string, unknown>;
export interface Query {
  sql: string;
  params: SqlValue[];
}
export type Steps<T> = Generator<Query, T, Row[]>;

/** Runs queries for `runAsync`: the PostgreSQL store implements it. */
export interface QueryRunner {
  all(sql: string, params: readonly SqlValue[]): Promise<Row[]>;
}

/** Yields one query; its rows come back typed as the caller says (the query's aliases must match). */
export function* rows<T>(sql: string, ...params: SqlValue[]): Generator<Query, T[], Row[]> {
  return (yield { sql, params }) as T[];
}

export function runSync<T>(db: DatabaseSync, steps: Steps<T>): T {
  let next = steps.next();
  while (!next.done) {
    const { sql, params } = next.value;
    next = steps.next(db.prepare(sql).all(...(params as SQLInputValue[])) as Row[]);
  }
  return next.value;
}

export async function runAsync<T>(runner: QueryRunner, steps: Steps<T>): Promise<T> {
  let next = steps.next();
  while (!next.done) {
    const { sql, params } = next.value;
    next = steps.next(await runner.all(sql, params));
  }
  return next.value;
}

/** `a = ? AND b = ?` → `a = $1 AND b = $2`: the report's SQL holds no `?` inside string literals. */
export function numberedPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}
