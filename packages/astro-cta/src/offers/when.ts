/**
 * An offer's condition (`when`): what it may say, how the build checks it, and when it holds given the signals
 * recorded on the device. Pure functions without DOM or Node: the components validate with them at build time and
 * the recorder (client/signals.ts) evaluates with them in the browser.
 */
import { durationMs, type SignalsRecord, VISIT_GAP_MS } from './signals-format.ts';

export interface When {
  /** An item viewed on an earlier page view (`<ViewedItem id>` or `data-cta-item` on the page). */
  viewed?: string;
  /** With `viewed`: at least this many page views showing it (default 1). */
  times?: number;
  /** An item added to the cart (the site dispatches `cta:cart`). */
  inCart?: string;
  /** With `viewed` or `inCart`: the last of them at most this long ago, e.g. "7d" (default: the signals' lifetime). */
  within?: string;
  /** The item of `viewed`/`inCart` was not purchased (`cta:purchase`); without either, nothing was purchased. */
  notPurchased?: true;
  /** true: the visitor had an earlier visit; false: this is the first visit. */
  returning?: boolean;
  /** The utm_campaign of the current visit's first page. */
  campaign?: string;
}

export const WHEN_KEYS = ['viewed', 'times', 'inCart', 'within', 'notPurchased', 'returning', 'campaign'] as const;

/** Item ids and campaign names: what a URL or a data attribute carries without escaping. */
const ID = /^[\w.:-]{1,100}$/;

/** One problem with a condition: the key it concerns, what is wrong and how to fix it. */
export interface WhenProblem {
  key: string;
  problem: string;
  fix: string;
}

/** Checks a condition as written in a component's `when` prop; returns the first problem, or undefined. */
export function whenProblem(when: unknown): WhenProblem | undefined {
  if (!when || typeof when !== 'object' || Array.isArray(when))
    return {
      key: 'when',
      problem: `${JSON.stringify(when)} is not a condition.`,
      fix: "give an object, e.g. when={{ viewed: 'fjord-jacket', within: '7d' }}.",
    };
  const condition = when as Record<string, unknown>;
  const keys = Object.keys(condition);
  const unknown = keys.find((key) => !(WHEN_KEYS as readonly string[]).includes(key));
  if (unknown)
    return { key: unknown, problem: `"${unknown}" is not a condition key.`, fix: `use ${WHEN_KEYS.join(', ')}.` };
  if (keys.length === 0)
    return {
      key: 'when',
      problem: 'the condition is empty, so it always holds and the alternatives after it never show.',
      fix: 'leave `when` out on the default alternative, or say what must hold, e.g. { returning: true }.',
    };
  for (const key of ['viewed', 'inCart', 'campaign'] as const) {
    const value = condition[key];
    if (value !== undefined && !(typeof value === 'string' && ID.test(value)))
      return {
        key,
        problem: `${JSON.stringify(value)} is not an ${key === 'campaign' ? 'utm_campaign value' : 'item id'}.`,
        fix: `give letters, digits and - _ . : only, e.g. ${key}: '${key === 'campaign' ? 'winter-sale' : 'fjord-jacket'}'.`,
      };
  }
  const subject = condition.viewed !== undefined || condition.inCart !== undefined;
  if (condition.within !== undefined) {
    if (durationMs(condition.within) === undefined)
      return {
        key: 'within',
        problem: `${JSON.stringify(condition.within)} is not a duration (a duration of 0 can never hold).`,
        fix: "give a whole number above 0 and a unit: '30m', '12h', '7d' or '2w'.",
      };
    if (!subject)
      return {
        key: 'within',
        problem: '`within` limits how long ago an item was viewed or added to the cart, and the condition names none.',
        fix: "add viewed: 'item-id' or inCart: 'item-id', or drop `within`.",
      };
  }
  if (condition.times !== undefined) {
    if (!(Number.isInteger(condition.times) && (condition.times as number) >= 1))
      return {
        key: 'times',
        problem: `${JSON.stringify(condition.times)} is not a whole number of page views of 1 or more.`,
        fix: 'give e.g. times: 2 (viewed at least twice).',
      };
    if (condition.viewed === undefined)
      return {
        key: 'times',
        problem: 'counts views of an item, and the condition names none.',
        fix: "add viewed: 'item-id'.",
      };
  }
  if (condition.notPurchased !== undefined && condition.notPurchased !== true)
    return {
      key: 'notPurchased',
      problem: `${JSON.stringify(condition.notPurchased)} can only be true.`,
      fix: 'write notPurchased: true, or leave it out.',
    };
  if (condition.returning !== undefined && typeof condition.returning !== 'boolean')
    return {
      key: 'returning',
      problem: `${JSON.stringify(condition.returning)} is not true or false.`,
      fix: 'write returning: true (an earlier visit) or returning: false (the first visit).',
    };
  return undefined;
}

/** The condition as the page carries it in `data-cta-when`: JSON with the keys in a fixed order. */
export function serializeWhen(when: When): string {
  const ordered: Record<string, unknown> = {};
  for (const key of WHEN_KEYS) if (when[key] !== undefined) ordered[key] = when[key];
  return JSON.stringify(ordered);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);
const time = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/**
 * When the condition holds given the recorded signals: [from, until] in ms since epoch (until exclusive), or
 * [0, 0] when it cannot hold before new signals arrive. Visit-bound parts (returning, campaign) are bound to the
 * current visit, which ends `VISIT_GAP_MS` after its last page view (`record.t`). Anything malformed in the record
 * makes the condition not hold.
 */
export function whenWindow(when: When, record: SignalsRecord, expiresMs: number): [number, number] {
  let from = 0;
  let until = Number.MAX_SAFE_INTEGER;
  const never: [number, number] = [0, 0];
  const within = durationMs(when.within) ?? expiresMs;
  const lastPageView = time(record.t) ?? 0;
  const visitEnds = lastPageView + VISIT_GAP_MS;
  if (when.viewed !== undefined) {
    const views = isObject(record.i) ? record.i[when.viewed] : undefined;
    const last = Array.isArray(views) ? time(views[1]) : undefined;
    if (last === undefined || !(Number(views![0]) >= (when.times ?? 1))) return never;
    from = Math.max(from, last);
    until = Math.min(until, last + within);
  }
  if (when.inCart !== undefined) {
    const added = isObject(record.k) ? time(record.k[when.inCart]) : undefined;
    if (added === undefined) return never;
    from = Math.max(from, added);
    until = Math.min(until, added + within);
  }
  if (when.notPurchased) {
    const purchases = isObject(record.p) ? record.p : {};
    const subject = when.viewed ?? when.inCart;
    if (subject !== undefined ? time(purchases[subject]) !== undefined : Object.keys(purchases).length > 0)
      return never;
  }
  if (when.returning === true && record.r !== 1) {
    // A first visit: the next page view after it has ended starts a returning visit.
    if (!lastPageView) return never;
    from = Math.max(from, visitEnds);
  }
  if (when.returning === false) {
    if (record.r === 1) return never;
    until = Math.min(until, visitEnds);
  }
  if (when.campaign !== undefined) {
    if (record.c !== when.campaign) return never;
    until = Math.min(until, visitEnds);
  }
  return from < until ? [from, until] : never;
}
