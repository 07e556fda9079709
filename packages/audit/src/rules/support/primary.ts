import { CTA_ROLE, CTA_VARIANT } from '@astro-cta/contract';
import { attr, has } from '../../dom.ts';
import type { Cta, PageContext } from '../../types.ts';

/** Class names by which CSS frameworks mark the main button: `btn-primary`, `button--primary`, `is-primary`. */
const PRIMARY_CLASS = /(?:^|\s)(?:[\w-]*[_-])?primary(?:$|\s|[_-])/i;

/**
 * The page's primary CTAs: declared with `data-cta-role`/`data-cta-variant`, or, for hand-written CTAs without the
 * contract, styled as primary by class name.
 */
export function primaryCtas(page: PageContext): Cta[] {
  return page.ctas.filter((cta) => {
    if (has(cta.element, CTA_ROLE) || has(cta.element, CTA_VARIANT)) return cta.role === 'primary';
    return cta.role === 'primary' || PRIMARY_CLASS.test(attr(cta.element, 'class') ?? '');
  });
}
