import {
  CTA_ID,
  CTA_ROLE,
  CTA_VARIANT,
  CTA_VARIANTS,
  type CtaVariant,
  INCENTIVE_KIND,
  PROOF_KIND,
  roleForVariant,
} from '@astro-cta/contract';
import type { AnyNode, Document, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import {
  accessibleName,
  attr,
  closestAncestor,
  collapse,
  has,
  isHidden,
  isVisuallyHidden,
  visibleText,
} from './dom.ts';
import { chromeByStructure, contentRegions, findMain, isChrome, isSectioning } from './main-content.ts';
import { isGenericText } from './text/generic-phrases.ts';
import type { Cta } from './types.ts';

export { findMain };

/** Class names that style a link as a button (Bootstrap, Bulma, Foundation, WordPress blocks, Starlight, BEM kits…). */
const BUTTON_CLASS = /(?:^|[\s_-])(?:btn|button|cta)(?:$|[\s_-])/i;
/**
 * Utility CSS (Tailwind, UnoCSS, Windi) spells a button out: horizontal padding plus a background, a border or
 * rounded corners. DaisyUI, Flowbite and Preline keep `btn`/`button` and match BUTTON_CLASS.
 */
const TAILWIND_PADDING = /(?:^|\s)(?:[a-z-]+:)*!?px-(?:\d|\[)/;
const TAILWIND_SURFACE =
  /(?:^|\s)(?:[a-z-]+:)*!?(?:bg-(?!transparent\b|none\b|opacity|clip|origin|fixed|cover|center|no-repeat|gradient-to-(?:t|b)\b)[\w[\]#/.-]+|rounded(?:-[\w[\]]+)?|border(?:-2)?)(?:\s|$)/;
/** Buttons that operate the page (menus, carousels, dialogs, code blocks) rather than ask for an action. */
const WIDGET_CLASS =
  /(?:^|[\s_-])(?:close|toggle|trigger|dropdown|toggler|copy|carousel|slick|swiper|splide|slider|slide|arrow|dismiss|hamburger|burger|menu|accordion|collapse|tab|theme|expand|play|pause|prev|previous|next|dot|dots|qty|quantity|minus|plus|increment|decrement|stepper|mute|volume|fullscreen|scroll-?to-?top|back-?to-?top|lightbox)(?:$|[\s_-])/i;
/** Names of buttons that operate the page. */
const WIDGET_NAME =
  /^(?:copy(?: .*)?|copied|close|dismiss|cancel|edit|remove|delete|menu|open menu|close menu|toggle .*|search|previous|next|previous slide|next slide|play|pause|[+−-]|×|x|(?:un)?mute|volume|(?:exit )?full ?screen|zoom in|zoom out|load more|show more|show less|scroll to top|back to top|go to top)$/i;
/** Theme switches and media players, however they are named ("Switch to dark mode", "Play video"). */
const WIDGET_NAME_PART =
  /\b(?:theme|dark mode|light mode|dark theme|light theme|colou?r scheme|(?:play|pause) (?:the )?(?:video|audio|animation|sound))\b/i;
const WIDGET_ATTRS = [
  'aria-expanded',
  'aria-controls',
  'aria-haspopup',
  'aria-pressed',
  'aria-selected',
  'data-toggle',
  'data-bs-toggle',
  'data-bs-dismiss',
  'data-dismiss',
  'data-bs-slide',
  'popovertarget',
  'commandfor',
];

/**
 * Verbs that open a call to action, in the languages the generic-text rule knows. A stand-alone link in the main
 * content counts as a CTA when its text starts with one ("Get started", "Jetzt testen", "Réserver une démo").
 */
const ACTION_VERB = new RegExp(
  '^(?:' +
    [
      // en
      'get',
      'start',
      'try',
      'buy',
      'shop',
      'order',
      'sign ?up',
      'sign in',
      'log ?in',
      'join',
      'book',
      'schedule',
      'download',
      'install',
      'subscribe',
      'register',
      'create',
      'request',
      'contact',
      'talk',
      'call',
      'claim',
      'apply',
      'reserve',
      'donate',
      'upgrade',
      'explore',
      'discover',
      'see',
      'view',
      'browse',
      'watch',
      'compare',
      'choose',
      'add',
      'begin',
      'build',
      'deploy',
      'launch',
      'open',
      'read the',
      'learn how',
      'learn about',
      'go to',
      'view all',
      'see all',
      // "…and more →" closing a list of examples: see the rest
      '(?:\\.{2,3}|…)\\s*and more',
      '(?:\\.{2,3}|…)\\s*(?:und mehr|et plus|y más|e mais)',
      'email',
      'e-mail',
      'write to',
      'message',
      'grab',
      'save',
      'unlock',
      'enroll',
      'enrol',
      'rsvp',
      'pre-?order',
      'checkout',
      'check out',
      'hire',
      'volunteer',
      'submit',
      'proceed',
      'continue to',
      'pay',
      'write a',
      'send',
      'sponsor',
      'support',
      'give',
      'adopt',
      'rent',
      'hire us',
      'meet',
      'visit',
      'follow',
      // de
      'jetzt',
      'kostenlos',
      'starten',
      'testen',
      'kaufen',
      'bestellen',
      'registrieren',
      'anmelden',
      'buchen',
      'herunterladen',
      'kontakt',
      'abonnieren',
      'hinzufügen',
      'entdecken',
      'sichern',
      'zum',
      'zur',
      'mehr über',
      'demo',
      // fr
      'essayer',
      'essayez',
      'commencer',
      'commencez',
      'acheter',
      'achetez',
      "s['’]inscrire",
      'inscrivez',
      'télécharger',
      'téléchargez',
      'réserver',
      'réservez',
      'visiter',
      'visitez',
      'contactez',
      'découvrir',
      'découvrez',
      'demander',
      'demandez',
      'obtenir',
      'obtenez',
      'profitez',
      'voir',
      'offrir',
      'offrez',
      'ajouter',
      'ajoutez',
      "je m['’]inscris",
      'inscris-toi',
      'rejoindre',
      'rejoignez',
      'commander',
      'commandez',
      'abonnez',
      // es, pt, it, nl
      'comprar',
      'compra',
      'añadir',
      'agregar',
      'empieza',
      'empezar',
      'comienza',
      'prueba',
      'probar',
      'regístrate',
      'registrarse',
      'descargar',
      'descarga',
      'reservar',
      'reserva',
      'contáctanos',
      'contacta',
      'solicitar',
      'solicita',
      'obtener',
      'obtén',
      'descubre',
      'suscríbete',
      'comece',
      'experimente',
      'baixe',
      'assine',
      'inscreva',
      'compre',
      'acquista',
      'prova',
      'inizia',
      'scarica',
      'iscriviti',
      'prenota',
      'probeer',
      'koop',
      'bestel',
      'download',
      'meld je aan',
      'start',
      // ja, ko, zh (no word boundaries: the text starts with the verb or is the verb phrase)
      '無料',
      '今すぐ',
      '購入',
      '申し込',
      '登録',
      'ダウンロード',
      'お問い合わせ',
      '始め',
      '体験',
      '지금',
      '무료',
      '구매',
      '가입',
      '시작',
      '다운로드',
      '문의',
      '신청',
      '立即',
      '免费',
      '购买',
      '注册',
      '下载',
      '开始',
      '联系',
      // ar, fa, he, ru, pl, tr (the text starts with the verb)
      'ابدأ',
      'إبدأ',
      'جرب',
      'جرّب',
      'اشترك',
      'سجل',
      'سجّل',
      'احجز',
      'تواصل',
      'اتصل',
      'حمّل',
      'تحميل',
      'اشتر',
      'اطلب',
      'انضم',
      'اكتشف',
      'احصل',
      'شروع',
      'دریافت',
      'خرید',
      'ثبت ?نام',
      // …and the English list's "learn about", "view", "explore", "download", "contact", "log in", "join"
      'آشنایی',
      'مشاهده',
      'کاوش',
      'دانلود',
      'تماس',
      'ورود',
      'عضویت',
      'התחל',
      'הירשם',
      'נסה',
      'קנה',
      'начать',
      'начните',
      'попробовать',
      'попробуйте',
      'купить',
      'купите',
      'заказать',
      'закажите',
      'скачать',
      'скачайте',
      'подписаться',
      'подпишитесь',
      'зарегистр',
      'связаться',
      'свяжитесь',
      'получить',
      'получите',
      'записаться',
      'zacznij',
      'wypróbuj',
      'kup',
      'zamów',
      'pobierz',
      'zarejestruj',
      'skontaktuj',
      'başla',
      'hemen',
      'dene',
      'satın al',
      'indir',
      'kaydol',
    ].join('|') +
    ')(?![a-z])' +
    // Japanese and Korean put the verb last: "設定を開始", "今すぐ始める", "무료로 시작하기".
    '|(?:を|に|で)?(?:開始|始める|始めましょう|はじめる|申し込む|購入する|登録する|ダウンロードする|試す|予約する)$' +
    '|(?:시작하기|시작하세요|구매하기|다운로드하기|신청하기|가입하기|문의하기)$',
  'iu',
);

/**
 * How sure recognition is that an element is a CTA, 0 to 1. Declared CTAs are certain; shapes that CSS frameworks
 * reserve for calls to action (button classes, form submits) are near-certain; a short action link or a contact
 * link is likely; below CONFIDENT the audit keeps the CTA aside (`page.unsureCtas`) and rules do not report on it.
 */
export const CONFIDENCE = {
  declared: 1,
  submit: 0.9,
  styledButton: 0.9,
  storeBadge: 0.9,
  loneActionLink: 0.85,
  button: 0.8,
  imageAction: 0.8,
  contactLink: 0.8,
  shortActionLink: 0.7,
  unsureButton: 0.5,
  contactInProse: 0.4,
} as const;
/** Rules act on CTAs recognised at least this surely. */
export const CONFIDENT = 0.6;

const WHITESPACE = /\s+/;
const NOT_A_CTA_REL = /\b(?:prev|next|tag|category|author|bookmark)\b/i;
const LEADING_DECORATION = /^[\s→»›>•]+/;

function tokens(element: Element): string[] {
  const className = attr(element, 'class');
  const id = attr(element, 'id');
  if (className === undefined && id === undefined) return [];
  return `${className ?? ''} ${id ?? ''}`.toLowerCase().split(WHITESPACE).filter(Boolean);
}

function kindOf(element: Element): Cta['kind'] | undefined {
  if (element.name === 'a' && attr(element, 'href') !== undefined) return 'link';
  if (element.name === 'button') {
    const type = (attr(element, 'type') ?? 'submit').toLowerCase();
    if (type === 'reset') return undefined;
    return type === 'submit' && closestAncestor(element, (el) => el.name === 'form') ? 'submit' : 'button';
  }
  if (element.name === 'input') {
    const type = (attr(element, 'type') ?? '').toLowerCase();
    if (type === 'submit' || type === 'image') return 'submit';
    if (type === 'button') return 'button';
  }
  if (attr(element, 'role') === 'button') return 'button';
  return undefined;
}

function isDialog(element: Element): boolean {
  const role = attr(element, 'role');
  return element.name === 'dialog' || role === 'dialog' || role === 'alertdialog';
}

const WIDGET_HANDLER = /(?:^|[^\w$])(?:close|dismiss|hide|toggle)[\w$]*\s*\(/i;

function isWidgetControl(element: Element, byId: (id: string) => Element | undefined): boolean {
  if (WIDGET_ATTRS.some((name) => attr(element, name) !== undefined)) return true;
  const role = attr(element, 'role');
  if (role === 'tab' || role === 'menuitem' || role === 'switch' || role === 'option') return true;
  if (WIDGET_CLASS.test(attr(element, 'class') ?? '') || WIDGET_CLASS.test(attr(element, 'id') ?? '')) return true;
  // Code blocks and carousels put their controls in a classed wrapper (`<div class="copy"><button>`).
  const parent = element.parent;
  if (parent && isTag(parent) && WIDGET_CLASS.test(attr(parent, 'class') ?? '')) return true;
  const name = collapse(accessibleName(element, byId));
  return WIDGET_NAME.test(name) || WIDGET_NAME_PART.test(name);
}

export function styledAsButton(element: Element): boolean {
  const className = attr(element, 'class') ?? '';
  if (attr(element, 'role') === 'button' || BUTTON_CLASS.test(className)) return true;
  return TAILWIND_PADDING.test(className) && TAILWIND_SURFACE.test(className);
}

/** Icon fonts that draw a glyph from a word ("arrow_forward"): the word is the icon's name, not text anyone reads. */
const ICON_LIGATURE = /(?:^|\s)material-(?:icons|symbols)(?:-[a-z]+)?(?:\s|$)/;

/** Text of a subtree, iteratively and only up to `limit` characters: enough to tell a lone link from prose. */
function boundedText(element: Element, limit: number): string {
  let text = '';
  const stack: AnyNode[] = [element];
  while (stack.length > 0 && text.length <= limit) {
    const node = stack.pop()!;
    if (isText(node)) text += node.data;
    // An inline SVG's <title> names the icon for assistive technology; nobody sees it.
    else if (
      isTag(node) &&
      node.name !== 'script' &&
      node.name !== 'style' &&
      node.name !== 'template' &&
      node.name !== 'svg' &&
      !ICON_LIGATURE.test(attr(node, 'class') ?? '')
    ) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  return text;
}

const LONE_LINK_PARENTS = new Set([
  'p',
  'div',
  'span',
  'strong',
  'b',
  'em',
  'section',
  'article',
  'footer',
  'header',
  'td',
  'figure',
  'center',
  'li',
]);
const INLINE_WRAPPERS = new Set(['strong', 'b', 'em', 'span', 'small']);
/** Blocks of running text: a link there is a reference unless it stands alone. */
const PROSE_BLOCKS = new Set(['p', 'li', 'dd', 'td', 'blockquote', 'figcaption', 'label']);
/** Arrows, chevrons and bullets that decorate action links. */
const DECORATION = /[\s→←↗»«›‹>•·|→\u2190-\u21ff\u2794-\u27bf\u{1F300}-\u{1FAFF}]/gu;
/** Words of surrounding text that make a link part of a sentence. */
const PROSE_WORDS = 2;
/** Action links are short: "Get started", "View all posts »", "Go to the project". */
const MAX_ACTION_WORDS = 7;

function wordsOf(text: string): number {
  return text.split(WHITESPACE).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/**
 * A link that stands alone in its block (the block holds nothing but the link): "Get started →" under a feature,
 * "Book a demo" at the end of a section.
 */
function standsAlone(link: Element, name: string): boolean {
  const bareName = name.replace(DECORATION, '');
  let block: AnyNode | null = link.parent;
  // Climb through inline wrappers (<p><strong><a>) to the block that holds the link.
  while (block && isTag(block) && INLINE_WRAPPERS.has(block.name)) {
    if (boundedText(block, 200).replace(DECORATION, '') !== bareName) return false;
    block = block.parent;
  }
  if (!block || !isTag(block) || !LONE_LINK_PARENTS.has(block.name)) return false;
  return boundedText(block, 200).replace(DECORATION, '') === bareName;
}

/** The link is part of a sentence: its block of running text holds several more words than the link. */
function inProse(link: Element, name: string): boolean {
  const block = closestAncestor(link, (el) => PROSE_BLOCKS.has(el.name));
  if (!block) return false;
  return wordsOf(collapse(boundedText(block, 400))) - wordsOf(name) >= PROSE_WORDS;
}

/** One of three or more list items that each hold a link: a link list (related posts, a table of contents). */
function inLinkList(link: Element): boolean {
  const item = closestAncestor(link, (el) => el.name === 'li');
  const list = item?.parent;
  if (!list || !isTag(list)) return false;
  return list.children.filter((child) => isTag(child) && child.name === 'li').length >= 3;
}

/**
 * A link in a group of controls (its parent holds only links and buttons, at least two) next to one styled as a
 * button: the hero's "Get started" + "Learn more →" pair.
 */
/** Controls shown only on small screens (`d-md-none`, `md:hidden`): menu toggles, not calls to action. */
const MOBILE_ONLY = /(?:^|\s)(?:d-(?:sm|md|lg|xl)-none|(?:sm|md|lg|xl):hidden|btn-link)(?:\s|$)/;

const GROUP_PARENTS = new Set(['div', 'p', 'span']);

function inButtonGroup(link: Element): boolean {
  const parent = link.parent;
  if (!parent || !isTag(parent) || !GROUP_PARENTS.has(parent.name)) return false;
  const controls = parent.children.filter(isTag);
  if (controls.length < 2 || controls.length > 4) return false;
  if (!controls.every((el) => el.name === 'a' || el.name === 'button')) return false;
  return controls.some((el) => el !== link && styledAsButton(el));
}

/** Share intents and social profiles: following or sharing is not what the page asks for ("Share on X", "Email
 * Share", a "Facebook page"); "Claim your share" is an offer. */
const SHARE_URL =
  /(?:twitter\.com|x\.com)\/(?:intent|share)|facebook\.com\/(?:sharer|share|dialog)|linkedin\.com\/(?:sharing|shareArticle|feed\/\?share)|reddit\.com\/submit|pinterest\.[a-z.]+\/pin\/create|wa\.me\/\?|api\.whatsapp\.com\/send|t\.me\/share|telegram\.me\/share|bsky\.app\/intent|news\.ycombinator\.com\/submitlink|mailto:\?/i;
const SOCIAL_HOST =
  /^(?:https?:)?\/\/(?:[\w-]+\.)*(?:twitter\.com|x\.com|facebook\.com|fb\.com|linkedin\.com|instagram\.com|youtube\.com|tiktok\.com|github\.com|gitlab\.com|mastodon\.[a-z]+|[\w-]+\.social|bsky\.app|threads\.net|pinterest\.[a-z.]+|reddit\.com|t\.me|discord\.(?:gg|com)|dribbble\.com|behance\.net|medium\.com|dev\.to|twitch\.tv|codepen\.io|stackoverflow\.com)(?:[/:?#]|$)/i;
const SHARE_NAME =
  /^(?:share|tweet|post)\b|^[a-z0-9.+-]+ share$|\b(?:share (?:on|via|to|this)|follow (?:us|me)|(?:us|me) on)\b|\b(?:twitter|facebook|linkedin|instagram|youtube|mastodon|bluesky|tiktok|threads|pinterest|dribbble|github|discord)\b.{0,20}\b(?:page|profile|account|channel)\b/i;
/** App stores: a badge linking there is the page's download CTA. */
const STORE_URL =
  /^(?:https?:)?\/\/(?:apps\.apple\.com|itunes\.apple\.com|play\.google\.com|apps\.microsoft\.com|www\.microsoft\.com\/store|chromewebstore\.google\.com|chrome\.google\.com\/webstore|addons\.mozilla\.org|appgallery\.huawei\.com|www\.amazon\.[a-z.]+\/gp\/product)/i;
/** A store badge's image named after the store ("Download on the App Store", "Google Play badge"), wherever the
 * link leads (templates point badges at placeholders until the app ships). */
const STORE_BADGE_NAME =
  /\b(?:app ?store|google play|play store|microsoft store|app gallery|get it on|download on the|available on the)\b/i;
/** Navigation back or through a series: "← Back to blog", "Older posts", "Next: Installation". */
const BACK_OR_SERIES =
  /^(?:[←‹«<↑]|back\b|go back|return to|zurück|retour|volver|older|newer|previous|prev\b|next\b|vorherige|nächste|précédent|suivant)/i;
/** The site's home, in any language: `/`, `/fr/`, `/pt-br/`. */
const HOME_HREF = /^(?:\/|\/[a-z]{2}(?:-[a-z]{2,4})?\/?)$/i;
const REVIEW_COUNT =
  /\b\d[\d,.\s]*\s(?:reviews?|ratings?|comments?|bewertungen|rezensionen|kommentare|avis|commentaires|reseñas|opiniones|comentarios|recensioni|commenti|avaliações)\b/i;

/** A link's name for the site's home page, in the languages the audit knows. */
const HOME_NAME =
  /^(?:(?:go |back |return )?(?:to )?(?:the )?(?:home|home ?page|top|top ?page|start ?page|main page|front page)|startseite|accueil|page d['’]accueil|inicio|página (?:de )?inicio|pagina iniziale|home ?pagina|トップ(?:ページ)?(?:へ(?:戻る)?)?|ホーム|首页|主页|返回首页|홈|الصفحة الرئيسية|الرئيسية)$/i;

/** The site's home by path (`/`, `/fr/`) or by an absolute URL with no path. */
function isHomeLink(href: string): boolean {
  return HOME_HREF.test(href) || /^https?:\/\/[^/]+\/?$/i.test(href);
}

/** Taxonomy and paginated-list targets: tag chips, category links, page numbers. */
const TAXONOMY_HREF = /\/(?:tags?|categor(?:y|ies)|topics?|authors?|labels?)\/[^/]+\/?(?:[?#].*)?$|\/page\/\d+\/?$/i;
const CHIP_TOKEN = /^(?:tag|tags|chip|pill|badge|label|category|hashtag)(?:$|[-_])|[-_](?:tag|chip|pill)$/;
const CARD_INSIDE = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'article', 'p', 'time', 'ul']);

/** What a link is for, when it is clearly not a call to action; undefined otherwise. */
function notACta(link: Element, href: string, name: string, visible: string): boolean {
  if (NOT_A_CTA_REL.test(attr(link, 'rel') ?? '')) return true;
  if (SHARE_URL.test(href) || SHARE_NAME.test(name)) return true;
  // An icon-only link to a social profile (the footer's or an author box's row of icons).
  if (SOCIAL_HOST.test(href) && !visible) return true;
  // "← Back to blog" navigates; "Back to the home page" on an error page is the page's way out (a CTA).
  if (BACK_OR_SERIES.test(visible || name) && !HOME_HREF.test(href)) return true;
  if (TAXONOMY_HREF.test(href) || /^#?\d+$/.test(visible)) return true;
  // "See all 117 reviews", "12 comments": a rating or comment count leads to the reviews, not to an action.
  if (REVIEW_COUNT.test(visible)) return true;
  if (tokens(link).some((token) => CHIP_TOKEN.test(token))) return true;
  // "‹ See all guides", a pager's "‹ Introduction" / "Components ›": the icon says it moves through the site.
  if (!HOME_HREF.test(href) && pointsBackward(link)) return true;
  if (isPagerNext(link, visible, href)) return true;
  if (isOverlayLink(link, visible)) return true;
  if (inChipGroup(link)) return true;
  if (!visible && inSocialRow(link)) return true;
  // "twitter / github / linkedin / email": an e-mail address named in a row of social profiles is one of them.
  if (/^mailto:/i.test(href) && wordsOf(visible) <= 2 && socialNeighbours(link) >= 2) return true;
  if (repeatsCardTitle(link, href)) return true;
  // A card: the link wraps a heading, a paragraph or a date (a post, a project, a product tile), or a title and a
  // sentence of description in plain boxes.
  if (
    !link.children.some((child) => isTag(child) && (CARD_INSIDE.has(child.name) || hasCardContent(child))) &&
    !hasTitleAndDescription(link)
  )
    return false;
  return !isWrappedLabel(link, name);
}

/** Icon names (Iconify `data-icon`, icon-font classes, sprite references) of arrows and chevrons. */
const BACKWARD_ICON =
  /(?:chevron|arrow|caret|angle)s?[-_:]?(?:left|back(?:ward)?)\b|\b(?:left|back)[-_](?:arrow|chevron)/i;
const FORWARD_ICON =
  /(?:chevron|arrow|caret|angle)s?[-_:]?(?:right|forward)\b|\b(?:right|forward)[-_](?:arrow|chevron)/i;
const ICON_TAGS = new Set(['svg', 'i', 'span', 'img', 'use']);

/** The names an icon inside a link carries: its data-icon, class, sprite reference or file name. */
function iconNames(link: Element): string {
  let names = '';
  const stack: Element[] = link.children.filter(isTag);
  for (let visited = 0; stack.length > 0 && visited < 40; visited++) {
    const node = stack.pop()!;
    if (ICON_TAGS.has(node.name)) {
      names += ` ${attr(node, 'data-icon') ?? ''} ${attr(node, 'class') ?? ''} ${attr(node, 'href') ?? ''}`;
      names += ` ${attr(node, 'xlink:href') ?? ''} ${attr(node, 'name') ?? ''}`;
      if (node.name === 'img') names += ` ${attr(node, 'src') ?? ''}`;
    }
    for (const child of node.children) if (isTag(child)) stack.push(child);
  }
  return names;
}

/** A link that shows a left-pointing arrow or chevron: back to a list, or a pager's previous page. */
function pointsBackward(link: Element): boolean {
  return BACKWARD_ICON.test(iconNames(link));
}

const MAX_GROUP_CHILDREN = 40;

/** The links of the group a link sits in: its parent's, or its list's when each link has its own item. */
function groupLinks(link: Element): Element[] {
  let container = link.parent;
  if (container && isTag(container) && container.name === 'li') container = container.parent;
  // A row of chips or icons is short; a long list is not one group (and each link must not scan all of it).
  if (!container || !isTag(container) || container.children.length > MAX_GROUP_CHILDREN) return [link];
  const links: Element[] = [];
  for (const child of container.children) {
    if (!isTag(child)) continue;
    const item = child.name === 'li' ? child.children.find((el): el is Element => isTag(el) && el.name === 'a') : child;
    if (item && item.name === 'a' && has(item, 'href')) links.push(item);
  }
  return links;
}

/**
 * The "next" half of a pager: a link to another page named by that page's title ("Components ›"), with a
 * right-pointing chevron or arrow, beside a backward link or on its own. Action links ("Get started →") and generic
 * ones ("Learn more →") are calls to action, whatever their arrow.
 */
function isPagerNext(link: Element, visible: string, href: string): boolean {
  if (!visible || !/^(?:\/|\.\.?\/)/.test(href) || HOME_HREF.test(href)) return false;
  if (!FORWARD_ICON.test(iconNames(link))) return false;
  const text = visible.replace(DECORATION, ' ').trim();
  if (ACTION_VERB.test(text) || isGenericText(text, '')) return false;
  const others = groupLinks(link).filter((other) => other !== link);
  if (others.length > 0) return others.every(pointsBackward);
  // Alone (the first page of a series has no "previous"), it must lead to a sibling page of the same section.
  const own = ownPath(link);
  const section = (path: string) => /^\/[^/]+\//.exec(path)?.[0];
  const target = href.split(/[?#]/)[0] ?? href;
  return own !== undefined && section(own) !== undefined && section(own) === section(target) && target !== section(own);
}

const ownPaths = new WeakMap<object, string | undefined>();

/** The page's own path, from its canonical URL or og:url (the recognizer is not told its route). */
function ownPath(element: Element): string | undefined {
  let root: AnyNode = element;
  while (root.parent) root = root.parent;
  if (ownPaths.has(root)) return ownPaths.get(root);
  let path: string | undefined;
  const html = (root as Document).children?.find((node): node is Element => isTag(node) && node.name === 'html');
  const head = html?.children.find((node): node is Element => isTag(node) && node.name === 'head');
  for (const node of head?.children ?? []) {
    if (!isTag(node)) continue;
    const url =
      node.name === 'link' && /\bcanonical\b/i.test(attr(node, 'rel') ?? '')
        ? attr(node, 'href')
        : node.name === 'meta' && attr(node, 'property') === 'og:url'
          ? attr(node, 'content')
          : undefined;
    if (!url) continue;
    try {
      path = new URL(url, 'https://example.invalid').pathname;
      break;
    } catch {
      // An unparsable URL says nothing about the page's path.
    }
  }
  ownPaths.set(root, path);
  return path;
}

/**
 * A card's overlay link: stretched over the card (`stretched-link`, `absolute inset-0`) and named only for screen
 * readers. The card is what people click; the overlay is not an action of its own.
 */
function isOverlayLink(link: Element, visible: string): boolean {
  const names = tokens(link);
  const stretched =
    names.includes('stretched-link') ||
    (names.some((token) => /^(?:[a-z-]+:)?absolute$/.test(token)) &&
      names.some((token) => /^(?:[a-z-]+:)?inset-0$/.test(token)));
  return stretched && (!visible || hasOnlyHiddenText(link));
}

function hasOnlyHiddenText(link: Element): boolean {
  return link.children.every(
    (child) =>
      (isText(child) && !child.data.trim()) ||
      (isTag(child) && (isVisuallyHiddenOrHidden(child) || child.name === 'svg' || child.name === 'img')),
  );
}

/** One of a row of filter chips: most other links of its group go to tag or category pages ("All posts", "design"). */
function inChipGroup(link: Element): boolean {
  const others = groupLinks(link).filter((other) => other !== link);
  if (others.length < 2) return false;
  const taxonomy = others.filter((other) => TAXONOMY_HREF.test(attr(other, 'href') ?? '')).length;
  return taxonomy * 2 >= others.length + 1;
}

/** An icon-only link (an envelope, a website globe) in a row of social profile icons: part of the row. */
function inSocialRow(link: Element): boolean {
  const others = groupLinks(link).filter((other) => other !== link);
  return others.length >= 2 && others.some((other) => SOCIAL_HOST.test(attr(other, 'href') ?? ''));
}

/** How many other links of the link's group (a row, a list) lead to social profiles. */
function socialNeighbours(link: Element): number {
  return groupLinks(link).filter((other) => other !== link && SOCIAL_HOST.test(attr(other, 'href') ?? '')).length;
}

/** Text that ends a sentence: a card's description ("Hit the ground running."), not a button's label. */
const SENTENCE_END = /[.!?。！？…]$/u;
const TEXT_BOX_DEPTH = 6;

/**
 * A link wrapping a card made of plain boxes, `<a><div>Getting started</div><div>Hit the ground running.</div></a>`:
 * two or more boxes with text of their own, one of them a sentence. A button's two lines ("Get it on" / "Google
 * Play") end no sentence.
 */
function hasTitleAndDescription(link: Element): boolean {
  const texts: string[] = [];
  const stack: { node: Element; depth: number }[] = link.children.filter(isTag).map((node) => ({ node, depth: 1 }));
  for (let visited = 0; stack.length > 0 && visited < 60; visited++) {
    const { node, depth } = stack.pop()!;
    if (node.name === 'svg' || isVisuallyHiddenOrHidden(node)) continue;
    const own = collapse(node.children.map((child) => (isText(child) ? child.data : '')).join(' '));
    if (own && (node.name === 'div' || node.name === 'span')) texts.push(own);
    if (depth < TEXT_BOX_DEPTH)
      for (const child of node.children) if (isTag(child)) stack.push({ node: child, depth: depth + 1 });
  }
  return texts.length >= 2 && texts.some((text) => wordsOf(text) >= 3 && SENTENCE_END.test(text));
}

const GRID_CELL = /^(?:[a-z0-9]+:)*(?:col(?:-[a-z]{2,3})?-\d+|(?:w|basis)-\d+\/\d+)$/;
/** Levels above a link searched for the title of the card it belongs to. */
const CARD_TITLE_DEPTH = 4;

/**
 * A card's "Read more" or "View details": it leads where the card's title link (a heading's link, or a link
 * wrapping a heading or the card's image) already leads. A second way into the card, not an action of the page.
 */
function repeatsCardTitle(link: Element, href: string): boolean {
  if (!href || href.startsWith('#')) return false;
  let node = link.parent;
  for (let depth = 0; node && isTag(node) && depth < CARD_TITLE_DEPTH; depth++, node = node.parent) {
    if (node.name === 'main' || node.name === 'body' || node.name === 'section') return false;
    const found = hasDescendant(
      node,
      (el) =>
        el !== link &&
        el.name === 'a' &&
        attr(el, 'href') === href &&
        (inHeading(el) || hasDescendant(el, (inner) => /^h[1-6]$|^img$|^picture$/.test(inner.name))),
    );
    if (found) return isRepeated(node);
  }
  return false;
}

/**
 * One of a list of cards: the card, or the grid cell or list item around it, has a sibling of the same tag that
 * also holds a heading. A featured post standing alone keeps its "Read more" button as the block's action.
 */
const MAX_TWIN_DISTANCE = 4;

function isRepeated(card: Element): boolean {
  let node: Element | null = card;
  for (let depth = 0; node && depth < 3; depth++) {
    const self: Element = node;
    // A cell of a grid of cards (Bootstrap `col-md-6`, `md:col-6`, Tailwind `w-1/3`, `basis-1/2`), even when the
    // list holds one card (a tag with one post).
    if (tokens(self).some((token) => GRID_CELL.test(token))) return true;
    const parent = self.parent;
    if (!parent || !isTag(parent) || parent.name === 'main' || parent.name === 'body') return false;
    // The nearest siblings suffice (a card's twin sits next to it); each link must not scan a huge list.
    const at = parent.children.indexOf(self);
    const near = parent.children.slice(Math.max(0, at - MAX_TWIN_DISTANCE), at + MAX_TWIN_DISTANCE + 1);
    const twin = near.some(
      (sibling) =>
        sibling !== self &&
        isTag(sibling) &&
        sibling.name === self.name &&
        hasDescendant(sibling, (el) => /^h[1-6]$/.test(el.name)),
    );
    if (twin) return true;
    node = parent;
  }
  return false;
}

/**
 * A button whose short label a Markdown slot wrapped in one paragraph (`<a class="button"><p>Read the docs</p></a>`):
 * one `<p>`, nothing else a card has (heading, date, list), a few words. Not a card.
 */
function isWrappedLabel(link: Element, name: string): boolean {
  // An icon beside the label (`<svg/><p>Related: Astro</p>`) is decoration, not a second block of a card.
  const blocks = link.children.filter(
    (child): child is Element => isTag(child) && child.name !== 'svg' && child.name !== 'i',
  );
  if (blocks.length !== 1 || blocks[0]!.name !== 'p' || wordsOf(name) > MAX_ACTION_WORDS) return false;
  return !hasDescendant(blocks[0]!, (el) => CARD_INSIDE.has(el.name) || el.name === 'img' || el.name === 'picture');
}

function hasCardContent(element: Element): boolean {
  const stack: Element[] = [element];
  let visited = 0;
  while (stack.length > 0 && visited++ < 200) {
    const node = stack.pop()!;
    if (CARD_INSIDE.has(node.name)) return true;
    for (const child of node.children) if (isTag(child)) stack.push(child);
  }
  return false;
}

function isControlName(name: string): boolean {
  return (
    WIDGET_NAME.test(name) ||
    WIDGET_NAME_PART.test(name) ||
    SHARE_NAME.test(name) ||
    /^(?:github|rss|feed|search|menu)$/i.test(name)
  );
}

function inHeading(link: Element): boolean {
  return closestAncestor(link, (el) => /^h[1-6]$/.test(el.name)) !== undefined;
}

function isHeading(element: Element | undefined): boolean {
  return element !== undefined && /^h[1-6]$/.test(element.name);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function isVisuallyHiddenOrHidden(element: Element): boolean {
  return isVisuallyHidden(element) || isHidden(element) || attr(element, 'aria-hidden') === 'true';
}

function hasDescendant(root: Element, test: (element: Element) => boolean): boolean {
  const stack: Element[] = root.children.filter(isTag);
  let visited = 0;
  while (stack.length > 0 && visited++ < 200) {
    const node = stack.pop()!;
    if (test(node)) return true;
    for (const child of node.children) if (isTag(child)) stack.push(child);
  }
  return false;
}

const CARD_TOKEN = /(?:^|[-_])card(?:$|[-_])/;
/** Verbs that open what a card describes rather than act: "View details", "See products", "Read the story". */
const CARD_NAVIGATION =
  /^(?:view|see|read|explore|discover|browse|learn|open|go to|visit|watch|voir|découvr|entdecken|ansehen)/i;
/** Levels above a link searched for a card container. */
const CARD_DEPTH = 3;

function inCard(link: Element): boolean {
  let node = link.parent;
  for (let depth = 0; node && isTag(node) && depth < CARD_DEPTH; depth++, node = node.parent) {
    if (tokens(node).some((token) => CARD_TOKEN.test(token))) return true;
  }
  return false;
}

/** In a cell of a data table (one with header cells), not of a table used for layout. */
function inDataTable(link: Element): boolean {
  const cell = closestAncestor(link, (el) => el.name === 'td' || el.name === 'th');
  // A link in the table's head or foot acts for a column (a pricing table's "Buy Pro"), not for one row.
  if (cell && closestAncestor(cell, (el) => el.name === 'thead' || el.name === 'tfoot')) return false;
  const table = cell && closestAncestor(cell, (el) => el.name === 'table');
  return table !== undefined && hasDescendant(table, (el) => el.name === 'th' || el.name === 'thead');
}

/** A link made of an image (an app-store badge, a "Download" graphic) with an action name. */
function isImageAction(link: Element, name: string): boolean {
  const hasImage = link.children.some(
    (child) => isTag(child) && (child.name === 'img' || child.name === 'svg' || child.name === 'picture'),
  );
  return hasImage && ACTION_VERB.test(name.replace(LEADING_DECORATION, ''));
}

/** How surely a link in the main content is a call to action; 0 when it is not one. */
function linkConfidence(link: Element, byId: (id: string) => Element | undefined): number {
  const href = (attr(link, 'href') ?? '').trim();
  const visible = collapse(boundedText(link, 120));
  // Most links are named by their text: the full name computation (it runs for every link) only where it can differ.
  const labelled = has(link, 'aria-label') || has(link, 'aria-labelledby') || has(link, 'title');
  const name =
    visible &&
    !labelled &&
    !hasDescendant(link, (el) => el.name === 'img' || el.name === 'svg' || isVisuallyHiddenOrHidden(el))
      ? visible
      : collapse(accessibleName(link, byId));
  // An app-store link is the page's download CTA, whatever the badge's class names (`badge` is also a tag chip's).
  if (STORE_URL.test(href) && !inProse(link, visible)) return CONFIDENCE.storeBadge;
  if (!visible && STORE_BADGE_NAME.test(name) && hasDescendant(link, (el) => el.name === 'img' || el.name === 'svg'))
    return CONFIDENCE.storeBadge;
  if (notACta(link, href, name, visible)) return 0;
  // A link inside another link (a card's "See products" inside the card's own link) is not a destination of its own.
  if (link.parent && isTag(link.parent) && closestAncestor(link.parent, (el) => el.name === 'a' && has(el, 'href')))
    return 0;
  // A jump to a heading of this page is a table of contents or a heading's anchor, not an action.
  // A link styled as a button is the hero's "See pricing" jump to a section, whatever holds the section's id.
  if (href.startsWith('#') && href.length > 1 && !styledAsButton(link) && isHeading(byId(safeDecode(href.slice(1)))))
    return 0;
  if (STORE_URL.test(href)) return CONFIDENCE.storeBadge;
  // An icon-only button link counts unless its name says it is a social profile or a page control; a nameless
  // one counts too (cta-name reports it).
  if (styledAsButton(link)) {
    // "Edit", "Remove", "Close", "Load more": a link dressed as a button that operates the page or a row of it.
    if (WIDGET_NAME.test(name)) return 0;
    return visible || !(SOCIAL_HOST.test(href) || isControlName(name)) ? CONFIDENCE.styledButton : 0;
  }
  if (!visible) return isImageAction(link, name) ? CONFIDENCE.imageAction : 0;
  const actionText = visible.replace(LEADING_DECORATION, '');
  // An image with a caption (a product or gallery tile) is a card, not an action; an icon beside a short action
  // ("<img> Download for macOS") is an action.
  if (hasDescendant(link, (el) => el.name === 'img' || el.name === 'picture')) {
    return ACTION_VERB.test(actionText) &&
      !CARD_NAVIGATION.test(actionText) &&
      wordsOf(visible) <= MAX_ACTION_WORDS &&
      standsAlone(link, visible)
      ? CONFIDENCE.imageAction
      : 0;
  }
  // The title link of a card (a link card, a post or resource card): navigation to what the card describes. An
  // action link standing alone at the foot of a card ("Get started" under a plan, "Contact sales") is its CTA.
  // "View details" or "Read more" there leads to what the card describes: navigation still.
  if (
    inCard(link) &&
    !(
      ACTION_VERB.test(actionText) &&
      !CARD_NAVIGATION.test(actionText) &&
      standsAlone(link, visible) &&
      !inHeading(link)
    )
  )
    return 0;
  // A text link in a table cell acts on its row (an invoice's "Download", an order's "View"), not for the page.
  if (inDataTable(link)) return 0;
  if (/^(?:mailto|tel):/i.test(href))
    return inProse(link, visible) ? CONFIDENCE.contactInProse : CONFIDENCE.contactLink;
  if (visible.length > 80) return 0;
  if (HOME_HREF.test(href) && BACK_OR_SERIES.test(visible) && !inProse(link, visible))
    return CONFIDENCE.shortActionLink;
  // "Top page", "Homepage", "Accueil" standing alone (an error page's way out), in any language.
  if (isHomeLink(href) && HOME_NAME.test(visible.replace(DECORATION, ' ').trim()) && !inProse(link, visible))
    return CONFIDENCE.shortActionLink;
  // "Learn more →" beside a "Get started" button: the hero's secondary CTA, whatever its words.
  if (!ACTION_VERB.test(actionText))
    return wordsOf(visible) <= MAX_ACTION_WORDS && inButtonGroup(link) ? CONFIDENCE.shortActionLink : 0;
  if (standsAlone(link, visible) && !inLinkList(link)) return CONFIDENCE.loneActionLink;
  if (wordsOf(visible) <= MAX_ACTION_WORDS && !inProse(link, visible) && !inLinkList(link))
    return CONFIDENCE.shortActionLink;
  return 0;
}

/** Search, filter and sort forms operate the page; their submit buttons are not calls to action. */
function isSearchForm(form: Element): boolean {
  return (
    attr(form, 'role') === 'search' ||
    /search|filter|facet|sort/i.test(
      `${attr(form, 'action') ?? ''} ${attr(form, 'class') ?? ''} ${attr(form, 'id') ?? ''}`,
    )
  );
}

interface WalkState {
  inMain: boolean;
  inChrome: boolean;
  inProof: boolean;
  /** Inside a CTA already taken: nested controls are part of it. */
  inCta: boolean;
  inSearch: boolean;
  /** Inside main, article or section: header and footer there are not the page's chrome. */
  inSectioning: boolean;
}

export interface RecognizeOptions {
  /** Also return CTAs recognised with a confidence below CONFIDENT. */
  includeUnsure?: boolean;
}

/**
 * Finds the page's CTAs in one walk: every element declared through the markup contract, wherever it is, and,
 * inside the page's own content only (see main-content.ts), buttons (not menu, carousel, theme or media controls),
 * form submits (not search), links styled as buttons, app-store badges, and short action or contact links that are
 * not part of a sentence. Navigation, header, footer, asides, share bars, cards, tag chips, pagination and "back
 * to" links are not CTAs. Each CTA carries a confidence; those below CONFIDENT are returned only with
 * `includeUnsure`. Iterative, so deeply nested markup cannot exhaust the stack.
 */
export function recognizeCtas(
  document: Document,
  main: Element | undefined,
  byId: (id: string) => Element | undefined,
  options: RecognizeOptions = {},
): Cta[] {
  const ctas: Cta[] = [];
  const regions = new Set(contentRegions(document, main));
  // Without landmarks, position and structure tell the header bar and the copyright footer.
  const structuralChrome = main && main.name === 'body' ? chromeByStructure(main) : new Set<Element>();
  const start: WalkState = {
    inMain: false,
    inChrome: false,
    inCta: false,
    inSearch: false,
    inSectioning: false,
    inProof: false,
  };
  // This walk visits every element of every page, so it allocates little: two parallel stacks (an element and the
  // state it inherits) rather than a pair per node, text nodes never pushed, and a new state object only where an
  // element changes it (most change nothing and share their parent's).
  const elements: Element[] = [];
  const inherited: WalkState[] = [];
  const pushChildren = (children: readonly AnyNode[], state: WalkState) => {
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!;
      if (isTag(child)) {
        elements.push(child);
        inherited.push(state);
      }
    }
  };
  pushChildren(document.children, start);
  while (elements.length > 0) {
    const node = elements.pop()!;
    const parentState = inherited.pop()!;
    let { inMain, inChrome, inSearch, inProof, inCta, inSectioning } = parentState;
    if (regions.has(node)) inMain = true;
    const declared = attr(node, CTA_ID) !== undefined;
    let confidence = 0;
    if (declared && !inCta) confidence = CONFIDENCE.declared;
    else if (!inCta) {
      // isChrome reads the parent's inSectioning: this element's own sectioning only applies to its children.
      if (!inChrome && (isChrome(node, parentState.inSectioning) || structuralChrome.has(node))) inChrome = true;
      if (!inSearch && node.name === 'form' && isSearchForm(node)) inSearch = true;
      // Links inside declared social proof or an incentive are its sources and terms, not calls to action.
      if (!inProof && (has(node, PROOF_KIND) || has(node, INCENTIVE_KIND))) inProof = true;
      if (inMain && !inChrome && !inSearch && !inProof) confidence = confidenceByShape(node, byId);
    }
    if (isSectioning(node)) inSectioning = true;
    if (confidence > 0) {
      if (confidence >= CONFIDENT || options.includeUnsure) ctas.push(describe(node, declared, confidence, byId));
      inCta = true;
    }
    const unchanged =
      inMain === parentState.inMain &&
      inChrome === parentState.inChrome &&
      inSearch === parentState.inSearch &&
      inProof === parentState.inProof &&
      inCta === parentState.inCta &&
      inSectioning === parentState.inSectioning;
    pushChildren(node.children, unchanged ? parentState : { inMain, inChrome, inSearch, inProof, inCta, inSectioning });
  }
  return ctas;
}

function confidenceByShape(element: Element, byId: (id: string) => Element | undefined): number {
  const kind = kindOf(element);
  if (!kind) return 0;
  if (kind === 'link') return linkConfidence(element, byId);
  const name = collapse(accessibleName(element, byId));
  if (kind === 'submit') {
    return WIDGET_NAME.test(name) || WIDGET_CLASS.test(attr(element, 'class') ?? '') ? 0 : CONFIDENCE.submit;
  }
  if (isWidgetControl(element, byId)) return 0;
  if (SHARE_NAME.test(name) || BACK_OR_SERIES.test(name)) return 0;
  // A scripted button (type="button") in a dialog or drawer confirms or dismisses it ("Save changes", "Confirm"):
  // unsure, so no rule reports on it, and not the page's primary.
  if (attr(element, 'type') === 'button' && closestAncestor(element, isDialog)) return CONFIDENCE.unsureButton;
  // An inline handler says what the button does: `onclick="closeModal()"` confirms or dismisses, unsure too.
  if (WIDGET_HANDLER.test(attr(element, 'onclick') ?? '')) return CONFIDENCE.unsureButton;
  const frameworkButton = BUTTON_CLASS.test(attr(element, 'class') ?? '');
  // A nameless icon button counts only when a framework styles it as a button (cta-name then reports it); a bare
  // one (a bookmark, a heart) is a page control.
  if (!name) return frameworkButton && !MOBILE_ONLY.test(attr(element, 'class') ?? '') ? CONFIDENCE.styledButton : 0;
  // An icon-only button ("Share", "Bookmark") names what it does; only action names are calls to action.
  const visible = visibleText(element);
  if (!visible) return ACTION_VERB.test(name) ? CONFIDENCE.button : 0;
  // Generic phrases ("Click here", "Learn more", "Submit") are calls to action, weak ones (cta-generic-text).
  const says = (text: string) => ACTION_VERB.test(text.replace(LEADING_DECORATION, '')) || isGenericText(text, '');
  if (says(name) || says(visible))
    return frameworkButton || styledAsButton(element) ? CONFIDENCE.styledButton : CONFIDENCE.button;
  // Buttons declared `type="button"` are script hooks; with other names ("Yes", "No", "Monthly", "Open modal") they
  // operate the page, whatever their styling. A framework button without that type is a styled action.
  return frameworkButton && attr(element, 'type') === undefined ? CONFIDENCE.button : CONFIDENCE.unsureButton;
}

/** Class names by which CSS frameworks mark the main button: `btn-primary`, `button--primary`, `is-primary`, `bg-primary`. */
const PRIMARY_TOKEN = /^(?:[\w-]*[_-])?primary(?:[_-][\w-]*)?$/i;
/** …but not colour utilities for text or outlines (`text-primary`, `btn-outline-primary`) or state variants (`hover:`). */
const NOT_PRIMARY_TOKEN = /^(?:text|border|ring|outline|decoration|fill|stroke|link|shadow)-|outline|:/i;

function hasPrimaryClass(className: string): boolean {
  return className.split(WHITESPACE).some((token) => PRIMARY_TOKEN.test(token) && !NOT_PRIMARY_TOKEN.test(token));
}

function describe(
  element: Element,
  declared: boolean,
  confidence: number,
  byId: (id: string) => Element | undefined,
): Cta {
  const kind = kindOf(element) ?? 'link';
  const variant = attr(element, CTA_VARIANT);
  const roleAttr = attr(element, CTA_ROLE);
  const declaredRole =
    roleAttr === 'primary' || roleAttr === 'secondary'
      ? roleAttr
      : variant && (CTA_VARIANTS as readonly string[]).includes(variant)
        ? roleForVariant(variant as CtaVariant)
        : undefined;
  // Without the contract, CSS frameworks say which button is the main one (`btn-primary`, `button--primary`).
  const role =
    declaredRole ??
    (roleAttr === undefined && variant === undefined && hasPrimaryClass(attr(element, 'class') ?? '')
      ? 'primary'
      : 'secondary');
  return {
    element,
    id: attr(element, CTA_ID),
    role,
    kind,
    name: accessibleName(element, byId),
    visibleText: visibleText(element),
    href: attr(element, 'href'),
    declared,
    confidence,
  };
}
