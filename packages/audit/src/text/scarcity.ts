import { WordScanner } from './word-scanner.ts';

/**
 * Low-stock and activity claims ("only 3 left", "12 people are viewing this") in the languages the audit knows.
 * The classes follow Mathur et al. 2019 ("Dark Patterns at Scale"): low-stock messages and activity notifications.
 */
const N = String.raw`(?:\d{1,6}|one|two|three|four|five|six|seven|eight|nine|ten|a few)`;
const PEOPLE = '(?:people|persons|others|users|visitors|customers|shoppers|buyers|guests|travell?ers)';

const PATTERNS: RegExp[] = [
  // en
  new RegExp(String.raw`\bonly\s+${N}\s+(?:\p{L}+\s+){0,2}(?:left|remaining|available)\b`, 'iu'),
  new RegExp(
    String.raw`\b${N}\s+(?:items?\s+|seats?\s+|spots?\s+|rooms?\s+|tickets?\s+|places?\s+|units?\s+)?(?:left|remaining)\s+(?:in\s+stock|at\s+this\s+price)\b`,
    'iu',
  ),
  new RegExp(String.raw`\b(?:only\s+)?${N}\s+(?:seats?|spots?|rooms?|tickets?|places?|licen[cs]es?)\s+left\b`, 'iu'),
  new RegExp(
    String.raw`\b${N}\s+(?:other\s+)?${PEOPLE}\s+(?:are\s+)?(?:(?:currently|now|right\s+now)\s+)?(?:viewing|looking\s+at|watching|browsing|considering)\b`,
    'iu',
  ),
  new RegExp(
    String.raw`\b${N}\s+(?:${PEOPLE}\s+)?(?:bought|purchased|booked|ordered|signed\s+up|joined)\s+(?:this\s+)?(?:\p{L}+\s+)?(?:in\s+the\s+)?(?:last|past)\s+\d*\s*(?:minutes?|hours?|days?|24\s*h)\b`,
    'iu',
  ),
  new RegExp(String.raw`\b${N}\s+(?:${PEOPLE}\s+)?have\s+this\s+in\s+(?:their\s+)?(?:cart|basket)\b`, 'iu'),
  /\b(?:almost|nearly)\s+sold\s+out\b|\bselling\s+fast\b|\blow\s+stock\b/iu,
  // de
  /\bnur\s+noch\s+\d+\s+(?:\p{L}+\s+)?(?:verfügbar|auf\s+lager|übrig|vorrätig|frei|stück|plätze|tickets|zimmer)/iu,
  /\b\d+\s+(?:personen|leute|nutzer|besucher|kunden|andere)\s+(?:sehen\s+sich|schauen\s+sich|betrachten|sehen\s+gerade|schauen\s+gerade)/iu,
  // fr
  /\b(?:plus\s+que|seulement|uniquement)\s+\d+\s+(?:\p{L}+\s+)?(?:restants?|en\s+stock|disponibles?|places?|articles?)/iu,
  /\b\d+\s+(?:personnes|visiteurs|clients|utilisateurs)\s+(?:regardent|consultent|sont\s+en\s+train)/iu,
  // es
  /\b(?:solo|sólo)\s+(?:quedan\s+)?\d+\s+(?:\p{L}+\s+)?(?:disponibles?|en\s+stock|restantes?|unidades|plazas)/iu,
  /\bquedan\s+(?:solo\s+|sólo\s+)?\d+\b/iu,
  /\b\d+\s+personas\s+(?:están\s+)?(?:viendo|mirando)/iu,
  // pt
  /\b(?:apenas|só|somente)\s+\d+\s+(?:\p{L}+\s+)?(?:restantes?|disponíveis|disponivel|em\s+estoque|vagas)/iu,
  /\brestam\s+(?:apenas\s+|só\s+)?\d+\b/iu,
  /\b\d+\s+pessoas\s+(?:estão\s+)?(?:vendo|olhando|visualizando)/iu,
  // it
  /\b(?:solo|soltanto)\s+\d+\s+(?:\p{L}+\s+)?(?:rimast[aoie]|disponibili|in\s+magazzino|posti)/iu,
  /\b\d+\s+persone\s+(?:stanno\s+)?(?:guardando|visualizzando)/iu,
  // nl
  /\bnog\s+(?:maar\s+|slechts\s+)?\d+\s+(?:\p{L}+\s+)?(?:beschikbaar|over|op\s+voorraad)/iu,
  /\b\d+\s+(?:mensen|bezoekers|anderen)\s+(?:bekijken|kijken)/iu,
  // ja
  /残り\s*\d+\s*(?:点|個|枚|席|室)/u,
  /\d+\s*人が(?:閲覧中|見ています)/u,
];

