import { describe, expect, it } from 'vitest';
import { POSTGRES_MIGRATIONS } from './migrations-postgres.ts';
import { nextTabState, VISIT_GAP_MS } from './tab-visits.ts';

// The rule itself; storage.test.ts runs it through both engines' writes and reports.
describe('visits split by the collector', () => {
  it('keeps a visit while events come within 30 minutes of the last one, then starts the next', () => {
    let state = nextTabState('t9', undefined, 0);
    expect(state).toEqual({ visit: 't9', visits: 1, lastAt: 0 });
    state = nextTabState('t9', state, VISIT_GAP_MS - 1);
    expect(state).toEqual({ visit: 't9', visits: 1, lastAt: VISIT_GAP_MS - 1 });
    state = nextTabState('t9', state, 2 * VISIT_GAP_MS - 1);
    expect(state).toEqual({ visit: 't9.2', visits: 2, lastAt: 2 * VISIT_GAP_MS - 1 });
    expect(nextTabState('t9', state, 10 * VISIT_GAP_MS).visit).toBe('t9.3');
  });

  it('does not move a visit back for an event that arrives with an earlier clock', () => {
    expect(nextTabState('t9', { visit: 't9', visits: 1, lastAt: 5000 }, 4000)).toEqual({
      visit: 't9',
      visits: 1,
      lastAt: 5000,
    });
  });

  it('is the same 30 minutes in the PostgreSQL trigger', () => {
    expect(VISIT_GAP_MS).toBe(1_800_000);
    expect(POSTGRES_MIGRATIONS[6]).toContain(`NEW.received_at - tab_state.last_at < ${VISIT_GAP_MS}`);
  });
});
