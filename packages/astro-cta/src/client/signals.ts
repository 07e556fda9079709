/**
 * Behaviour signals, recorded on the device only: items viewed (how often, when), items added to the cart, items
 * purchased, returning visitor, the campaign a visit landed from, and the experiment arms this visitor was assigned.
 * One JSON record in localStorage (offers/signals-format.ts). Nothing of it is sent anywhere by the kit.
 *
 * After each change it evaluates every offer condition it knows (those on this page and those seen before) into a
 * time window, so that the chooser in the <head> (choose.ts) only compares two numbers before first paint.
 *
 * Privacy: nothing is stored while consent is pending or denied (the beacon's consent store, `ctaConsent`), an
 * explicit denial forgets everything, Global Privacy Control and Do Not Track keep it off entirely, and entries
 * expire (default 30 days). Storage that throws (disabled, full, sandboxed) or holds foreign content: the page keeps
 * working and shows its defaults.
 *
 * The site reports cart and purchase events on document or window:
 * `document.dispatchEvent(new CustomEvent('cta:cart', { detail: { item: 'fjord-jacket' } }))` (and 'cta:purchase').
 */
import {
  ARM_WEIGHT,
  CHOOSE,
  CTA_ARM,
  CTA_EXPERIMENT,
  EXPERIMENT_ENDS,
  EXPERIMENT_HOLDOUT,
  VIEWED_ITEM,
} from '@astro-cta/contract';
import {
  CART_EVENT,
  DEFAULT_EXPIRES_MS,
  PURCHASE_EVENT,
  SIGNALS_KEY,
  type SignalsRecord,
  VISIT_GAP_MS,
} from '../offers/signals-format.ts';
import { type When, whenWindow } from '../offers/when.ts';
import { SHOWN } from './choose-report.ts';

type ConsentState = 'granted' | 'pending' | 'denied';

export interface SignalsOptions {
  /** Lifetime of entries in ms (default 30 days). */
  expiresMs?: number;
  /** The consent store and its default; leave it out where storing needs no consent. */
  consent?: {
    store: { get(): ConsentState | undefined; listen(listener: () => void): unknown };
    fallback: ConsentState;
  };
  /** The chooser picked experiment arms itself (its script tag carries `data-store`): store what it showed. */
  chooserPicks?: boolean;
}

/** The most offer conditions remembered: a site has a handful; this only bounds a record that foreign code filled. */
const MAX_CONDITIONS = 100;

/** Deletes every signal of this visitor from this browser. */
export function forget(): void {
  try {
    localStorage.removeItem(SIGNALS_KEY);
  } catch {
    // Storage disabled: there is nothing to forget.
  }
}

/** Reads the record; anything that is not one of our records counts as none. */
export function readSignals(): SignalsRecord {
  try {
    const record: unknown = JSON.parse(localStorage.getItem(SIGNALS_KEY) ?? '{}');
    return record && typeof record === 'object' && !Array.isArray(record) ? (record as SignalsRecord) : {};
  } catch {
    return {};
  }
}

function writeSignals(record: SignalsRecord): void {
  try {
    localStorage.setItem(SIGNALS_KEY, JSON.stringify(record));
  } catch {
    // Quota exceeded or storage disabled: the signals of this page view are lost, the page is not.
  }
}

type Change = (record: SignalsRecord, now: number) => void;

/** Starts recording on this page (the integration's injected page script calls it when `offers` is on). */
export function startSignals(options: SignalsOptions = {}): void {
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  if (nav.globalPrivacyControl || nav.doNotTrack === '1') return;
  const expires = options.expiresMs ?? DEFAULT_EXPIRES_MS;
  // Changes wait here (in memory only) until storing is allowed.
  const waiting: Change[] = [];
  const consent = options.consent;
  const allowed = () => !consent || (consent.store.get() ?? consent.fallback) === 'granted';
  const flush = () => {
    if (!allowed() || waiting.length === 0) return;
    const now = Date.now();
    const record = readSignals();
    prune(record, now, expires);
    for (const change of waiting.splice(0)) change(record, now);
    evaluateConditions(record, expires);
    writeSignals(record);
  };
  const apply = (change: Change) => {
    waiting.push(change);
    flush();
  };
  consent?.store.listen(() => {
    const state = consent.store.get();
    if (state === 'granted') flush();
    // Only an explicit denial forgets: the default state holds until the site's banner has read its own choice.
    if (state === 'denied') waiting.splice(0), forget();
  });
  apply((record, now) => pageView(record, now, options.chooserPicks ?? !consent));
  const itemEvent = (field: 'k' | 'p') => (event: Event) => {
    const item = (event as CustomEvent<{ item?: unknown } | undefined>).detail?.item;
    if (typeof item === 'string' && item)
      apply((record, now) => ((record[field] = objectOr(record[field]))[item] = now));
  };
  // Capture on window sees the events dispatched on document too, even when they do not bubble.
  addEventListener(CART_EVENT, itemEvent('k'), true);
  addEventListener(PURCHASE_EVENT, itemEvent('p'), true);
  // A page swapped in by Astro's client-side router is a page view of its own. It is recorded on the page-load that
  // follows the swap, not on the swap itself: the router runs the new page's scripts in between, and the chooser may
  // be one of them (a page without offers led here). Recorded at the swap, its experiments had no arm shown yet, and
  // the visitor was stored in the holdout while seeing the arm the chooser drew a moment later. On document: Astro
  // dispatches its events there and they do not bubble (a listener on window without capture never saw them).
  let swapped = false;
  document.addEventListener('astro:after-swap', () => {
    swapped = true;
  });
  document.addEventListener('astro:page-load', () => {
    if (swapped) apply((record, now) => pageView(record, now, options.chooserPicks ?? !consent));
    swapped = false;
  });
}

