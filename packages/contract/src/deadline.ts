/**
 * The deadline parser, shared by the components (which validate `deadline`/`expires` and write the attribute), the
 * countdown enhancer (which reads `data-cta-countdown`) and the audit (which checks it).
 *
 * A deadline is one absolute instant written as an RFC 3339 date-time: `2026-12-31T23:59:00+01:00` or `…Z`. Only
 * that form, because every browser reads it as the same instant: a time without an offset ends at a different moment
 * in each visitor's time zone, `+0100` (no colon) is read by some engines and not by others, and no real offset is
 * beyond ±14:00. Lowercase `t`/`z`, missing seconds and more than three fraction digits are accepted from authors and
 * normalised (`canonical`) before they are written into the page.
 */

/** A parsed deadline. */
export interface ParsedDeadline {
  /** The instant, in milliseconds since the Unix epoch. */
  epochMs: number;
  /** The same instant as written, normalised: `YYYY-MM-DDTHH:MM:SS[.sss]±HH:MM` or `…Z`. */
  canonical: string;
  /** The author's offset in minutes east of UTC (`+01:00` → 60, `Z` → 0). */
  offsetMinutes: number;
}

const RFC_3339 =
  /^(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d\d):(\d\d))?$/;

/**
 * Why `text` is not an RFC 3339 deadline, or the parsed deadline. The reasons are short phrases ("has no UTC
 * offset"); callers add where the value came from and how to fix it.
 */
export function readDeadline(text: string): ParsedDeadline | { problem: DeadlineProblem } {
  const match = RFC_3339.exec(text.trim());
  if (!match) return { problem: /[+-]\d{4}$/.test(text.trim()) ? 'offset-without-colon' : 'not-rfc3339' };
  const [, y, mo, d, h, mi, s = '00', fraction, zulu, sign, oh, om] = match;
  if (!zulu && !sign) return { problem: 'no-offset' };
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const offsetMinutes = zulu ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  if (Number(om) > 59 || Math.abs(offsetMinutes) > 14 * 60) return { problem: 'offset-out-of-range' };
  const localAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(localAsUtc);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1 || hour > 23 || minute > 59 || second > 59) {
    return { problem: 'no-such-date' };
  }
  const milliseconds = fraction ? fraction.slice(0, 3).padEnd(3, '0') : '';
  const offset = zulu ? 'Z' : `${sign}${oh}:${om}`;
  return {
    epochMs: localAsUtc + Number(milliseconds || 0) - offsetMinutes * 60_000,
    canonical: `${y}-${mo}-${d}T${h}:${mi}:${s}${milliseconds ? `.${milliseconds}` : ''}${offset}`,
    offsetMinutes,
  };
}

/** Why a text is not a deadline. */
export type DeadlineProblem = 'not-rfc3339' | 'no-offset' | 'offset-without-colon' | 'offset-out-of-range' | 'no-such-date';

/** The instant of a deadline attribute, or NaN when it is not an RFC 3339 date-time with an offset. */
export function deadlineInstant(text: string): number {
  const parsed = readDeadline(text);
  return 'problem' in parsed ? Number.NaN : parsed.epochMs;
}
