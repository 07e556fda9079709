import { POSTGRES_DIALECT, rollupStatements } from './batch-rollups.ts';
import { visitOfTab } from './tab-visits.ts';

/** The key of the writers' transaction-level advisory lock (postgres-store.ts); any constant unlikely to clash. */
export const WRITE_LOCK = 0x63746131; // "cta1"

/**
 * A PostgreSQL group commit as one statement, one array per column ($1–$18, received_at $11): `incoming` keeps the
 * batch's new events (not stored yet; a key repeated in the batch once, its first occurrence), each under its visit
 * split from its tab (tab-visits.ts); the tabs and the rollups are folded in by data-modifying parts of the same
 * statement, which all see the database as it was before it (batch-rollups.ts); `stored` gets the positions
 * (1-based) of the events it stored. It runs inside cta_write_turn (below), after the writers' lock.
 */
export const INGEST = `WITH incoming AS (
    SELECT DISTINCT ON (page_view, seq) pos::int AS pos, page_view, seq, type, cta, page, variant, goal, destination,
           open_mode, props, $11::bigint AS received_at, ${visitOfTab('batch.visit', '$11::bigint')} AS visit,
           experiment, arm, value, currency, claimed_cta, claimed_page_view, batch.visit AS tab
    FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                $9::text[], $10::text[], $12::text[], $13::text[], $14::text[], $15::float8[], $16::text[],
                $17::text[], $18::text[]) WITH ORDINALITY
      AS batch (page_view, seq, type, cta, page, variant, goal, destination, open_mode, props,
                visit, experiment, arm, value, currency, claimed_cta, claimed_page_view, pos)
    WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.page_view = batch.page_view AND e.seq = batch.seq)
    ORDER BY page_view, seq, pos
  ),
  ${rollupStatements(POSTGRES_DIALECT)
    .map(({ table, sql }) => `${table}_rolled AS (${sql})`)
    .join(',\n  ')}
  SELECT array_agg(pos) INTO stored FROM incoming`;

/**
 * The function the writer calls (postgres-store.ts): the lock first, then INGEST as a statement of its own, so its
 * snapshot comes after the previous writer's commit. Static SQL in PL/pgSQL: planned once per connection, as a
 * generic plan (its parameters are arrays: planning it afresh for every commit cost more than small commits).
 * A migration creates it with INGEST's text of its day (postgres-ingest-7.ts, frozen): a change to INGEST needs a
 * new migration that replaces the function (postgres-ingest.test.ts fails until then).
 */
export function writeTurnFunction(ingest: string): string {
  return `CREATE OR REPLACE FUNCTION cta_write_turn(text[], int[], text[], text[], text[], text[], text[], text[],
      text[], text[], bigint, text[], text[], text[], float8[], text[], text[], text[])
    RETURNS int[] LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $write_turn$
    DECLARE
      stored int[];
    BEGIN
      PERFORM pg_advisory_xact_lock(${WRITE_LOCK});
      ${ingest};
      RETURN stored;
    END
    $write_turn$;`;
}
