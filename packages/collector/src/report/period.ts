/** Days as the collector stores them: whole UTC days since 1970-01-01 (received_at / 86,400,000, rounded down). */
export const DAY_MS = 86_400_000;

export const BUCKETS = ['day', 'week'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** `2026-11-30` → its day number. Throws naming the option and the expected form for anything else. */
export function parseDay(value: string, option: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  // Date.UTC rolls 2026-02-30 over to March: a date that does not round-trip does not exist.
  if (!match || Number.isNaN(ms) || dayLabel(ms / DAY_MS) !== value) {
    throw new Error(`${option} takes a UTC date as YYYY-MM-DD, e.g. 2026-11-01, not "${value}"`);
  }
  return ms / DAY_MS;
}

/** Day number → `YYYY-MM-DD`. */
export function dayLabel(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The first day of a day's bucket: the day itself, or the Monday of its ISO week (1970-01-01 was a Thursday). */
export function bucketStart(day: number, by: Bucket): number {
  return by === 'day' ? day : day - ((day + 3) % 7);
}

/** Days [from, to) of a report; `to` is exclusive. */
export interface DayRange {
  from: number;
  to: number;
}
