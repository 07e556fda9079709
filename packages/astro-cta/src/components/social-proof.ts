/**
 * `<SocialProof>`'s data rules: what authors may write, what is shown, and the JSON-LD built from the very same
 * values, so the structured data can never claim more than the page shows.
 */
import { isSelfServingReviewType } from '@astro-cta/contract';
import { localePropProblem } from './display-props.ts';
import { parseCalendarDate } from './format.ts';
import { IMAGE_SCHEMES, LINK_SCHEMES, urlProblem } from './safe-url.ts';
import { unstyledProblem } from './styling.ts';
import type { PropProblem } from './validate.ts';

export interface Testimonial {
  quote: string;
  author: string;
  role?: string;
  company?: string;
  /** URL of a square portrait; shown at 40x40 CSS px next to the name. */
  avatar?: string;
  /** Where the testimonial was published (absolute URL): shown as "via g2.com" and linked. */
  source?: string;
  /** When it was written: "2026-10-14" or "2026-10". */
  date?: string;
  /** The author's own rating, on the same scale as `rating` (best/worst), if they gave one. */
  rating?: number;
}

/** What the reviews are about: a schema.org type and its name, e.g. { type: 'SoftwareApplication', name: 'Acme' }. */
export interface ItemReviewed {
  type: string;
  name: string;
}

export interface Rating {
  value: number;
  best?: number;
  worst?: number;
  /** How many ratings the value averages. */
  count: number;
  itemReviewed?: ItemReviewed;
}

export interface Count {
  value: number;
  /** What is counted, as it reads after the number: "teams". */
  label: string;
  /** Where the number comes from (a URL or a short description): required, a count needs provenance. */
  source: string;
  /** When it was true: "2026-10" → "as of Oct 2026". */
  asOf?: string;
}

export interface Logo {
  src: string;
  /** The company's name: logos are content, not decoration. */
  alt: string;
  href?: string;
  width?: number;
  height?: number;
}

export interface SocialProofInput {
  testimonial?: Testimonial;
  testimonials?: Testimonial[];
  rating?: Rating;
  count?: Count;
  logos?: Logo[];
  /** What the testimonials review (for their JSON-LD) when there is no `rating.itemReviewed`. */
  itemReviewed?: ItemReviewed;
}

/** Reviews of a business by itself get no review JSON-LD: the contract's list, which the audit's rule uses too. */
export function isSelfServing(item: ItemReviewed): boolean {
  return isSelfServingReviewType(item.type);
}

