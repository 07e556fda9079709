import type { AnyNode, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import type { Rule } from '../types.ts';
import { attr, closestAncestor, isHidden, isVisuallyHidden } from '../dom.ts';
import { primaryCtas } from './support/primary.ts';

/** About what fits above the fold of a 1366×768 screen next to a heading; NN/g measured 57% of viewing time there. */
const MAX_WORDS = 300;
/** A large image, video or embed takes roughly the screen height of this many words. */
const WORDS_PER_BLOCK = 100;
const MAX_BLOCKS = 3;

const MEDIA = new Set(['img', 'video', 'iframe', 'canvas', 'svg', 'embed', 'object']);

/** Media without small declared dimensions: icons declare theirs, hero images and videos rarely are small. */
function isLargeBlock(element: Element): boolean {
  if (!MEDIA.has(element.name)) return false;
  const width = Number.parseInt(attr(element, 'width') ?? '', 10);
  const height = Number.parseInt(attr(element, 'height') ?? '', 10);
  return !(width < 200 || height < 150);
}

/** A run of non-space characters with at least one letter or digit. */
const WORD = /[^\s\p{L}\p{N}]*[\p{L}\p{N}]\S*/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

interface Before {
  words: number;
  blocks: number;
  found: boolean;
}

function overThreshold(state: Before): boolean {
  return state.words > MAX_WORDS || state.blocks >= MAX_BLOCKS || state.words + WORDS_PER_BLOCK * state.blocks > MAX_WORDS;
}

/** Words and large blocks in document order before `target` (counting stops once over the threshold). */
function measureBefore(root: Element, target: Element): Before {
  const state: Before = { words: 0, blocks: 0, found: false };
  // Iterative: markup nested thousands of levels deep must not exhaust the stack.
  const stack: AnyNode[] = [root];
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
    if (!isTag(node) || SKIPPED.has(node.name) || isHidden(node) || isVisuallyHidden(node)) continue;
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
    description: 'The first primary CTA comes after more than 300 words or several large images: likely below the fold.',
    rationale:
      'People spend most of their time on what they see first (NN/g 2018: 57% of viewing time above the fold). A ' +
      'static proxy for "below the fold on a 1366×768 screen": more than 300 words, or three or more large images, ' +
      'videos or embeds (each counted as 100 words) in the main content before the first primary CTA. Info only: ' +
      'long pages can rightly explain before they ask; the rendered check measures the real position.',
    examples: {
      fail: ['<h1>Acme</h1><img src="/shot-1.png" width="1200" height="800" alt="Dashboard"><img src="/shot-2.png" width="1200" height="800" alt="Reports"><img src="/shot-3.png" width="1200" height="800" alt="Alerts"><a class="btn btn-primary" href="/signup">Start your free trial</a>'],
      pass: ['<h1>Acme</h1><p>Dashboards for small teams.</p><a class="btn btn-primary" href="/signup">Start your free trial</a><img src="/shot-1.png" width="1200" height="800" alt="Dashboard"><img src="/shot-2.png" width="1200" height="800" alt="Reports">'],
    },
  },
  check(page, report) {
    const main = page.main;
    if (!main) return;
    const inMain = page.ctas.filter((cta) => closestAncestor(cta.element, (el) => el === main));
    const primary = primaryCtas(page).find((cta) => inMain.includes(cta)) ?? inMain[0];
    if (!primary) return;
    const state = measureBefore(main, primary.element);
    if (!overThreshold(state)) return;
    const words = state.words > 0 ? `${state.words} word${state.words === 1 ? '' : 's'}` : '';
    const blocks = state.blocks > 0 ? `${state.blocks} large image${state.blocks === 1 ? '' : 's'} or embeds` : '';
    const what = [words, blocks].filter(Boolean).join(' and ');
    report({
      element: primary.element,
      message: `The first primary CTA "${primary.name}" comes after ${what}, so most visitors will not see it without scrolling. Add it (or a copy with the same target) near the top, e.g. under the opening paragraph.`,
    });
  },
};
