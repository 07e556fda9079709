import { describe, expect, it } from 'vitest';
import { type Deadline, formatDeadline, hasPassed, parseDeadline, timeZoneProblem } from './deadline.ts';

function parsed(value: string): Deadline {
  const result = parseDeadline(value);
  if (!result.ok) throw new Error(`expected "${value}" to parse: ${result.problem}`);
  return result.deadline;
}

function problem(value: unknown): string {
  const result = parseDeadline(value);
  if (result.ok) throw new Error(`expected ${String(value)} to be rejected`);
  return result.problem;
}

describe('parseDeadline', () => {
  it.each([
    ['2026-12-31T23:59:00+01:00', '2026-12-31T22:59:00.000Z', 60, '+01:00', '2026-12-31T23:59:00+01:00'],
    ['2026-12-31T23:59+01:00', '2026-12-31T22:59:00.000Z', 60, '+01:00', '2026-12-31T23:59:00+01:00'],
    ['2026-12-31T23:59:00Z', '2026-12-31T23:59:00.000Z', 0, 'UTC', '2026-12-31T23:59:00Z'],
    ['2026-12-31T23:59:00.250Z', '2026-12-31T23:59:00.250Z', 0, 'UTC', '2026-12-31T23:59:00.250Z'],
    ['2026-12-31T18:00:00-05:00', '2026-12-31T23:00:00.000Z', -300, '-05:00', '2026-12-31T18:00:00-05:00'],
    ['2026-12-31T23:59:00+05:30', '2026-12-31T18:29:00.000Z', 330, '+05:30', '2026-12-31T23:59:00+05:30'],
    ['2028-02-29T12:00:00Z', '2028-02-29T12:00:00.000Z', 0, 'UTC', '2028-02-29T12:00:00Z'],
    // RFC 3339 allows lowercase t and z and any number of fraction digits: written normalised into the page.
    ['2026-12-31t23:59:00.123456789z', '2026-12-31T23:59:00.123Z', 0, 'UTC', '2026-12-31T23:59:00.123Z'],
    ['2026-12-31T23:59:00+14:00', '2026-12-31T09:59:00.000Z', 840, '+14:00', '2026-12-31T23:59:00+14:00'],
    ['2026-12-31T23:59:00-12:00', '2027-01-01T11:59:00.000Z', -720, '-12:00', '2026-12-31T23:59:00-12:00'],
  ])('reads %s as the instant %s', (input, instant, offsetMinutes, timeZone, canonical) => {
    const deadline = parsed(input);
    expect(new Date(deadline.epochMs).toISOString()).toBe(instant);
    expect(deadline.offsetMinutes).toBe(offsetMinutes);
    expect(deadline.timeZone).toBe(timeZone);
    expect(deadline.iso).toBe(canonical);
    // What goes into the page is read as the same instant by Date.parse (the enhancer's engines).
    expect(Date.parse(deadline.iso)).toBe(deadline.epochMs);
  });

  // Issue 10 L15: "+0100" is read by some engines only, and no time zone is beyond ±14:00.
  it.each([
    ['2026-12-31T23:59:00+0100', /without a colon.*"2026-12-31T23:59:00\+01:00"/],
    ['2026-12-31T23:59:00+14:30', /beyond ±14:00/],
    ['2026-12-31T23:59:00-14:01', /beyond ±14:00/],
    ['2026-12-31T23:59:00+15:00', /beyond ±14:00/],
    ['2026-12-31T23:59:00+01:60', /beyond ±14:00/],
  ])('rejects the offset of %s', (input, message) => {
    expect(problem(input)).toMatch(message);
  });

  it('agrees with Date.parse on every accepted form (where Date.parse is unambiguous)', () => {
    for (const input of ['2026-12-31T23:59:00+01:00', '2027-06-01T00:00:00-07:00', '2026-03-29T02:30:00Z']) {
      expect(parsed(input).epochMs).toBe(Date.parse(input));
    }
  });

  it('rejects a date-time without an offset and shows the fix', () => {
    const message = problem('2026-12-31T23:59:00');
    expect(message).toContain('has no UTC offset');
    expect(message).toContain('"2026-12-31T23:59:00+01:00"');
    expect(message).toContain('"2026-12-31T23:59:00Z"');
  });

  it('rejects a bare date and suggests a full end time', () => {
    expect(problem('2026-12-31')).toMatch(/has no time and no UTC offset.*"2026-12-31T23:59:00\+01:00"/);
  });

  it.each([
    ['31/12/2026 23:59', /is not an ISO 8601 date-time; write YYYY-MM-DDTHH:MM/],
    ['next friday', /is not an ISO 8601 date-time/],
    ['2026-12-31 23:59:00Z', /is not an ISO 8601 date-time/],
    ['2026-13-01T00:00:00Z', /not a real date-time: month 13 does not exist/],
    ['2026-02-29T00:00:00Z', /day 29 does not exist in month 2 of 2026/],
    ['2026-12-31T24:00:00Z', /hour 24 does not exist/],
    ['2026-12-31T23:60:00Z', /minute 60 does not exist/],
    ['2026-12-31T23:59:60Z', /second 60 does not exist/],
    ['2026-12-31T23:59:00+15:00', /beyond ±14:00/],
  ])('rejects %s', (input, message) => {
    expect(problem(input)).toMatch(message);
  });

  it.each([[undefined], [null], [''], ['   ']])('rejects a missing deadline (%o)', (input) => {
    expect(problem(input)).toMatch(/is missing; give an ISO 8601 date-time with a UTC offset/);
  });

  it('rejects a number (epoch milliseconds carry no offset to show)', () => {
    expect(problem(1_767_225_540_000)).toMatch(/is a number; give an ISO 8601 date-time string/);
  });

  it('rejects a Date object (its offset is lost) and says how to pass one', () => {
    expect(problem(new Date())).toMatch(/is a Date object.*toISOString/);
  });
});

