import { CTA_VARIANTS, type CtaVariant } from '@astro-cta/contract';
import { LINK_SCHEMES, urlProblem } from './safe-url.ts';
import { unstyledProblem } from './styling.ts';

export const CTA_SIZES = ['sm', 'md', 'lg'] as const;
export type CtaSize = (typeof CTA_SIZES)[number];

/** What `<CTA>` takes besides HTML attributes; `<CTASection>` takes the same for CTAs given as data. */
export interface CtaOwnProps {
  /** Stable analytics id, unique on the page: reported with every click. */
  id: string;
  /** Where the CTA leads. Without it, give `type` to render a button. */
  href?: string;
  type?: 'button' | 'submit';
  variant?: CtaVariant;
  size?: CtaSize;
  /** The conversion this CTA stands for, e.g. "signup". */
  goal?: string;
  /** Opens in a new tab with a safe `rel`, and says so to screen readers. */
  external?: boolean;
  /** Render without the kit's CSS (markup and `cta-…` classes only); default: the integration's `unstyled`. */
  unstyled?: boolean;
}

/** One authoring problem: the prop it concerns, what is wrong, and how to fix it. */
export interface PropProblem {
  prop: string;
  problem: string;
  fix: string;
}

/** Checks a CTA's props; returns the first problem, or undefined. */
export function ctaPropsError(props: {
  id?: unknown;
  href?: unknown;
  type?: unknown;
  variant?: unknown;
  size?: unknown;
  external?: unknown;
  unstyled?: unknown;
}): PropProblem | undefined {
  if (typeof props.id !== 'string' || props.id.trim() === '') {
    return {
      prop: 'id',
      problem: 'is missing.',
      fix: 'give a stable analytics id such as id="start-trial", unique on the page.',
    };
  }
  const named = `"${props.id}"`;
  if (props.href === undefined && props.type === undefined) {
    return {
      prop: 'href',
      problem: `CTA ${named} has no target.`,
      fix: 'give `href` for a link, or `type="button"`/`type="submit"` for a button.',
    };
  }
  if (props.href !== undefined && (typeof props.href !== 'string' || props.href.trim() === '')) {
    return {
      prop: 'href',
      problem: `CTA ${named} has an empty href.`,
      fix: 'give the URL the CTA leads to, e.g. href="/signup".',
    };
  }
  const unsafe = urlProblem('href', props.href, LINK_SCHEMES);
  if (unsafe) return { ...unsafe, problem: `CTA ${named}: ${unsafe.problem}` };
  if (props.href !== undefined && props.type !== undefined) {
    return {
      prop: 'type',
      problem: `CTA ${named} has both \`href\` and \`type\`.`,
      fix: 'keep `href` for a link or `type` for a button, not both.',
    };
  }
  if (props.type !== undefined && props.type !== 'button' && props.type !== 'submit') {
    return {
      prop: 'type',
      problem: `CTA ${named} has type="${String(props.type)}".`,
      fix: 'use type="button" or type="submit".',
    };
  }
  if (props.variant !== undefined && !(CTA_VARIANTS as readonly unknown[]).includes(props.variant)) {
    return {
      prop: 'variant',
      problem: `CTA ${named} has variant="${String(props.variant)}".`,
      fix: `use one of ${CTA_VARIANTS.join(', ')}.`,
    };
  }
  if (props.size !== undefined && !(CTA_SIZES as readonly unknown[]).includes(props.size)) {
    return {
      prop: 'size',
      problem: `CTA ${named} has size="${String(props.size)}".`,
      fix: `use one of ${CTA_SIZES.join(', ')}.`,
    };
  }
  if (props.external && props.href === undefined) {
    return {
      prop: 'external',
      problem: `CTA ${named} is external but is a button.`,
      fix: 'give `href` with the external URL, or drop `external`.',
    };
  }
  return unstyledProblem(props.unstyled);
}
