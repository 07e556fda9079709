import type { AnyNode, Document, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { CTA_ID, CTA_ROLE, CTA_VARIANT, INCENTIVE_KIND, PROOF_KIND, roleForVariant, CTA_VARIANTS, type CtaVariant } from '@astro-cta/contract';
import type { Cta } from './types.ts';
import { accessibleName, attr, closestAncestor, collapse, has, visibleText } from './dom.ts';
import { documentElements } from './parse.ts';

/** Landmarks that hold site chrome wherever they are. */
const ALWAYS_CHROME = new Set(['nav', 'aside']);
/** `header` and `footer` are the page's banner and footer only outside sectioning content (HTML's own rule). */
const SECTION_CHROME = new Set(['header', 'footer']);
const SECTIONING = new Set(['main', 'article', 'section']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'menu', 'menubar', 'toolbar', 'tablist', 'search']);
/** Whole class or id tokens that name chrome on sites without landmarks (`<div id="header">`, `.navbar`). */
const CHROME_TOKENS = new Set([
  'nav', 'navbar', 'navigation', 'nav-links', 'menu', 'main-menu', 'main-nav', 'site-nav', 'header', 'site-header', 'masthead',
  'footer', 'site-footer', 'sidebar', 'breadcrumb', 'breadcrumbs', 'pagination', 'pager', 'toc', 'table-of-contents',
  'skip-link', 'skiplink', 'social', 'social-links', 'share', 'sharing', 'cookie-banner', 'language-switcher', 'lang-switcher',
]);