describe('hasPassed', () => {
  const deadline = parsed('2026-12-31T23:59:00+01:00');
  it('is false before the instant and true from it on', () => {
    expect(hasPassed(deadline, Date.parse('2026-12-31T22:58:59Z'))).toBe(false);
    expect(hasPassed(deadline, Date.parse('2026-12-31T22:59:00Z'))).toBe(true);
    expect(hasPassed(deadline, new Date('2027-01-01T00:00:00Z'))).toBe(true);
  });
});

describe('formatDeadline', () => {
  const deadline = parsed('2026-12-31T23:59:00+01:00');
  const now = Date.parse('2026-11-01T00:00:00Z');

  it("shows the end in the author's own offset by default", () => {
    expect(formatDeadline(deadline, { locale: 'en-GB', now })).toBe('31 Dec, 23:59 GMT+1');
  });

  it('names the zone when given an IANA time zone, and follows the locale', () => {
    expect(formatDeadline(deadline, { locale: 'en-GB', timeZone: 'Europe/Paris', now })).toBe('31 Dec, 23:59 CET');
    expect(formatDeadline(deadline, { locale: 'en-US', timeZone: 'America/New_York', now })).toBe(
      'Dec 31, 5:59 PM EST',
    );
    expect(formatDeadline(deadline, { locale: 'de-DE', timeZone: 'Europe/Berlin', now })).toBe('31. Dez., 23:59 MEZ');
  });

  it('shows only the day when asked, and the year when it is not the current one', () => {
    expect(formatDeadline(deadline, { locale: 'en-GB', dateOnly: true, now })).toBe('31 Dec');
    expect(formatDeadline(deadline, { locale: 'en-GB', dateOnly: true, now: Date.parse('2025-06-01T00:00:00Z') })).toBe(
      '31 Dec 2026',
    );
  });
});

describe('timeZoneProblem', () => {
  it('accepts IANA names and explains unknown ones', () => {
    expect(timeZoneProblem('Europe/Paris')).toBeUndefined();
    expect(timeZoneProblem('Mars/Olympus')).toMatch(/not a time zone Intl knows; use an IANA name/);
  });
});
