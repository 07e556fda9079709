import { PROOF_KIND, PROOF_SOURCE } from '@astro-cta/contract';
import type { Element } from 'domhandler';
import { type AnyNode, isTag, isText } from 'domhandler';
import { attr, closestAncestor, collapse, has, isHidden, visibleText } from '../../dom.ts';
import type { PageContext } from '../../types.ts';
import { pageSubtree, subtree } from './elements.ts';

export interface Testimonial {
  element: Element;
  /** The quoted words, as shown. */
  quote: string;
  /** Who said it, when the markup names someone. */
  name: string | undefined;
  /** Their role, company or the quote's source (a URL, `cite`, `data-cta-source`). */
  detail: string | undefined;
}

// Whole words only: a `preview-card` is not a review card.
const TESTIMONIAL_NAME =
  /testimonial|customer-?quote|(?:^|[\s_-])review-?card|quote-?card|(?:^|[\s_-])review(?:$|[\s_-])/i;
/**
 * A plural name (`id="testimonials"`, `class="reviews-section"`) marks the section that lists testimonials, usually
 * the target of an in-page link, not one testimonial: its cards are checked one by one, never the section as a whole.
 */
const LIST_NAME = /^(?:[\w]+-)?(?:testimonials|reviews)(?:$|-(?:section|grid|list|wrapper|container|block|area))/i;
const ATTRIBUTION_NAME =
  /(?:^|[\s_-])(?:author|name|attribution|byline|cite|source|person|customer|client|reviewer|signature)(?:$|[\s_-])/i;
/** Class words of the element holding only the person's name. */
const AUTHOR_NAME = /(?:^|[\s_-])(?:name|author|reviewer|customer-?name|client-?name)(?:$|[\s_-])/i;
const PERSON_NAME = /(?:^|[\s_-])person(?:$|[\s_-])/i;
const DETAIL_NAME =
  /(?:^|[\s_-])(?:role|title|position|job|company|org|organisation|organization|occupation|meta)(?:$|[\s_-])/i;
/** Between a name and a role: "Jane Doe, CTO", "Jane Doe – Acme", "Jane Doe at Acme", "Jane · Acme". */
const SEPARATOR = /\s*(?:[,|·•–—/]|\s-\s|\s(?:at|bei|chez|bij)\s)\s*/u;

const HEADING = /^h[1-6]$/;

/** Containers of running text: blog posts, docs pages, rendered Markdown. */
const PROSE_CLASS =
  /(?:^|[\s_-])(?:prose|markdown|sl-markdown-content|post-content|entry-content|article-body|post-body|blog-post)(?:$|[\s])/i;

function isProse(element: Element): boolean {
  return element.name === 'article' || PROSE_CLASS.test(attr(element, 'class') ?? '') || isRunningText(element);
}

const TEXT_BLOCKS = /^(?:h[2-6]|ul|ol|pre|table)$/;

/**
 * Rendered Markdown without a telling class name: the element's own children are paragraphs (two or more) with
 * headings, lists or code between them. A quote there is a quotation, not a customer's testimonial card.
 */
const runningTextCache = new WeakMap<Element, boolean>();

function isRunningText(element: Element): boolean {
  // Asked for every ancestor of every quote: remembered, so a page of many quotes stays linear.
  const known = runningTextCache.get(element);
  if (known !== undefined) return known;
  const result = countRunningText(element);
  runningTextCache.set(element, result);
  return result;
}

function countRunningText(element: Element): boolean {
  let paragraphs = 0;
  let blocks = 0;
  for (const child of element.children) {
    if (!isTag(child)) continue;
    if (child.name === 'p') paragraphs += 1;
    else if (TEXT_BLOCKS.test(child.name)) blocks += 1;
  }
  return paragraphs >= 2 && blocks >= 1;
}

function isTestimonialContainer(element: Element): boolean {
  if (attr(element, PROOF_KIND) === 'testimonial') return true;
  // Headings get ids from their text ("Testimonials"): a name there is a slug, not a testimonial card.
  if (HEADING.test(element.name)) return false;
  const names = `${attr(element, 'class') ?? ''} ${attr(element, 'id') ?? ''}`.split(/\s+/).filter(Boolean);
  return names.some((name) => TESTIMONIAL_NAME.test(name) && !LIST_NAME.test(name));
}

/**
 * The page's testimonials: the kit's `data-cta-proof="testimonial"`, elements named like testimonials, and
 * `<blockquote>`s in the main content outside articles and Markdown prose. A wrapper that holds several quotes is a
 * list of testimonials, not one.
 */
