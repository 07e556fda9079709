import { CTA_ROLE, CTA_VARIANT } from '@astro-cta/contract';
import { attr, has } from '../../dom.ts';
import type { Cta, PageContext } from '../../types.ts';

/** Class names by which CSS frameworks mark the main button: `btn-primary`, `button--primary`, `is-primary`, `bg-primary`. */
const PRIMARY_TOKEN = /^(?:[\w-]*[_-])?primary(?:[_-][\w-]*)?$/i;
/** …but not colour utilities for text or outlines (`text-primary`, `btn-outline-primary`) or state variants (`hover:`). */
const NOT_PRIMARY_TOKEN = /^(?:text|border|ring|outline|decoration|fill|stroke|link|shadow)-|outline|:/i;

const WHITESPACE = /\s+/;

function hasPrimaryClass(className: string): boolean {
  return className.split(WHITESPACE).some((token) => PRIMARY_TOKEN.test(token) && !NOT_PRIMARY_TOKEN.test(token));
}

/**
 * The page's primary CTAs: declared with `data-cta-role`/`data-cta-variant`, or, for hand-written CTAs without the
 * contract, styled as primary by class name.
 */
export function primaryCtas(page: PageContext): Cta[] {
  return page.ctas.filter((cta) => {
    if (has(cta.element, CTA_ROLE) || has(cta.element, CTA_VARIANT)) return cta.role === 'primary';
    return cta.role === 'primary' || hasPrimaryClass(attr(cta.element, 'class') ?? '');
  });
}
