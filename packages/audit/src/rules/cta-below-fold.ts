import type { AnyNode, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { attr, closestAncestor, isHidden, isVisuallyHidden } from '../dom.ts';
import type { PageContext, Rule } from '../types.ts';
import { inDefaultView, isOtherAlternative } from './support/choices.ts';
import { guessPrimary, isOverlay, primaryCtas } from './support/primary.ts';

/** About what fits above the fold of a 1366×768 screen next to a heading; NN/g measured 57% of viewing time there. */
const MAX_WORDS = 300;
/** A large image, video or embed takes roughly the screen height of this many words. */
const WORDS_PER_BLOCK = 100;
const MAX_BLOCKS = 3;

const MEDIA = new Set(['img', 'video', 'iframe', 'canvas', 'svg', 'embed', 'object', 'picture']);
/**
 * Sizes set by CSS classes that keep media small: Tailwind's `w-6`/`h-8`/`size-5` (up to 4rem) and arbitrary
 * `w-[24px]` values, and the names icon sets and avatars go by.
 */
const SMALL_BY_CLASS =
  /(?:^|\s)(?:[a-z-]+:)*(?:(?:w|h|size|max-w|max-h)-(?:[0-9]|1[0-6]|0\.5|1\.5|2\.5|3\.5|px)(?:\s|$)|(?:w|h|size)-\[(?:[0-9]|[1-5][0-9]|6[0-4])px\])|(?:^|[\s_-])(?:icon|icons|avatar|logo|emoji|badge|flag|favicon)(?:$|[\s_-])/i;

/**
 * Media that take a screen's share of height: hero images, videos, embeds. Inline SVG is large only when it
 * declares a large size (it is usually an icon); other media are large unless their declared size or their
 * classes keep them small, or they sit inside a link or button (icons, badges).
 */
function isLargeBlock(element: Element): boolean {
  if (!MEDIA.has(element.name)) return false;
  const width = Number.parseInt(attr(element, 'width') ?? '', 10);
  const height = Number.parseInt(attr(element, 'height') ?? '', 10);
  if (width < 200 || height < 150) return false;
  if (element.name === 'svg') return width >= 200 && height >= 150;
  if (SMALL_BY_CLASS.test(attr(element, 'class') ?? '')) return false;
  return !closestAncestor(element, (el) => el.name === 'a' || el.name === 'button');
}

/** Chrome inside the main content (a table of contents, a share bar) is beside the content, not above the CTA. */
const BESIDE = new Set(['nav', 'aside']);

/** A run of non-space characters with at least one letter or digit. */
const WORD = /[^\s\p{L}\p{N}]*[\p{L}\p{N}]\S*/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

interface Before {
  words: number;
  blocks: number;
  found: boolean;
}

function overThreshold(state: Before): boolean {
  return (
    state.words > MAX_WORDS || state.blocks >= MAX_BLOCKS || state.words + WORDS_PER_BLOCK * state.blocks > MAX_WORDS
  );
}

/**
 * Words and large blocks in document order before `target`, over the page's content regions in order (a CTA in a
 * closing band comes after all of `<main>`); counting stops once over the threshold.
 */
function measureBefore(page: PageContext, roots: readonly Element[], target: Element): Before {
  const state: Before = { words: 0, blocks: 0, found: false };
  // Iterative: markup nested thousands of levels deep must not exhaust the stack.
  const stack: AnyNode[] = [...roots].reverse();
  // Past the threshold the answer is known: long pages stop there instead of walking to a CTA at their end.
  while (stack.length > 0 && !overThreshold(state)) {
    const node = stack.pop()!;
    if (node === target) {
      state.found = true;
      break;
    }
    if (isText(node)) {
      // Chinese and Japanese are written without spaces: about two characters make a word.
      state.words += (node.data.match(WORD)?.length ?? 0) + Math.floor((node.data.match(CJK)?.length ?? 0) / 2);
      continue;
    }
    if (!isTag(node) || SKIPPED.has(node.name) || BESIDE.has(node.name) || isHidden(node) || isVisuallyHidden(node))
      continue;
    // Of an offer's or experiment's alternatives, the fold is judged on the default one: what shows without JavaScript.
    if (isOtherAlternative(page, node)) continue;
    if (isLargeBlock(node)) {
      state.blocks += 1;
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]!);
  }
  return state;
}

