/**
 * Says which CTAs of offers and experiments count, before the beacon starts (the integration imports this ahead of
 * the beacon in the page script). The chooser (choose.ts) only marks the alternative it shows; here:
 * - the CTAs of every alternative not shown get `data-cta-notrack`: they are hidden (visibility: hidden keeps the
 *   shared box), and the beacon must not count impressions of them;
 * - the CTAs of an experiment's shown alternative keep `data-cta-experiment`/`data-cta-arm` only when it is an arm
 *   this visitor was assigned: in the holdout, before an arm could be picked, and after the end they are not counted.
 */
import {
  CHOICE_DEFAULT,
  CHOOSE,
  CTA_ARM,
  CTA_EXPERIMENT,
  CTA_NO_TRACK,
  CTA_SELECTOR,
  EXPERIMENT_ENDS,
} from '@astro-cta/contract';

/** Set by the chooser on the alternative it shows. */
export const SHOWN = 'data-cta-shown';

export function reportChoices(root: ParentNode = document, now = Date.now()): void {
  for (const wrapper of root.querySelectorAll(`[${CHOOSE}]`)) {
    const alternatives = [...wrapper.children].filter((child) => child.hasAttribute(CTA_ARM));
    const marked = alternatives.find((alternative) => alternative.hasAttribute(SHOWN));
    const shown = marked ?? alternatives.find((alternative) => alternative.hasAttribute(CHOICE_DEFAULT));
    const counted =
      wrapper.getAttribute(CHOOSE) !== 'experiment' ||
      (!!marked && !(Date.parse(wrapper.getAttribute(EXPERIMENT_ENDS) ?? '') <= now));
    for (const alternative of alternatives)
      for (const cta of alternative.querySelectorAll(CTA_SELECTOR))
        if (alternative !== shown) cta.setAttribute(CTA_NO_TRACK, '');
        else if (!counted) cta.removeAttribute(CTA_EXPERIMENT), cta.removeAttribute(CTA_ARM);
  }
}

/**
 * Runs now and on each page the client-side router swaps in, before the beacon's own scan of it. On astro:page-load,
 * not astro:after-swap: the router runs the new page's scripts in between, the chooser among them when the previous
 * page had no offer, so at the swap nothing is marked yet. Capture on window, like the beacon's listener and
 * registered before it (this module is imported first), so it runs first; a listener on window without capture never
 * saw Astro's events, which are dispatched on document and do not bubble. Running again on the first load is
 * harmless: the marks are the same.
 */
export function startChoiceReport(): void {
  reportChoices();
  addEventListener('astro:page-load', () => reportChoices(), true);
}
