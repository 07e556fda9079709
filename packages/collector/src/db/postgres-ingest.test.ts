import { describe, expect, it } from 'vitest';
import { POSTGRES_MIGRATIONS } from './migrations-postgres.ts';
import { INGEST, WRITE_LOCK, writeTurnFunction } from './postgres-ingest.ts';
import { WRITE_TURN_7 } from './postgres-ingest-7.ts';

// The writer calls cta_write_turn, which a migration created with INGEST's text of its day. A change to INGEST (or to
// the rollups of batch-rollups.ts it is made of) without a migration that replaces the function would leave every
// upgraded database running the old statement: this fails until the latest function text is the code's.
// (Wrapped to 120 columns in the frozen file: compared with runs of whitespace as one space, none is inside a quote.)
const words = (sql: string) => sql.replace(/\s+/g, ' ').trim();

describe('cta_write_turn', () => {
  it('of the latest migration that creates it runs the INGEST of the code', () => {
    const latest = Object.entries(POSTGRES_MIGRATIONS)
      .filter(([, text]) => text.includes('FUNCTION cta_write_turn('))
      .sort(([a], [b]) => Number(b) - Number(a))[0];
    expect(latest?.[0]).toBe('7');
    expect(words(WRITE_TURN_7)).toBe(words(writeTurnFunction(INGEST)));
    expect(POSTGRES_MIGRATIONS[7]).toContain(WRITE_TURN_7);
  });

  it("takes the writers' lock before the statement, which reads its own snapshot after it", () => {
    const body = writeTurnFunction(INGEST);
    expect(body.indexOf(`PERFORM pg_advisory_xact_lock(${WRITE_LOCK})`)).toBeGreaterThan(0);
    expect(body.indexOf(`PERFORM pg_advisory_xact_lock(${WRITE_LOCK})`)).toBeLessThan(body.indexOf('WITH incoming'));
    expect(INGEST).not.toContain('pg_advisory_xact_lock');
  });
});
