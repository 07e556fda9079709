/**
 * Recognises an end date and a time zone in visible text, in the languages the audit knows. Used by the countdown
 * rules: a deadline is only honest when people can read when it is, and where.
 */

const MONTHS = [
  // en
  'jan(?:uary)?',
  'feb(?:ruary)?',
  'mar(?:ch)?',
  'apr(?:il)?',
  'may',
  'june?',
  'july?',
  'aug(?:ust)?',
  'sep(?:t(?:ember)?)?',
  'oct(?:ober)?',
  'nov(?:ember)?',
  'dec(?:ember)?',
  // de
  'januar',
  'jänner',
  'februar',
  'märz',
  'mai',
  'juni',
  'juli',
  'oktober',
  'dezember',
  'dez',
  // fr
  'janvier',
  'février',
  'fevrier',
  'mars',
  'avril',
  'juin',
  'juillet',
  'août',
  'aout',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
  'decembre',
  // es, pt, it, nl
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'setiembre',
  'octubre',
  'noviembre',
  'diciembre',
  'janeiro',
  'fevereiro',
  'março',
  'maio',
  'junho',
  'julho',
  'setembro',
  'outubro',
  'novembro',
  'dezembro',
  'gennaio',
  'febbraio',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'settembre',
  'ottobre',
  'dicembre',
  'januari',
  'februari',
  'maart',
  'mei',
  'augustus',
  // abbreviations Intl.DateTimeFormat writes with month: 'short' (fr, es, it, pt, nl, de)
  'janv',
  'févr',
  'fevr',
  'avr',
  'juil',
  'déc',
  'ene',
  'abr',
  'ago',
  'dic',
  'gen',
  'mag',
  'giu',
  'lug',
  'ott',
  'fev',
  'out',
  'mrt',
  'okt',
  'mär',
  'sept',
].join('|');

const DATE_PATTERNS = [
  /\b\d{4}-\d{2}-\d{2}\b/u, // 2026-12-31
  /\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/u, // 31.12.2026, 12/31/2026
  new RegExp(`(?:^|[^\\p{L}])(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`, 'iu'), // December 31
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th|er)?\\.?\\s+(?:de\\s+)?(?:${MONTHS})(?:$|[^\\p{L}])`, 'iu'), // 31 December, 31. Dezember, 31 de diciembre
  /\d{1,2}\s*月\s*\d{1,2}\s*日/u, // 12月31日
  /\d{1,2}\s*월\s*\d{1,2}\s*일/u, // 12월 31일
];

const TIME_ZONE_PATTERNS = [
  /\b(?:UTC|GMT)(?:\s*[+\-−]\s*\d{1,2}(?::?\d{2})?)?\b/u,
  /\b(?:CET|CEST|EET|EEST|WET|WEST|BST|IST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|AKST|AKDT|HST|AEST|AEDT|ACST|AWST|NZST|NZDT|JST|KST|HKT|SGT|MEZ|MESZ|OEZ|WEZ)\b/u,
  /(?:^|\s)[+\-−]\d{2}:\d{2}\b/u,
  /\b(?:Europe|America|Asia|Australia|Africa|Pacific|Atlantic|Indian)\/[A-Z][A-Za-z_]+/u,
  /\b(?:eastern|central|mountain|pacific|atlantic)\s+(?:standard\s+|daylight\s+)?time\b/iu,
  /\b(?:central|western|eastern)\s+european\s+(?:summer\s+)?time\b/iu,
  /\bcoordinated universal time\b/iu,
  /\b(?:time zone|timezone|zeitzone|fuseau horaire|zona horaria|fuso orario|fuso horário|tijdzone)\b/iu,
  /\b(?:heure de paris|hora de (?:madrid|españa|lisboa)|ora italiana|deutscher zeit|berliner zeit)\b/iu,
  /(?:日本時間|韓国時間|한국 시간|北京时间)/u,
];

export function hasDate(text: string): boolean {
  return DATE_PATTERNS.some((pattern) => pattern.test(text));
}

export function hasTimeZone(text: string): boolean {
  return TIME_ZONE_PATTERNS.some((pattern) => pattern.test(text));
}

export type Deadline =
  | { kind: 'absolute'; date: Date }
  /** A date and time without an offset: each visitor's browser reads it in its own time zone. */
  | { kind: 'floating'; date: Date }
  | { kind: 'duration' }
  | { kind: 'invalid' };

const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Reads a deadline as written in `data-cta-countdown`, a `<time datetime>` or a countdown script's data attribute. */
export function parseDeadline(raw: string): Deadline {
  const value = raw.trim();
  if (/^P(?:\d|T\d)/i.test(value)) return { kind: 'duration' };
  if (/^\d{10}(?:\d{3})?$/.test(value)) {
    const date = new Date(value.length === 10 ? Number(value) * 1000 : Number(value));
    return { kind: 'absolute', date };
  }
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return { kind: 'invalid' };
  const [, day, time, offset] = match;
  const normalisedOffset =
    offset && offset.toUpperCase() !== 'Z'
      ? offset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2').replace(/^([+-]\d{2})$/, '$1:00')
      : offset;
  const date = new Date(`${day}T${time ?? '00:00'}${normalisedOffset ?? 'Z'}`);
  if (Number.isNaN(date.getTime())) return { kind: 'invalid' };
  return offset && time ? { kind: 'absolute', date } : { kind: 'floating', date };
}

/** Time zones span UTC−12 to UTC+14: a floating deadline has passed everywhere once this much after it, read as UTC. */
export const FLOATING_SLACK_MS = 12 * 60 * 60 * 1000;
