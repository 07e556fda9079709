import type { DatabaseSync } from 'node:sqlite';
import { DAY_MS } from './period.ts';

export const ATTRIBUTION_MODELS = ['last-click', 'first-click'] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

export interface AttributionOptions {
  /** Which click in the window gets the conversion (default last-click). */
  model?: AttributionModel;
  /** How long before a conversion a click may be, in minutes (default 30). */
  windowMinutes?: number;
  /** With no click on a CTA for the conversion's goal in the window, credit a click on any CTA (default false). */
  anyGoal?: boolean;
}

export const DEFAULT_ATTRIBUTION = { model: 'last-click', windowMinutes: 30, anyGoal: false } as const satisfies Required<AttributionOptions>;

/** One conversion and the click it is credited to, if any. */
export interface Attributed {
  goal: string;
  /** UTC day of the conversion. */
  day: number;
  value: number | null;
  currency: string | null;
  /** The credited click: its CTA, page and page view; null for an unattributed conversion. */
  cta: string | null;
  page: string | null;
  pageView: string | null;
}

interface ConversionRow {
  page_view: string;
  seq: number;
  goal: string;
  visit: string | null;
  received_at: number;
  value: number | null;
  currency: string | null;
}

interface ClickRow {
  cta: string;
  page: string;
  page_view: string;
}

/**
 * Credits each conversion received in [fromDay, toDay) to a click stored by this collector: a click in the same
 * visit, received before the conversion (in the same page view: with a lower sequence number) and at most the
 * window earlier, on a CTA whose goal is the conversion's goal, or on any CTA when `anyGoal` is set and none has
 * that goal. The last such click, or the first with `first-click`. The attribution a client sends (`ac`, `apv`) is
 * never read, so a forged one changes nothing; a conversion without a visit or a click stays unattributed.
 * One indexed look-up per conversion (conversions are few next to impressions).
 */
export function attributeConversions(
  db: DatabaseSync,
  fromDay: number,
  toDay: number,
  options: AttributionOptions = {},
): Attributed[] {
  const { model, windowMinutes, anyGoal } = { ...DEFAULT_ATTRIBUTION, ...options };
  const order = model === 'last-click' ? 'DESC' : 'ASC';
  const conversions = db
    .prepare(
      `SELECT page_view, seq, goal, visit, received_at, value, currency FROM events
       WHERE type = 'conversion' AND received_at >= ? AND received_at < ?`,
    )
    .all(fromDay * DAY_MS, toDay * DAY_MS) as unknown as ConversionRow[];
  const clickQuery = (goalClause: string) =>
    db.prepare(
      `SELECT cta, page, page_view FROM events
       WHERE type = 'click' AND visit = :visit AND received_at >= :from AND received_at <= :at ${goalClause}
         AND (received_at < :at OR page_view <> :pageView OR seq < :seq)
       ORDER BY received_at ${order}, seq ${order} LIMIT 1`,
    );
  const forGoal = clickQuery('AND goal = :goal');
  const forAny = clickQuery('');
  const windowMs = windowMinutes * 60_000;
  return conversions.map((conversion) => {
    let click: ClickRow | undefined;
    if (conversion.visit !== null) {
      const at = { visit: conversion.visit, from: conversion.received_at - windowMs, at: conversion.received_at, pageView: conversion.page_view, seq: conversion.seq };
      click = forGoal.get({ ...at, goal: conversion.goal }) as ClickRow | undefined;
      if (!click && anyGoal) click = forAny.get(at) as ClickRow | undefined;
    }
    return {
      goal: conversion.goal,
      day: Math.floor(conversion.received_at / DAY_MS),
      value: conversion.value,
      currency: conversion.currency,
      cta: click?.cta ?? null,
      page: click?.page ?? null,
      pageView: click?.page_view ?? null,
    };
  });
}