const SKIPPED = new Set(['script', 'style', 'template', 'noscript']);

export const ctaBelowFold: Rule = {
  meta: {
    id: 'cta-below-fold',
    severity: 'info',
    category: 'structure',
    description:
      'The first primary CTA comes after more than 300 words or several large images: likely below the fold.',
    // Off by default: its precision on the real-world corpus (tests/fixtures/real-world) is not yet measured at
    // 0.9 or more. Turn it on with `rules: { "cta-below-fold": "info" }` or the strict preset.
    recommended: false,
    messages: {
      belowFold:
        'The first primary CTA "{name}" comes after {what}, so most visitors will not see it without scrolling. Add ' +
        'it (or a copy with the same target) near the top, e.g. under the opening paragraph.',
      belowFoldGuessed:
        'The page\'s main CTA "{name}" (its only call to action, or the first solid button of its opening section; ' +
        'mark the real one with data-cta-role="primary") comes after {what}, so most visitors will not see it ' +
        'without scrolling. Add it (or a copy with the same target) near the top, e.g. under the opening paragraph.',
    },
    rationale:
      'People spend most of their time on what they see first (NN/g 2018: 57% of viewing time above the fold). A ' +
      'static proxy for "below the fold on a 1366×768 screen": more than 300 words, or three or more large images, ' +
      'videos or embeds (each counted as 100 words) in the main content before the first primary CTA. Info only: ' +
      'long pages can rightly explain before they ask. The CTA measured is the one marked primary (the markup ' +
      "contract's role or variant, or a framework's primary button class); on a page meant to convert that marks " +
      "none, the page's only CTA, the first solid button of the section holding its <h1>, or the one action of a " +
      'band closing the page, where that is clear (the message then says it guessed); other pages are left alone. Off by ' +
      'default: the static proxy is turned on by default only once its measured precision on the real-world ' +
      'corpus of public templates reaches 0.9, which it has not yet; enable it with ' +
      '`rules: { "cta-below-fold": "info" }` or the strict preset.',
    examples: {
      fail: [
        '<h1>Acme</h1><img src="/shot-1.png" width="1200" height="800" alt="Dashboard"><img src="/shot-2.png" width="1200" height="800" alt="Reports"><img src="/shot-3.png" width="1200" height="800" alt="Alerts"><a class="btn btn-primary" href="/signup">Start your free trial</a>',
      ],
      pass: [
        '<h1>Acme</h1><p>Dashboards for small teams.</p><a class="btn btn-primary" href="/signup">Start your free trial</a><img src="/shot-1.png" width="1200" height="800" alt="Dashboard"><img src="/shot-2.png" width="1200" height="800" alt="Reports">',
      ],
    },
  },
  check(page, report) {
    // Only a CTA that is primary by its markup: calling the first CTA found (a share or "back to" link) "the
    // primary CTA" was the rule's most common false alarm on real templates.
    // A CTA in a dialog or popover is not in the page's flow: it has no place above or below the fold.
    // Of an offer's or experiment's alternatives, only the default one (shown without JavaScript) is judged.
    const marked = primaryCtas(page).find(
      (cta) =>
        page.inContent(cta.element) && !closestAncestor(cta.element, isOverlay) && inDefaultView(page, cta.element),
    );
    // Without a primary in the markup, the page's only CTA or its hero's solid button, where that is clear.
    const primary = marked ?? guessPrimary(page);
    if (!primary) return;
    const state = measureBefore(page, page.content, primary.element);
    if (!overThreshold(state)) return;
    const words = state.words > 0 ? `${state.words} word${state.words === 1 ? '' : 's'}` : '';
    const blocks = state.blocks > 0 ? `${state.blocks} large image${state.blocks === 1 ? '' : 's'} or embeds` : '';
    const what = [words, blocks].filter(Boolean).join(' and ');
    report({
      element: primary.element,
      messageId: marked ? 'belowFold' : 'belowFoldGuessed',
      data: { name: primary.name, what },
    });
  },
};