export function testimonialsOf(page: PageContext): Testimonial[] {
  const root = page.main;
  if (!root) return [];
  const all = pageSubtree(page, root);
  const named = all.filter(isTestimonialContainer);
  const namedSet = new Set(named);
  const blockquotes = all.filter((el) => el.name === 'blockquote');
  // A card is a named element with no named element and at most one quote inside.
  const cards = named.filter((element) => {
    const inside = subtree(element).slice(1);
    return !inside.some((el) => namedSet.has(el)) && inside.filter((el) => el.name === 'blockquote').length <= 1;
  });
  const cardSet = new Set(cards);
  // A bare blockquote in an article or rendered Markdown is a quotation or a note, not a testimonial.
  const loose = blockquotes.filter((quote) => !closestAncestor(quote, (el) => cardSet.has(el) || isProse(el)));
  return [...cards, ...loose]
    .sort((a, b) => (a.startIndex ?? 0) - (b.startIndex ?? 0))
    .map(describe)
    .filter((testimonial) => testimonial.quote !== '');
}

function describe(element: Element): Testimonial {
  // A blockquote's attribution usually sits beside it: <figure><blockquote/><figcaption/></figure>.
  const holder =
    element.name === 'blockquote' ? (closestAncestor(element, (el) => el.name === 'figure') ?? element) : element;
  const inside = subtree(holder);
  const attributions = outermost(
    inside.filter(
      (el) =>
        el.name === 'cite' ||
        el.name === 'figcaption' ||
        el.name === 'footer' ||
        ['author', 'name'].includes(attr(el, 'itemprop') ?? '') ||
        ATTRIBUTION_NAME.test(attr(el, 'class') ?? ''),
    ),
  );
  // The most specific element first: "…__author" inside "…__person" holds the name alone.
  const nameElement =
    inside.find(
      (el) => AUTHOR_NAME.test(attr(el, 'class') ?? '') || ['author', 'name'].includes(attr(el, 'itemprop') ?? ''),
    ) ?? inside.find((el) => PERSON_NAME.test(attr(el, 'class') ?? ''));
  const details = inside.filter(
    (el) => DETAIL_NAME.test(attr(el, 'class') ?? '') || ['jobTitle', 'worksFor'].includes(attr(el, 'itemprop') ?? ''),
  );
  const detailText = details.map(visibleText).filter(Boolean).join(', ');
  const source = sourceOf(element, inside);
  let name: string | undefined;
  let rest = '';
  if (nameElement && visibleText(nameElement)) {
    name = collapse(visibleText(nameElement).replace(/^[\s—–-]+/, ''));
  } else {
    const attributionText = attributions.map(visibleText).join(', ');
    const parts = collapse(attributionText.replace(/^[\s—–-]+/, ''))
      .split(SEPARATOR)
      .map((part) => part.trim())
      .filter((part) => /\p{L}/u.test(part));
    name = parts[0];
    rest = parts.slice(1).join(', ');
  }
  const quoteElements =
    element.name === 'blockquote' ? [element] : inside.filter((el) => el.name === 'blockquote' || el.name === 'q');
  const quote =
    quoteElements.length > 0
      ? quoteElements.map((el) => textWithout(el, new Set(attributions))).join(' ')
      : textWithout(element, new Set([...attributions, ...details, ...(nameElement ? [nameElement] : [])]));
  const detail = [rest, detailText, source].filter(Boolean).join(', ') || undefined;
  return { element, quote: collapse(quote), name: name || undefined, detail };
}

function sourceOf(element: Element, inside: Element[]): string | undefined {
  const cite = attr(element, 'cite') ?? inside.map((el) => attr(el, 'cite')).find(Boolean);
  if (cite) return cite;
  const declared =
    closestAncestor(element, (el) => has(el, PROOF_SOURCE)) ?? inside.find((el) => has(el, PROOF_SOURCE));
  if (declared && attr(declared, PROOF_SOURCE)?.trim()) return attr(declared, PROOF_SOURCE)!.trim();
  const link = inside.find(
    (el) =>
      el.name === 'a' &&
      attr(el, 'href') &&
      closestAncestor(el, (a) => a.name === 'cite' || a.name === 'figcaption' || a.name === 'footer') !== undefined,
  );
  return link ? attr(link, 'href') : undefined;
}

function outermost(elements: Element[]): Element[] {
  const set = new Set(elements);
  return elements.filter((element) => !closestAncestor(element.parent as Element, (el) => set.has(el)));
}

/** Visible text of an element without the given parts (the attribution inside a card). Iterative. */
function textWithout(root: Element, excluded: ReadonlySet<Element>): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isText(node)) parts.push(node.data);
    else if (isTag(node) && !excluded.has(node) && !isHidden(node) && node.name !== 'script' && node.name !== 'style') {
      for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]!);
    }
  }
  return parts.join(' ');
}
