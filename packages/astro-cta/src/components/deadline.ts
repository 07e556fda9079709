/**
 * Deadlines shared by `<Countdown>` (`deadline`) and `<Incentive>` (`expires`).
 *
 * Urgency must be true for every visitor, so a deadline names one absolute instant: an RFC 3339 date-time with a
 * UTC offset or `Z`, parsed by the contract's parser (the same one the enhancer and the audit use). A time without an
 * offset would end at a different moment in each visitor's time zone, `+0100` is read by some browsers only: both
 * are rejected with a message that shows the fix.
 */
import { type DeadlineProblem, readDeadline } from '@astro-cta/contract';

export interface Deadline {
  /** The deadline, normalised to RFC 3339: what `<time datetime>` and `data-cta-countdown` carry. */
  iso: string;
  /** The instant, in milliseconds since the Unix epoch. */
  epochMs: number;
  /** The author's offset in minutes east of UTC (`+01:00` → 60, `Z` → 0). */
  offsetMinutes: number;
  /** An `Intl.DateTimeFormat` time zone for the author's offset: `"UTC"` or `"+01:00"`. */
  timeZone: string;
}

export type DeadlineResult = { ok: true; deadline: Deadline } | { ok: false; problem: string };

const EXAMPLE = '"2026-12-31T23:59:00+01:00"';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Parses an absolute deadline. The `problem` of a rejection says what is wrong and how to write it instead; the
 * caller adds the component, the prop and the page.
 */
export function parseDeadline(value: unknown): DeadlineResult {
  if (value instanceof Date) {
    return fail(
      `is a Date object; pass an ISO 8601 string with a UTC offset, e.g. ${EXAMPLE} (or date.toISOString()).`,
    );
  }
  if (value !== undefined && value !== null && typeof value !== 'string') {
    return fail(`is a ${typeof value}; give an ISO 8601 date-time string with a UTC offset, e.g. ${EXAMPLE}.`);
  }
  if (typeof value !== 'string' || value.trim() === '') {
    return fail(`is missing; give an ISO 8601 date-time with a UTC offset, e.g. ${EXAMPLE}.`);
  }
  const text = value.trim();
  if (DATE_ONLY.test(text)) {
    return fail(`"${text}" has no time and no UTC offset; write the exact end, e.g. "${text}T23:59:00+01:00".`);
  }
  const parsed = readDeadline(text);
  if ('problem' in parsed) return fail(explain(parsed.problem, text));
  return {
    ok: true,
    deadline: {
      iso: parsed.canonical,
      epochMs: parsed.epochMs,
      offsetMinutes: parsed.offsetMinutes,
      timeZone: parsed.offsetMinutes === 0 ? 'UTC' : formatOffset(parsed.offsetMinutes),
    },
  };
}

function explain(problem: DeadlineProblem, text: string): string {
  switch (problem) {
    case 'no-offset':
      return (
        `"${text}" has no UTC offset, so it would end at a different moment in every visitor's time zone; ` +
        `add one, e.g. "${text}+01:00" or "${text}Z".`
      );
    case 'offset-without-colon':
      return (
        `"${text}" writes its UTC offset without a colon, which some browsers cannot read; ` +
        `write it as ±HH:MM, e.g. "${text.replace(/([+-]\d\d)(\d\d)$/, '$1:$2')}".`
      );
    case 'offset-out-of-range':
      return `"${text}" is not a real date-time: its UTC offset is beyond ±14:00, the range of every time zone on Earth.`;
    case 'no-such-date':
      return `"${text}" is not a real date-time: ${missingPart(text)}.`;
    case 'not-rfc3339':
      return `"${text}" is not an ISO 8601 date-time; write YYYY-MM-DDTHH:MM[:SS]±HH:MM, e.g. ${EXAMPLE}.`;
  }
}

/** True once the deadline's instant has been reached. */
export function hasPassed(deadline: Deadline, now: Date | number = Date.now()): boolean {
  return deadline.epochMs <= (typeof now === 'number' ? now : now.getTime());
}

export interface FormatDeadlineOptions {
  /** BCP 47 locale, e.g. "en-GB". */
  locale: string;
  /**
   * IANA time zone to show the end in (e.g. "Europe/Paris" → "CET"). Without it the author's own offset is used
   * ("GMT+1"), which is always correct for the instant.
   */
  timeZone?: string;
  /** Show only the day ("31 Dec") instead of day and time ("31 Dec, 23:59 GMT+1"). */
  dateOnly?: boolean;
  /** The year is shown only when the deadline is not in the current year of this instant (default: now). */
  now?: Date | number;
}

/** The end as people read it, in the given locale: "31 Dec, 23:59 CET". */
export function formatDeadline(deadline: Deadline, options: FormatDeadlineOptions): string {
  const { locale, timeZone = deadline.timeZone, dateOnly = false, now = Date.now() } = options;
  const sameYear = new Date(deadline.epochMs).getUTCFullYear() === new Date(now).getUTCFullYear();
  const format = new Intl.DateTimeFormat(locale, {
    timeZone,
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' as const }),
    ...(dateOnly ? {} : { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }),
  });
  return format.format(deadline.epochMs);
}

/** Checks an IANA time-zone name for `formatDeadline`; returns a problem or undefined. */
export function timeZoneProblem(timeZone: string): string | undefined {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return undefined;
  } catch {
    return `"${timeZone}" is not a time zone Intl knows; use an IANA name such as "Europe/Paris" or "America/New_York".`;
  }
}

function fail(problem: string): DeadlineResult {
  return { ok: false, problem };
}

function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/** Which field of a well-formed but impossible date-time does not exist ("month 13 does not exist"). */
function missingPart(text: string): string {
  const [year, month, day, hour, minute, second = 0] = (text.match(/\d+/g) ?? []).map(Number) as number[];
  if (month! < 1 || month! > 12) return `month ${month} does not exist`;
  if (hour! > 23) return `hour ${hour} does not exist (use 00 to 23)`;
  if (minute! > 59) return `minute ${minute} does not exist`;
  if (second > 59) return `second ${second} does not exist`;
  return `day ${day} does not exist in month ${month} of ${year}`;
}
