import type { Cta, PageContext } from '../../types.ts';

/**
 * The page's primary CTAs: declared with `data-cta-role`/`data-cta-variant`, or, for hand-written CTAs without the
 * contract, styled as primary by class name (recognize.ts decides the role once).
 */
export function primaryCtas(page: PageContext): Cta[] {
  return page.ctas.filter((cta) => cta.role === 'primary');
}