function objectOr<T>(value: T | undefined): NonNullable<T> {
  return (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as NonNullable<T>;
}

/** Drops expired entries and those from a clock that was more than a day ahead. */
function prune(record: SignalsRecord, now: number, expires: number): void {
  const fresh = (time: unknown) => typeof time === 'number' && time > now - expires && time < now + 864e5;
  const keep = <T>(entries: Record<string, T>, timeOf: (entry: T) => unknown) => {
    for (const [key, entry] of Object.entries(entries)) if (!fresh(timeOf(entry))) delete entries[key];
    return entries;
  };
  record.i = keep(objectOr(record.i), (entry) => (Array.isArray(entry) ? entry[1] : undefined));
  record.k = keep(objectOr(record.k), (time) => time);
  record.p = keep(objectOr(record.p), (time) => time);
  if (!fresh(record.t)) delete record.t, delete record.r, delete record.s, delete record.c;
  record.e = expires;
}

function pageView(record: SignalsRecord, now: number, chooserPicks: boolean): void {
  const last = typeof record.t === 'number' ? record.t : undefined;
  if (last === undefined || now - last >= VISIT_GAP_MS || now < last) {
    // A new visit: returning when an earlier one is on record; its campaign is this landing page's.
    record.r = last === undefined ? 0 : 1;
    record.s = now;
    const campaign = new URLSearchParams(location.search).get('utm_campaign');
    if (campaign) record.c = campaign.slice(0, 100);
    else delete record.c;
  }
  record.t = now;
  const items = new Set(
    [...document.querySelectorAll(`[${VIEWED_ITEM}]`)].map((element) => element.getAttribute(VIEWED_ITEM)!),
  );
  const views = (record.i = objectOr(record.i));
  for (const item of items) {
    if (!item) continue;
    const before = views[item];
    views[item] = [(Array.isArray(before) && Number(before[0])) || 0, now];
    views[item][0] += 1;
  }
  rememberArms(record, now, chooserPicks);
}

/** Stores the arm of each running experiment on the page that this visitor has none of yet. */
function rememberArms(record: SignalsRecord, now: number, chooserPicks: boolean): void {
  const memory = (record.m = objectOr(record.m));
  for (const wrapper of document.querySelectorAll(`[${CHOOSE}="experiment"]`)) {
    const name = wrapper.getAttribute(CTA_EXPERIMENT);
    if (!name || typeof memory[name] === 'string' || Date.parse(wrapper.getAttribute(EXPERIMENT_ENDS) ?? '') <= now)
      continue;
    const arms = [...wrapper.children].filter((child) => child.hasAttribute(CTA_ARM));
    const shown = arms.find((arm) => arm.hasAttribute(SHOWN));
    // The chooser picked and showed an arm (nothing shown: it picked the holdout), or it could not pick before
    // consent and this draw serves the next page views.
    memory[name] = chooserPicks
      ? (shown?.getAttribute(CTA_ARM) ?? '')
      : drawArm(arms, Number(wrapper.getAttribute(EXPERIMENT_HOLDOUT)) || 0);
  }
}

/** A weighted random arm, or "" for the holdout: the same draw as the chooser's. */
export function drawArm(arms: Element[], holdout: number, random = Math.random()): string {
  const weights = arms.map((arm) => Number(arm.getAttribute(ARM_WEIGHT)) || 1);
  const sum = weights.reduce((total, weight) => total + weight, 0);
  let point = sum - (random * sum) / (1 - holdout);
  if (point < 0) return '';
  return arms.find((_, index) => (point -= weights[index]!) < 0)?.getAttribute(CTA_ARM) ?? '';
}

/** Re-evaluates every condition on this page and every one remembered from earlier pages. */
function evaluateConditions(record: SignalsRecord, expires: number): void {
  const memory = (record.m = objectOr(record.m));
  const onPage = [...document.querySelectorAll('[data-cta-when]')].map(
    (element) => element.getAttribute('data-cta-when')!,
  );
  const known = Object.keys(memory).filter((key) => key.startsWith('{'));
  for (const key of new Set([...onPage, ...known])) {
    let when: unknown;
    try {
      when = JSON.parse(key);
    } catch {
      delete memory[key];
      continue;
    }
    memory[key] = when && typeof when === 'object' ? whenWindow(when as When, record, expires) : [0, 0];
  }
  const conditions = Object.keys(memory).filter((key) => key.startsWith('{'));
  for (const key of conditions.slice(0, Math.max(0, conditions.length - MAX_CONDITIONS))) delete memory[key];
}
