/**
 * Locale-aware text for the kit. Components cannot see `<html lang>`, so the locale comes from a `locale` prop,
 * then the page's i18n locale (`Astro.currentLocale`), then the integration's `locale` option, then "en".
 */

/** Set by the integration (`astroCta({ locale })`) through Vite's `define`; undefined without the integration. */
declare const __ASTRO_CTA_LOCALE__: string | undefined;

export function resolveLocale(prop: unknown, currentLocale: string | undefined): string {
  if (typeof prop === 'string' && prop) return prop;
  if (currentLocale) return currentLocale;
  const configured = typeof __ASTRO_CTA_LOCALE__ === 'string' ? __ASTRO_CTA_LOCALE__ : undefined;
  return configured || 'en';
}

/** Reads `Astro.currentLocale`, which throws or is undefined outside an i18n-routed page. */
export function currentLocaleOf(astro: { currentLocale?: string | undefined }): string | undefined {
  try {
    return astro.currentLocale || undefined;
  } catch {
    return undefined;
  }
}

/** Checks a BCP 47 tag; returns a problem or undefined. */
export function localeProblem(locale: string): string | undefined {
  try {
    new Intl.NumberFormat(locale);
    return undefined;
  } catch {
    return `"${locale}" is not a BCP 47 locale tag.`;
  }
}

export function formatInteger(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

export function formatDecimal(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

export function formatPercent(percent: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(percent / 100);
}

export function formatMoney(amount: number, currency: string, locale: string): string {
  // Whole amounts print without ".00" ("$50"), other amounts keep the currency's own digits ("$49.99").
  const whole = Number.isInteger(amount);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    ...(whole ? { maximumFractionDigits: 0, minimumFractionDigits: 0 } : {}),
  }).format(amount);
}

/** Checks an ISO 4217 code; returns a problem or undefined. */
export function currencyProblem(currency: unknown): string | undefined {
  if (typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency))
    return `"${String(currency)}" is not an ISO 4217 currency code.`;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency });
    return undefined;
  } catch {
    return `"${currency}" is not an ISO 4217 currency code.`;
  }
}

/** "Oct 2026" for a count's `asOf` date (a date like "2026-10" or "2026-10-01", or a Date). */
export function formatMonthYear(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** "12 Oct 2026" for a testimonial's date. */
export function formatDay(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    date,
  );
}

/** Parses a calendar date ("2026-10", "2026-10-14", a Date); undefined when it is not one. */
export function parseCalendarDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day = '01'] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day) ? date : undefined;
}

/** Plural-aware phrase via Intl.PluralRules for the English UI strings the kit ships. */
export function plural(count: number, one: string, other: string, locale: string): string {
  return new Intl.PluralRules(locale).select(count) === 'one' ? one : other;
}
