import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { SQLITE_DIALECT } from './batch-rollups.ts';
import { migrate } from './migrations.ts';
import { nextTabState, type TabState, tabsStatement, VISIT_GAP_MS, visitOfTab } from './tab-visits.ts';

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

  it("is the rule the writers' SQL follows (visitOfTab, then the tabs statement), one commit at a time", () => {
    const db = new DatabaseSync(':memory:');
    migrate(db);
    db.exec('CREATE TEMP TABLE incoming (tab TEXT, visit TEXT, received_at INTEGER)');
    const visitOf = db.prepare(`SELECT ${visitOfTab('?1', '?2')} AS visit`);
    const stage = db.prepare('INSERT INTO incoming VALUES (?, ?, ?)');
    const keep = db.prepare(tabsStatement(SQLITE_DIALECT));
    const stateOf = db.prepare('SELECT visit, visits, last_at AS lastAt FROM tabs WHERE tab = ?');
    let expected: TabState | undefined;
    // Within the gap, at the gap, an earlier clock, far later, just under the gap again.
    for (const at of [
      1000,
      1000 + VISIT_GAP_MS - 1,
      1000 + 2 * VISIT_GAP_MS,
      500,
      9 * VISIT_GAP_MS,
      10 * VISIT_GAP_MS,
    ]) {
      expected = nextTabState('t9', expected, at);
      const { visit } = visitOf.get('t9', at) as { visit: string };
      expect(visit).toBe(expected.visit);
      stage.run('t9', visit, at);
      keep.run();
      db.exec('DELETE FROM incoming');
      expect({ ...stateOf.get('t9') }).toEqual(expected);
    }
    expect(expected?.visit).toBe('t9.4');
    expect((visitOf.get(null, 0) as { visit: null }).visit).toBeNull();
  });
});
