/**
 * Link and button texts that say nothing out of context. Based on Lighthouse's link-text lists
 * (core/audits/seo/link-text.js) plus "link", "details", "continue", "submit"-style words, per language.
 * Entries are stored normalised (see `normalizeCtaText`).
 */
const PHRASES: Record<string, readonly string[]> = {
  en: [
    'click here',
    'click this',
    'go',
    'here',
    'information',
    'learn more',
    'more',
    'more info',
    'more information',
    'right here',
    'read more',
    'see more',
    'start',
    'this',
    'link',
    'details',
    'more details',
    'click',
    'tap here',
    'find out more',
    'continue',
    'this link',
  ],
  es: [
    'click aquí',
    'click aqui',
    'clicka aquí',
    'clicka aqui',
    'pincha aquí',
    'pincha aqui',
    'aquí',
    'aqui',
    'más',
    'mas',
    'más información',
    'más informacion',
    'mas información',
    'mas informacion',
    'este',
    'enlace',
    'este enlace',
    'empezar',
    'haz clic aquí',
    'leer más',
    'ver más',
  ],
  fr: [
    'cliquez ici',
    'ici',
    'en savoir plus',
    'plus',
    'lire la suite',
    'voir plus',
    'plus d’infos',
    'plus d infos',
    'lien',
    'détails',
    'commencer',
  ],
  pt: ['clique aqui', 'ir', 'mais informação', 'mais informações', 'mais', 'veja mais', 'saiba mais', 'leia mais'],
  de: [
    'klicke hier',
    'hier klicken',
    'hier',
    'mehr',
    'siehe',
    'dies',
    'das',
    'weiterlesen',
    'mehr erfahren',
    'mehr infos',
    'klicken sie hier',
    'link',
    'details',
  ],
  it: ['clicca qui', 'qui', 'di più', 'scopri di più', 'leggi di più', 'altro', 'dettagli'],
  nl: ['klik hier', 'hier', 'meer', 'lees meer', 'meer info', 'meer informatie'],
  sv: ['här', 'klicka här', 'läs mer', 'mer', 'mer info', 'mer information'],
  ja: ['ここをクリック', 'こちらをクリック', 'リンク', '続きを読む', '続く', '全文表示', '詳細'],
  ko: ['여기', '여기를 클릭', '클릭', '링크', '자세히', '자세히 보기', '계속', '이동', '전체 보기'],
  fa: [
    'اطلاعات بیشتر',
    'اطلاعات',
    'این',
    'اینجا بزنید',
    'اینجا کلیک کنید',
    'اینجا',
    'برو',
    'بیشتر بخوانید',
    'بیشتر بدانید',
    'بیشتر',
    'شروع',
  ],
  ta: [
    'அடுத்த பக்கம்',
    'மறுபக்கம்',
    'முந்தைய பக்கம்',
    'முன்பக்கம்',
    'மேலும் அறிக',
    'மேலும் தகவலுக்கு',
    'மேலும் தரவுகளுக்கு',
    'தயவுசெய்து இங்கே அழுத்தவும்',
    'இங்கே கிளிக் செய்யவும்',
  ],
};

/**
 * Lowercases, folds compatibility forms, and drops punctuation, symbols (arrows, emoji) and extra spaces, so that
 * "Learn more →", "LEARN MORE!" and "learn more 👉" all read "learn more". Letters of every script are kept.
 */
export function normalizeCtaText(text: string): string {
  return (
    text
      .normalize('NFKC')
      .toLocaleLowerCase()
      .replace(/[’']/g, ' ')
      // biome-ignore lint/suspicious/noMisleadingCharacterClass: joiners and variation selectors are removed one by one
      .replace(/[\p{P}\p{S}\p{Extended_Pictographic}\u200d\ufe0f]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

const NORMALISED = new Map(Object.entries(PHRASES).map(([lang, list]) => [lang, new Set(list.map(normalizeCtaText))]));
const ALL = new Set([...NORMALISED.values()].flatMap((set) => [...set]));

/**
 * True when the text is a generic phrase in the given language (its primary subtag); with no known language,
 * every list applies, as in Lighthouse.
 */
export function isGenericText(text: string, lang: string): boolean {
  const normalised = normalizeCtaText(text);
  if (!normalised) return false;
  const list = NORMALISED.get(lang.split('-')[0]!.toLowerCase());
  return (list ?? ALL).has(normalised) || (list !== undefined && NORMALISED.get('en')!.has(normalised));
}

/** Words a template's placeholder button text is made of ("Call to Action", "Custom Btn", "Button text"). */
const PLACEHOLDER_WORDS = new Set(
  (
    'call to action cta button btn custom your my here link text label ' +
    'primary secondary placeholder sample example'
  ).split(' '),
);
/** …of which at least one names the placeholder itself: "Link text" alone is merely generic. */
const PLACEHOLDER_CORE = new Set(['action', 'cta', 'button', 'btn', 'placeholder']);

/**
 * True when the text is a placeholder left from a template or a design kit ("Call to Action", "Custom Btn",
 * "Button", "Lorem ipsum"), in any language: such texts are English words whatever the page's language.
 */
export function isPlaceholderText(text: string): boolean {
  const normalised = normalizeCtaText(text);
  if (!normalised) return false;
  if (/^lorem ipsum\b/.test(normalised)) return true;
  const words = normalised.split(' ');
  return words.every((word) => PLACEHOLDER_WORDS.has(word)) && words.some((word) => PLACEHOLDER_CORE.has(word));
}
