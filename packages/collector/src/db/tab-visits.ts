import type { Dialect } from './batch-rollups.ts';

/**
 * Visits are split here, not in the browser: the beacon keeps one random id per tab in sessionStorage (`vi` on the
 * wire, gone when the tab closes) and the collector starts a new visit of that tab after 30 minutes without events,
 * by the time it received them (as Google Analytics, Plausible and Umami split sessions). The stored `visit` of an
 * event is the tab id for the tab's first visit and `<tab id>.<n>` for its n-th: a client cannot send a "." in an
 * id, so no tab's id can be another tab's visit. Everything downstream (bounce rate, the conversion window, visit
 * counts, experiment units) reads that stored visit. The `tabs` table (migration 6) holds each tab's current visit.
 *
 * The split is part of the writer's group commit on both engines (batch-rollups.ts): each new event's visit is
 * worked out from its tab's state before the commit (`visitOfTab`, when the batch is staged), so the rollups read
 * the split visit ids, and the tabs are updated once per commit (`TABS_STATEMENT`). All events of a commit share
 * its receive time, so all of one tab's events in a commit belong to the same visit. A retried event (already
 * stored) is never staged, so it neither extends its tab's visit nor starts a new one.
 */
export const VISIT_GAP_MS = 30 * 60 * 1000;

/** A tab's current visit, how many visits it has had, and when its last stored event arrived (ms since epoch). */
export interface TabState {
  visit: string;
  visits: number;
  lastAt: number;
}

/** The rule, one event at a time: the tab's state once an event received at `at` is stored (tests compare to it). */
export function nextTabState(tab: string, state: TabState | undefined, at: number): TabState {
  if (state && at - state.lastAt < VISIT_GAP_MS) return { ...state, lastAt: Math.max(at, state.lastAt) };
  const visits = (state?.visits ?? 0) + 1;
  return { visit: visits === 1 ? tab : `${tab}.${visits}`, visits, lastAt: at };
}

/**
 * SQL for the visit of an event of tab `tab` (NULL: no tab, no visit) received at `at`, from the tab's stored state:
 * its current visit within 30 minutes of its last event, else the next one, and for a tab never seen the tab's id.
 */
export function visitOfTab(tab: string, at: string): string {
  return `CASE WHEN ${tab} IS NULL THEN NULL ELSE COALESCE(
      (SELECT CASE WHEN ${at} - t.last_at < ${VISIT_GAP_MS} THEN t.visit ELSE t.tab || '.' || (t.visits + 1) END
       FROM tabs t WHERE t.tab = ${tab}),
      ${tab}) END`;
}

/**
 * Keeps the tabs of a commit's new events (`incoming`: `tab` as sent, `visit` as visitOfTab chose it): a tab never
 * seen starts at its first visit; a known one counts a visit more when its visit changed, and its last event moves
 * on (never back, should the clock have).
 */
export function tabsStatement(d: Dialect): string {
  return `INSERT INTO tabs (tab, visit, visits, last_at)
    SELECT tab, MIN(visit), 1, MAX(received_at) FROM incoming WHERE tab IS NOT NULL GROUP BY tab
    ON CONFLICT (tab) DO UPDATE SET
      visits = tabs.visits + ${d.bool('excluded.visit <> tabs.visit')},
      visit = excluded.visit,
      last_at = ${d.greatest}(tabs.last_at, excluded.last_at)`;
}