export function allTestimonials(input: SocialProofInput): Testimonial[] {
  return [...(input.testimonial ? [input.testimonial] : []), ...(input.testimonials ?? [])];
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function isAbsoluteHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Checks everything an author wrote; returns the first problem with its fix, or undefined. */
export function socialProofPropsError(
  input: SocialProofInput & { locale?: unknown; unstyled?: unknown },
): PropProblem | undefined {
  const testimonials = allTestimonials(input);
  const { rating, count, logos } = input;
  if (testimonials.length === 0 && !rating && !count && !logos?.length) {
    return {
      prop: '(props)',
      problem: 'shows nothing.',
      fix: 'give at least one of `testimonial`, `testimonials`, `rating`, `count` or `logos`.',
    };
  }
  if (input.testimonials !== undefined && !Array.isArray(input.testimonials)) {
    return {
      prop: 'testimonials',
      problem: 'is not a list.',
      fix: 'give an array: testimonials={[{ quote, author }, …]}, or use `testimonial` for one.',
    };
  }

  const best = rating?.best ?? 5;
  const worst = rating?.worst ?? 1;
  for (const [index, testimonial] of testimonials.entries()) {
    const prop =
      input.testimonial === testimonial ? 'testimonial' : `testimonials[${index - (input.testimonial ? 1 : 0)}]`;
    if (!isText(testimonial?.quote))
      return {
        prop: `${prop}.quote`,
        problem: 'is missing.',
        fix: 'give the words the customer wrote, unedited in meaning.',
      };
    if (!isText(testimonial.author))
      return {
        prop: `${prop}.author`,
        problem: 'is missing.',
        fix: 'give the name of the person quoted: an anonymous quote is not social proof.',
      };
    if (testimonial.source !== undefined && !(isText(testimonial.source) && isAbsoluteHttpUrl(testimonial.source))) {
      return {
        prop: `${prop}.source`,
        problem: `"${String(testimonial.source)}" is not an absolute URL.`,
        fix: 'give the https:// address where the testimonial was published, or leave `source` out.',
      };
    }
    const unsafeAvatar = urlProblem(`${prop}.avatar`, testimonial.avatar, IMAGE_SCHEMES);
    if (unsafeAvatar) return unsafeAvatar;
    if (testimonial.date !== undefined && !parseCalendarDate(testimonial.date)) {
      return {
        prop: `${prop}.date`,
        problem: `"${String(testimonial.date)}" is not a date.`,
        fix: 'write it as YYYY-MM-DD or YYYY-MM, e.g. "2026-10-14".',
      };
    }
    if (
      testimonial.rating !== undefined &&
      !(isFiniteNumber(testimonial.rating) && testimonial.rating >= worst && testimonial.rating <= best)
    ) {
      return {
        prop: `${prop}.rating`,
        problem: `${String(testimonial.rating)} is outside ${worst} to ${best}.`,
        fix: `give the author's rating between ${worst} and ${best}.`,
      };
    }
  }

  if (rating) {
    if (!isFiniteNumber(rating.value))
      return { prop: 'rating.value', problem: 'is not a number.', fix: 'give the average rating, e.g. value: 4.8.' };
    if (!isFiniteNumber(best) || !isFiniteNumber(worst) || best <= worst) {
      return {
        prop: 'rating.best',
        problem: `best (${String(best)}) must be above worst (${String(worst)}).`,
        fix: 'leave both out for a 1 to 5 scale, or give best > worst.',
      };
    }
    if (rating.value > best)
      return {
        prop: 'rating.value',
        problem: `${rating.value} is above best (${best}).`,
        fix: `give the real average, at most ${best}, or set \`best\` to the scale's top.`,
      };
    if (rating.value < worst)
      return {
        prop: 'rating.value',
        problem: `${rating.value} is below worst (${worst}).`,
        fix: `give the real average, at least ${worst}, or set \`worst\` to the scale's bottom.`,
      };
    if (!Number.isInteger(rating.count) || rating.count < 1) {
      return {
        prop: 'rating.count',
        problem: `${String(rating.count)} is not a positive whole number.`,
        fix: 'give how many ratings the average is based on, e.g. count: 1204.',
      };
    }
    if (rating.count < testimonials.length) {
      return {
        prop: 'rating.count',
        problem: `${rating.count} is smaller than the ${testimonials.length} testimonials shown.`,
        fix: `give the real number of reviews (at least ${testimonials.length}).`,
      };
    }
  }
  const itemReviewed = rating?.itemReviewed ?? input.itemReviewed;
  if (itemReviewed !== undefined && !(isText(itemReviewed?.type) && isText(itemReviewed.name))) {
    return {
      prop: rating?.itemReviewed ? 'rating.itemReviewed' : 'itemReviewed',
      problem: 'needs both `type` and `name`.',
      fix: "give e.g. { type: 'SoftwareApplication', name: 'Acme' }.",
    };
  }

  if (count) {
    if (!isFiniteNumber(count.value) || count.value < 0)
      return {
        prop: 'count.value',
        problem: `${String(count.value)} is not a count.`,
        fix: 'give a number, e.g. value: 12000.',
      };
    if (!isText(count.label))
      return { prop: 'count.label', problem: 'is missing.', fix: 'say what is counted, e.g. label: "teams".' };
    if (!isText(count.source)) {
      return {
        prop: 'count.source',
        problem: `the count "${count.value} ${count.label}" has no source.`,
        fix: 'say where the number comes from (a URL or e.g. "billing system, Oct 2026"), so readers and the audit can check it.',
      };
    }
    if (count.asOf !== undefined && !parseCalendarDate(count.asOf)) {
      return {
        prop: 'count.asOf',
        problem: `"${String(count.asOf)}" is not a date.`,
        fix: 'write it as YYYY-MM or YYYY-MM-DD, e.g. "2026-10".',
      };
    }
  }

  if (logos !== undefined) {
    if (!Array.isArray(logos))
      return { prop: 'logos', problem: 'is not a list.', fix: 'give an array: logos={[{ src, alt }, …]}.' };
    for (const [index, logo] of logos.entries()) {
      if (!isText(logo?.src))
        return { prop: `logos[${index}].src`, problem: 'is missing.', fix: 'give the image URL.' };
      if (!isText(logo.alt)) {
        return {
          prop: `logos[${index}].alt`,
          problem: `the logo ${logo.src} has no alt text.`,
          fix: "give the company's name as `alt`: screen-reader users need to know whose logo it is.",
        };
      }
      const unsafe =
        urlProblem(`logos[${index}].src`, logo.src, IMAGE_SCHEMES) ??
        urlProblem(`logos[${index}].href`, logo.href, LINK_SCHEMES);
      if (unsafe) return unsafe;
    }
  }
  return localePropProblem(input.locale) ?? unstyledProblem(input.unstyled);
}

/** The JSON-LD for the proof, or why there is none. */
export type StructuredData =
  | { kind: 'json-ld'; data: Record<string, unknown> }
  | { kind: 'none' }
  | { kind: 'self-serving'; item: ItemReviewed };

/**
 * Builds schema.org data from the same values the component renders: the reviewed item with its AggregateRating
 * (from `rating`) and its Reviews (from the testimonials that carry a rating). Nothing is emitted without an `itemReviewed`, and nothing
 * for an Organization or LocalBusiness reviewing itself (Google ignores or penalises those).
 */
export function structuredData(input: SocialProofInput): StructuredData {
  const item = input.rating?.itemReviewed ?? input.itemReviewed;
  // Search engines require a Review to carry its rating; unrated testimonials stay visible but are not claimed as
  // Reviews (the audit's ld-review-required rule would rightly flag them).
  const testimonials = allTestimonials(input).filter((testimonial) => testimonial.rating !== undefined);
  if (!item || (!input.rating && testimonials.length === 0)) return { kind: 'none' };
  if (isSelfServing(item)) return { kind: 'self-serving', item };
  const best = input.rating?.best ?? 5;
  const worst = input.rating?.worst ?? 1;
  const data: Record<string, unknown> = { '@context': 'https://schema.org', '@type': item.type, name: item.name };
  if (input.rating) {
    data.aggregateRating = {
      '@type': 'AggregateRating',
      ratingValue: input.rating.value,
      bestRating: best,
      worstRating: worst,
      ratingCount: input.rating.count,
    };
  }
  if (testimonials.length > 0) {
    data.review = testimonials.map((testimonial) => ({
      '@type': 'Review',
      reviewBody: testimonial.quote,
      author: {
        '@type': 'Person',
        name: testimonial.author,
        ...(testimonial.role || testimonial.company
          ? {
              jobTitle: testimonial.role,
              worksFor: testimonial.company ? { '@type': 'Organization', name: testimonial.company } : undefined,
            }
          : {}),
      },
      ...(testimonial.date ? { datePublished: testimonial.date } : {}),
      ...(testimonial.source ? { url: testimonial.source } : {}),
      reviewRating: { '@type': 'Rating', ratingValue: testimonial.rating, bestRating: best, worstRating: worst },
    }));
  }
  return { kind: 'json-ld', data };
}

/**
 * JSON for a <script> element: `<` is written as \u003c so a quote containing "</script>" or "<!--" cannot end
 * the element early; U+2028/U+2029 are escaped for old JavaScript parsers. Still valid JSON with the same value.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
