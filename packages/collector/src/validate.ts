import {
  type ConversionEvent,
  type CtaEvent,
  ENGAGED_SIGNAL,
  type EngagedEvent,
  EVENT_TYPES,
  OPEN_MODES,
  type OpenMode,
  type OpenModeCode,
  type WireEvent,
} from '@astro-cta/contract';
import { z } from 'zod';
import { LIMITS } from './limits.ts';

// Control characters never belong in ids, paths or URLs; rejecting them keeps terminal, CSV and HTML reports clean.
const NO_CONTROL_CHARS = /^[^\u0000-\u001f\u007f-\u009f]*$/;
// Keys that would reach Object.prototype if a consumer ever copied props with plain assignment.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const RESERVED_KEY = 'props keys __proto__, constructor and prototype are reserved: rename the property';
// A lone UTF-16 surrogate (JSON allows "\ud800") cannot be stored as UTF-8: SQLite would keep U+FFFD instead, so a
// value acknowledged with 2xx would change. Refuse it before anything is stored.
const wellFormed = (value: string) => value.isWellFormed();
const LONE_SURROGATE =
  'must not contain a lone UTF-16 surrogate (an unpaired \\uD800-\\uDFFF escape): send valid Unicode';

// Ids the client draws at random (page view, visit): a strict alphabet keeps them usable as keys and in reports.
const randomId = (what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .regex(/^[A-Za-z0-9_-]+$/, `${what} must be letters, digits, "_" or "-"`)
    .max(LIMITS.maxPageViewLength, `${what} is longer than ${LIMITS.maxPageViewLength} characters`);

// ISO 4217 codes as the JavaScript engine's ICU knows them: maintained with the engine, no list of our own.
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const CONVERSION_ONLY = ['val', 'cur', 'ac', 'apv'] as const;
// An engagement event carries the page view's own fields (p, pv, s, vi) and its signal in id, nothing about a CTA.
const NOT_ON_ENGAGED = ['v', 'g', 'x', 'a', 'd', 'o', 'props'] as const;

const text = (max: number, what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .min(1, `${what} must not be empty`)
    .max(max, `${what} is longer than ${max} characters`)
    .regex(NO_CONTROL_CHARS, `${what} must not contain control characters`)
    .refine(wellFormed, `${what} ${LONE_SURROGATE}`);

const propKey = z
  .string()
  .min(1, 'props keys must not be empty')
  .max(LIMITS.maxPropKeyLength, `props keys are at most ${LIMITS.maxPropKeyLength} characters`)
  .regex(NO_CONTROL_CHARS, 'props keys must not contain control characters')
  .refine(wellFormed, `props keys ${LONE_SURROGATE}`)
  .refine((key) => !FORBIDDEN_KEYS.has(key), RESERVED_KEY);

const propValue = z.union(
  [
    z
      .string()
      .max(LIMITS.maxPropValueLength, `props values are at most ${LIMITS.maxPropValueLength} characters`)
      .regex(NO_CONTROL_CHARS, 'props values must not contain control characters')
      .refine(wellFormed, `props values ${LONE_SURROGATE}`),
    z.number(),
    z.boolean(),
  ],
  { error: 'props values must be strings, finite numbers or booleans' },
);

/** One event of the wire format (`CtaEvent` in @astro-cta/contract). Unknown keys are dropped, never stored. */
export const ctaEventSchema = z
  .object({
    t: z.enum(EVENT_TYPES, { error: `t must be one of ${EVENT_TYPES.join(', ')}` }),
    id: text(LIMITS.maxNameLength, 'id'),
    p: text(LIMITS.maxPathLength, 'p (page path)').startsWith('/', 'p (page path) must start with "/"'),
    pv: randomId('pv (page-view id)'),
    vi: randomId('vi (visit id)').optional(),
    s: z
      .number({ error: 's (sequence) must be a number' })
      .int('s (sequence) must be an integer')
      .min(0, 's (sequence) must be >= 0')
      .max(LIMITS.maxSequence, `s (sequence) must be <= ${LIMITS.maxSequence}`),
    v: text(LIMITS.maxNameLength, 'v (variant)').optional(),
    g: text(LIMITS.maxNameLength, 'g (goal)').optional(),
    x: text(LIMITS.maxNameLength, 'x (experiment)').optional(),
    a: text(LIMITS.maxNameLength, 'a (experiment arm)').optional(),
    val: z
      .number({ error: 'val (conversion value) must be a number' })
      .min(0, 'val (conversion value) must be >= 0')
      .max(LIMITS.maxConversionValue, `val (conversion value) must be <= ${LIMITS.maxConversionValue}`)
      .optional(),
    cur: z
      .string({ error: 'cur (currency) must be a string' })
      .refine((code) => CURRENCIES.has(code), 'cur (currency) must be an ISO 4217 code in capitals, e.g. EUR or USD')
      .optional(),
    ac: text(LIMITS.maxNameLength, 'ac (attributed CTA)').optional(),
    apv: randomId('apv (attributed page view)').optional(),
    d: text(LIMITS.maxUrlLength, 'd (destination)').optional(),
    // The wire carries the mode's number (its index in OPEN_MODES); beacons before that sent the name. Both are
    // stored, reported and exported by name.
    o: z
      .custom<OpenMode | OpenModeCode>(
        (mode) =>
          OPEN_MODES.includes(mode as OpenMode) || (Number.isInteger(mode) && OPEN_MODES[mode as number] !== undefined),
        `o (open mode) must be a number from 0 to ${OPEN_MODES.length - 1} ` +
          `(${OPEN_MODES.map((mode, code) => `${code} ${mode}`).join(', ')}) or one of those names`,
      )
      .transform((mode) => (typeof mode === 'number' ? OPEN_MODES[mode]! : mode))
      .optional(),
    props: z
      // zod skips an own `__proto__` key (JSON.parse makes one) without a word; refuse it instead of losing it silently.
      .custom<unknown>(
        (value) => !(typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')),
        RESERVED_KEY,
      )
      .pipe(
        z
          .record(propKey, propValue, {
            error: (issue) => (issue.code === 'invalid_type' ? 'props must be an object' : undefined),
          })
          .refine(
            (props) => Object.keys(props).length <= LIMITS.maxProps,
            `props has more than ${LIMITS.maxProps} keys`,
          ),
      )
      .optional(),
  })
  .superRefine((event, context) => {
    const problem = (field: string, message: string) => context.addIssue({ code: 'custom', path: [field], message });
    if (event.t === 'conversion') {
      if (event.g === undefined) problem('g', 'g (goal) is required on a conversion: the goal reached, e.g. "signup"');
      if (event.val !== undefined && event.cur === undefined) {
        problem('cur', 'cur (currency) is required with val, e.g. "EUR"');
      }
      if (event.cur !== undefined && event.val === undefined) {
        problem('val', 'val (conversion value) is missing: cur needs it');
      }
    } else {
      for (const field of CONVERSION_ONLY) {
        if (event[field] !== undefined) problem(field, `${field} applies to conversion events only`);
      }
    }
    if (event.t === 'engaged') {
      if (event.id !== ENGAGED_SIGNAL) {
        problem('id', `id must be "${ENGAGED_SIGNAL}" on an engaged event (the page view was visible for 10 s)`);
      }
      for (const field of NOT_ON_ENGAGED) {
        if (event[field] !== undefined) problem(field, `${field} does not apply to engaged events: leave it out`);
      }
    }
    if (event.a !== undefined && event.x === undefined) problem('a', 'a (experiment arm) needs x (experiment) too');
  });

export const ctaBatchSchema = z
  .array(ctaEventSchema, { error: 'the body must be a JSON array of events' })
  .min(1, 'the batch is empty: send at least one event')
  .max(LIMITS.maxEventsPerBatch, `a batch holds at most ${LIMITS.maxEventsPerBatch} events`);

/** A validated event, as stored: the open mode by its name. */
export type ValidEvent = z.infer<typeof ctaEventSchema>;
/** What the schema accepts: the wire's shape. */
type WireInput = z.input<typeof ctaEventSchema>;

// The schema must accept every event of the contract's shape, with no field it does not know (the rules between
// fields, such as "g is required on a conversion", are checked at run time): a compile-time check against drift.
type Assignable<A, B> = A extends B ? true : false;
type ContractKeys = keyof CtaEvent | keyof ConversionEvent | keyof EngagedEvent;
type SameKeys = [Assignable<keyof WireInput, ContractKeys>, Assignable<ContractKeys, keyof WireInput>];
const contractMatches: [Assignable<WireEvent, WireInput>, SameKeys] = [true, [true, true]];
void contractMatches;

export type ParseResult = { ok: true; events: ValidEvent[] } | { ok: false; status: 400 | 422; error: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Turns the raw bytes of a request body into validated events, or a client error that says what is wrong. */
export function parseBatch(body: Uint8Array): ParseResult {
  let source: string;
  try {
    source = utf8.decode(body);
  } catch {
    return { ok: false, status: 400, error: 'the body is not valid UTF-8' };
  }
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    return { ok: false, status: 400, error: `the body is not valid JSON: ${(error as Error).message}` };
  }
  const result = ctaBatchSchema.safeParse(json);
  if (!result.success) {
    const first = result.error.issues[0]!;
    // A bad record key is reported as a generic "invalid_key" wrapping the real reason.
    const issue = first.code === 'invalid_key' && first.issues[0] ? { ...first.issues[0], path: first.path } : first;
    const where = issue.path.length ? `at ${formatPath(issue.path)}: ` : '';
    const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problems)` : '';
    return { ok: false, status: 422, error: `${where}${issue.message}${more}` };
  }
  return { ok: true, events: result.data };
}

function formatPath(path: PropertyKey[]): string {
  return path
    .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
    .join('')
    .replace(/^\./, '');
}
