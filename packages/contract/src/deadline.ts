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

/** RFC 3339 date-time with a required offset within ±14:00 (seconds and fraction optional, as authors write them). */
const RFC_3339 =
  /^(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?([Zz]|([+-])((?:0\d|1[0-3]):[0-5]\d|14:00))$/;

/** The deadline in `text`, or undefined when it is not one. Small on purpose: the enhancer ships it. */
export function matchDeadline(text: string): ParsedDeadline | undefined {
  const match = RFC_3339.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s = '00', fraction, zulu, sign, offset] = match;
  const wallClock = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  const local = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s);
  // A day or time that does not exist (Feb 30, 24:00) comes back as another one.
  if (Number.isNaN(local) || new Date(local).toISOString().slice(0, 19) !== wallClock) return undefined;
  const offsetMinutes = sign ? (sign === '-' ? -1 : 1) * (+offset!.slice(0, 2) * 60 + +offset!.slice(3)) : 0;
  const milliseconds = fraction ? fraction.slice(0, 3).padEnd(3, '0') : '';
  return {
    epochMs: local + +milliseconds - offsetMinutes * 60_000,
    canonical: `${wallClock}${milliseconds && `.${milliseconds}`}${sign ? sign + offset : zulu!.toUpperCase()}`,
    offsetMinutes,
  };
}

/**
 * The form the components write into `data-cta-countdown` and `<time datetime>`: RFC 3339 with seconds, at most
 * milliseconds, an uppercase `T` and `Z`, and an offset within ±14:00. It is also ECMAScript's own date-time format,
 * which every engine's Date.parse reads as the same instant.
 */
export const CANONICAL_DEADLINE =
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{3})?(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))$/;

/**
 * The instant of a `data-cta-countdown` value, or NaN when it is not in the canonical form. What the enhancer uses:
 * a few bytes, and it never guesses at a form that browsers read differently.
 */
export function deadlineInstant(text: string): number {
  return CANONICAL_DEADLINE.test(text) ? Date.parse(text) : Number.NaN;
}

/** Why a text is not a deadline. */
export type DeadlineProblem =
  | 'not-rfc3339'
  | 'no-offset'
  | 'offset-without-colon'
  | 'offset-out-of-range'
  | 'no-such-date';

/**
 * The parsed deadline, or why `text` is not one: a short reason that callers turn into a message with where the
 * value came from and how to fix it.
 */
export function readDeadline(text: string): ParsedDeadline | { problem: DeadlineProblem } {
  const parsed = matchDeadline(text);
  if (parsed) return parsed;
  const wallClock = /^\d{4}-\d\d-\d\d[Tt]\d\d:\d\d(?::\d\d(?:\.\d+)?)?/.exec(text.trim());
  if (!wallClock) return { problem: 'not-rfc3339' };
  const zone = text.trim().slice(wallClock[0].length);
  if (zone === '') return { problem: 'no-offset' };
  if (/^[+-]\d{4}$/.test(zone)) return { problem: 'offset-without-colon' };
  if (/^[+-]\d\d:\d\d$/.test(zone)) {
    return RFC_3339.test(`${wallClock[0]}Z`) ? { problem: 'offset-out-of-range' } : { problem: 'no-such-date' };
  }
  if (/^[Zz]$/.test(zone)) return { problem: 'no-such-date' };
  return { problem: 'not-rfc3339' };
}
