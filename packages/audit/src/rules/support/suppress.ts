import { CTA_IGNORE, parseIgnoreList } from '@astro-cta/contract';
import type { Element } from 'domhandler';
import { attr, closestAncestor } from '../../dom.ts';

/**
 * `data-cta-ignore` on the element or an ancestor. The engine applies it to findings reported from `check`; rules
 * that report from `afterAll` (after the page's DOM is gone) decide it while the page is still at hand.
 */
export function isSuppressed(element: Element, ruleId: string): boolean {
  return (
    closestAncestor(element, (el) => {
      const ids = parseIgnoreList(attr(el, CTA_IGNORE));
      return ids.includes('all') || ids.includes(ruleId);
    }) !== undefined
  );
}