const ANY_CLAIM = new RegExp(PATTERNS.map((pattern) => `(?:${pattern.source})`).join('|'), 'iu');

/**
 * A word every pattern above contains. Scanning for these literals is about a hundred times faster than running the
 * patterns at every position of a page's text, so the patterns only run in small windows around them.
 */
export const ANCHOR_WORDS: readonly string[] = [
  'left',
  'remaining',
  'availab',
  'viewing',
  'looking',
  'watching',
  'browsing',
  'considering',
  'bought',
  'purchased',
  'booked',
  'ordered',
  'signed',
  'joined',
  'cart',
  'basket',
  'sold',
  'selling',
  'stock',
  'verfügbar',
  'lager',
  'übrig',
  'vorrätig',
  'frei',
  'stück',
  'plätze',
  'tickets',
  'zimmer',
  'sehen',
  'schauen',
  'betrachten',
  'restant',
  'disponib',
  'places',
  'articles',
  'regardent',
  'consultent',
  'personnes',
  'quedan',
  'unidades',
  'plazas',
  'viendo',
  'mirando',
  'estoque',
  'vagas',
  'restam',
  'vendo',
  'olhando',
  'visualizando',
  'rimast',
  'magazzino',
  'posti',
  'guardando',
  'beschikbaar',
  'nog',
  'voorraad',
  'bekijken',
  'kijken',
  '残り',
  '人が',
];
const ANCHOR = new RegExp(ANCHOR_WORDS.join('|'), 'giu');
/**
 * Most page texts hold no anchor at all, and proving that with ANCHOR costs a regex attempt at every position; the
 * scanner does it in one cheaper pass. Built on first use (some 20 ms: it classifies every UTF-16 code unit once).
 */
let anchorScanner: WordScanner | undefined;
/** How far a claim reaches before and after its anchor word ("48 customers bought this in the last 24 hours"). */
const BEFORE = 80;
const AFTER = 60;

/**
 * False when `raw` cannot contain a claim however its whitespace is collapsed or its quotes removed: every claim
 * holds an anchor word, anchors contain no whitespace, and collapsing or cutting text only shortens or splits its
 * runs of non-space characters, never joins them into a new word. Lets callers skip that clean-up.
 */
export function mayHoldScarcityClaim(raw: string): boolean {
  anchorScanner ??= new WordScanner(ANCHOR_WORDS);
  if (!anchorScanner.mayContain(raw)) return false;
  ANCHOR.lastIndex = 0;
  return ANCHOR.test(raw);
}

/** True when the text makes a low-stock or live-activity claim. */
export function isScarcityClaim(text: string): boolean {
  ANCHOR.lastIndex = 0;
  let windowStart = -1;
  let windowEnd = -1;
  for (let match = ANCHOR.exec(text); match; match = ANCHOR.exec(text)) {
    const start = Math.max(0, match.index - BEFORE);
    const end = Math.min(text.length, match.index + match[0].length + AFTER);
    if (start <= windowEnd) {
      windowEnd = end;
      continue;
    }
    if (windowEnd > windowStart && ANY_CLAIM.test(text.slice(windowStart, windowEnd))) return true;
    windowStart = start;
    windowEnd = end;
  }
  return windowEnd > windowStart && ANY_CLAIM.test(text.slice(windowStart, windowEnd));
}