/** Class names that style a link as a button (Bootstrap, Bulma, Foundation, WordPress blocks, Starlight, BEM kits…). */
const BUTTON_CLASS = /(?:^|[\s_-])(?:btn|button|cta)(?:$|[\s_-])/i;
/** Tailwind spells a button out in utilities: horizontal padding plus a background or rounded corners. */
const TAILWIND_PADDING = /(?:^|\s)(?:[a-z]+:)*px-(?:\d|\[)/;
const TAILWIND_SURFACE = /(?:^|\s)(?:[a-z]+:)*(?:bg-(?!transparent\b|none\b|opacity)[\w[\]#/.-]+|rounded(?:-[\w[\]]+)?)(?:\s|$)/;
/** Buttons that operate the page (menus, carousels, dialogs, code blocks) rather than ask for an action. */
const WIDGET_CLASS = /(?:^|[\s_-])(?:close|toggle|toggler|copy|carousel|slick|swiper|splide|slider|slide|arrow|dismiss|hamburger|burger|menu|accordion|collapse|tab|theme|expand|play|pause|prev|previous|next|dot|dots|qty|quantity|minus|plus|increment|decrement|stepper)(?:$|[\s_-])/i;
/** Names of buttons that operate the page. */
const WIDGET_NAME = /^(?:copy|copy code|copy to clipboard|copied|close|dismiss|menu|open menu|close menu|toggle .*|search|previous|next|previous slide|next slide|play|pause|[+−-]|×|x)$/i;
const WIDGET_ATTRS = ['aria-expanded', 'aria-controls', 'aria-haspopup', 'aria-pressed', 'aria-selected', 'data-toggle', 'data-bs-toggle', 'data-bs-dismiss', 'data-dismiss', 'data-bs-slide', 'popovertarget', 'commandfor'];

/**
 * Verbs that open a call to action, in the languages the generic-text rule knows. A stand-alone link in the main
 * content counts as a CTA when its text starts with one ("Get started", "Jetzt testen", "Réserver une démo").
 */
const ACTION_VERB = new RegExp(
  '^(?:' +
    [
      // en
      'get', 'start', 'try', 'buy', 'shop', 'order', 'sign ?up', 'sign in', 'log ?in', 'join', 'book', 'schedule', 'download', 'install',
      'subscribe', 'register', 'create', 'request', 'contact', 'talk', 'call', 'claim', 'apply', 'reserve', 'donate', 'upgrade',
      'explore', 'discover', 'see', 'view', 'browse', 'watch', 'compare', 'choose', 'add', 'begin', 'build', 'deploy', 'launch',
      'open', 'read the', 'learn how', 'grab', 'save', 'unlock', 'enroll', 'enrol', 'rsvp', 'pre-?order', 'checkout', 'check out',
      'hire', 'volunteer', 'submit', 'send', 'sponsor', 'support', 'give', 'adopt', 'rent', 'hire us', 'meet', 'visit', 'follow',
      // de
      'jetzt', 'kostenlos', 'starten', 'testen', 'kaufen', 'bestellen', 'registrieren', 'anmelden', 'buchen', 'herunterladen',
      'kontakt', 'abonnieren', 'entdecken', 'sichern', 'zum', 'zur', 'mehr über', 'demo',
      // fr
      'essayer', 'essayez', 'commencer', 'commencez', 'acheter', 'achetez', "s['’]inscrire", 'inscrivez', 'télécharger', 'téléchargez',
      'réserver', 'réservez', 'contactez', 'découvrir', 'découvrez', 'demander', 'demandez', 'obtenir', 'obtenez', 'profitez', 'voir',
      'offrir', 'offrez', 'rejoindre', 'rejoignez', 'commander', 'commandez', 'abonnez',
      // es, pt, it, nl
      'comprar', 'compra', 'empieza', 'empezar', 'comienza', 'prueba', 'probar', 'regístrate', 'registrarse', 'descargar', 'descarga',
      'reservar', 'reserva', 'contáctanos', 'contacta', 'solicitar', 'solicita', 'obtener', 'obtén', 'descubre', 'suscríbete',
      'comece', 'experimente', 'baixe', 'assine', 'inscreva', 'compre', 'acquista', 'prova', 'inizia', 'scarica', 'iscriviti', 'prenota',
      'probeer', 'koop', 'bestel', 'download', 'meld je aan', 'start',
      // ja, ko, zh (no word boundaries: the text starts with the verb or is the verb phrase)
      '無料', '今すぐ', '購入', '申し込', '登録', 'ダウンロード', 'お問い合わせ', '始め', '体験',
      '지금', '무료', '구매', '가입', '시작', '다운로드', '문의', '신청',
      '立即', '免费', '购买', '注册', '下载', '开始', '联系',
    ].join('|') +
    ')(?![a-z])',
  'iu',
);

export function findMain(document: Document): Element | undefined {
  let body: Element | undefined;
  for (const element of documentElements(document)) {
    if (element.name === 'main' || attr(element, 'role') === 'main') return element;
    if (element.name === 'body') body ??= element;
  }
  return body;
}

const WHITESPACE = /\s+/;
const PAGINATION_REL = /\b(?:prev|next)\b/;
const LEADING_DECORATION = /^[\s→»›>•]+/;

function tokens(element: Element): string[] {
  const className = attr(element, 'class');
  const id = attr(element, 'id');
  // Most elements have neither; building and splitting an empty string for each of them showed in the profile.
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

function isWidgetControl(element: Element, byId: (id: string) => Element | undefined): boolean {
  if (WIDGET_ATTRS.some((name) => attr(element, name) !== undefined)) return true;
  const role = attr(element, 'role');
  if (role === 'tab' || role === 'menuitem' || role === 'switch' || role === 'option') return true;
  if (WIDGET_CLASS.test(attr(element, 'class') ?? '')) return true;
  // Code blocks and carousels put their controls in a classed wrapper (`<div class="copy"><button>`).
  const parent = element.parent;
  if (parent && isTag(parent) && WIDGET_CLASS.test(attr(parent, 'class') ?? '')) return true;
  return WIDGET_NAME.test(collapse(accessibleName(element, byId)));
}

export function styledAsButton(element: Element): boolean {
  const className = attr(element, 'class') ?? '';
  if (attr(element, 'role') === 'button' || BUTTON_CLASS.test(className)) return true;
  return TAILWIND_PADDING.test(className) && TAILWIND_SURFACE.test(className);
}

/** Text of a subtree, iteratively and only up to `limit` characters: enough to tell a lone link from prose. */
function boundedText(element: Element, limit: number): string {
  let text = '';
  const stack: AnyNode[] = [element];
  while (stack.length > 0 && text.length <= limit) {
    const node = stack.pop()!;
    if (isText(node)) text += node.data;
    else if (isTag(node) && node.name !== 'script' && node.name !== 'style' && node.name !== 'template') {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  return text;
}

const LONE_LINK_PARENTS = new Set(['p', 'div', 'span', 'strong', 'b', 'em', 'section', 'article', 'footer', 'header', 'td', 'figure', 'center']);
/** Arrows, chevrons and bullets that decorate action links. */
const DECORATION = /[\s→←↗»«›‹>•·|→\u2190-\u21ff\u2794-\u27bf\u{1F300}-\u{1FAFF}]/gu;

/**
 * A link that stands alone in its block (the block holds nothing but the link) and whose text starts with an
 * action verb: "Get started →" under a feature, "Book a demo" at the end of a section. A link inside running prose
 * is a reference, not a call to action.
 */
function standsAloneAsAction(link: Element, byId: (id: string) => Element | undefined): boolean {
  const rel = attr(link, 'rel') ?? '';
  if (PAGINATION_REL.test(rel)) return false;
  const name = collapse(boundedText(link, 120));
  if (!name) return isImageAction(link, byId);
  if (name.length > 80 || !ACTION_VERB.test(name.replace(LEADING_DECORATION, ''))) return false;
  // Compared without whitespace and decoration (DECORATION matches whitespace too, so no collapsing is needed).
  const bareName = name.replace(DECORATION, '');
  let block: AnyNode | null = link.parent;
  // Climb through inline wrappers (<p><strong><a>) to the block that holds the link.
  while (block && isTag(block) && (block.name === 'strong' || block.name === 'b' || block.name === 'em' || block.name === 'span')) {
    if (boundedText(block, 200).replace(DECORATION, '') !== bareName) return false;
    block = block.parent;
  }
  if (!block || !isTag(block) || !LONE_LINK_PARENTS.has(block.name)) return false;
  return boundedText(block, 200).replace(DECORATION, '') === bareName;
}

/**
 * A link whose only content is an image with action text ("Download on the App Store" badges): an image button.
 */
function isImageAction(link: Element, byId: (id: string) => Element | undefined): boolean {
  const hasImage = link.children.some((child) => isTag(child) && (child.name === 'img' || child.name === 'svg' || child.name === 'picture'));
  return hasImage && ACTION_VERB.test(collapse(accessibleName(link, byId)));
}

/** Search, filter and sort forms operate the page; their submit buttons are not calls to action. */
function isSearchForm(form: Element): boolean {
  return attr(form, 'role') === 'search' || /search|filter|facet|sort/i.test(`${attr(form, 'action') ?? ''} ${attr(form, 'class') ?? ''} ${attr(form, 'id') ?? ''}`);
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

/**
 * Finds the page's CTAs in one walk: every element declared through the markup contract, wherever it is, and,
 * inside the main content only, buttons (not menu, carousel or dialog controls), form submits (not search), links
 * styled as buttons, and action links that stand alone. Navigation, header, footer, asides and inline prose links
 * are not CTAs. Iterative, so deeply nested markup cannot exhaust the stack.
 */
export function recognizeCtas(document: Document, main: Element | undefined, byId: (id: string) => Element | undefined): Cta[] {
  const ctas: Cta[] = [];
  const start: WalkState = { inMain: false, inChrome: false, inCta: false, inSearch: false, inSectioning: false, inProof: false };
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
    if (node === main) inMain = true;
    const declared = attr(node, CTA_ID) !== undefined;
    let taken = false;
    if (declared && !inCta) taken = true;
    else if (!inCta) {
      // isChrome reads the parent's inSectioning: this element's own sectioning only applies to its children.
      if (!inChrome && isChrome(node, parentState)) inChrome = true;
      if (!inSearch && node.name === 'form' && isSearchForm(node)) inSearch = true;
      // Links inside declared social proof or an incentive are its sources and terms, not calls to action.
      if (!inProof && (has(node, PROOF_KIND) || has(node, INCENTIVE_KIND))) inProof = true;
      if (inMain && !inChrome && !inSearch && !inProof) taken = recognisedByShape(node, byId);
    }
    if (SECTIONING.has(node.name)) inSectioning = true;
    if (taken) {
      ctas.push(describe(node, declared, byId));
      inCta = true;
    }
    const unchanged = inMain === parentState.inMain && inChrome === parentState.inChrome && inSearch === parentState.inSearch
      && inProof === parentState.inProof && inCta === parentState.inCta && inSectioning === parentState.inSectioning;
    pushChildren(node.children, unchanged ? parentState : { inMain, inChrome, inSearch, inProof, inCta, inSectioning });
  }
  return ctas;
}

function isChrome(element: Element, state: WalkState): boolean {
  if (ALWAYS_CHROME.has(element.name)) return true;
  if (SECTION_CHROME.has(element.name) && !state.inSectioning) return true;
  const role = attr(element, 'role');
  if (role && CHROME_ROLES.has(role)) return true;
  return tokens(element).some((token) => CHROME_TOKENS.has(token));
}

function recognisedByShape(element: Element, byId: (id: string) => Element | undefined): boolean {
  const kind = kindOf(element);
  if (!kind) return false;
  if (kind === 'link') return styledAsButton(element) || standsAloneAsAction(element, byId);
  if (kind === 'submit') return !WIDGET_NAME.test(collapse(accessibleName(element, byId))) && !WIDGET_CLASS.test(attr(element, 'class') ?? '');
  return !isWidgetControl(element, byId);
}

function describe(element: Element, declared: boolean, byId: (id: string) => Element | undefined): Cta {
  const kind = kindOf(element) ?? 'link';
  const variant = attr(element, CTA_VARIANT);
  const roleAttr = attr(element, CTA_ROLE);
  const role = roleAttr === 'primary' || roleAttr === 'secondary'
    ? roleAttr
    : variant && (CTA_VARIANTS as readonly string[]).includes(variant) ? roleForVariant(variant as CtaVariant) : 'secondary';
  return {
    element,
    id: attr(element, CTA_ID),
    role,
    kind,
    name: accessibleName(element, byId),
    visibleText: visibleText(element),
    href: attr(element, 'href'),
    declared,
  };
}
