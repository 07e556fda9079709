/**
 * The enhancer of `<Conversion>`: reports each goal rendered on the page once per page view, through the beacon's
 * trackConversion (same privacy and consent gates, same visit id). Also after Astro view transitions, which swap
 * the page without running this module again.
 */
import { trackConversion } from '@astro-cta/beacon/conversion';
import { CONVERSION_CURRENCY, CONVERSION_GOAL, CONVERSION_VALUE } from './conversion-attributes.ts';

const reported = new WeakSet<Element>();

function reportConversions(): void {
  for (const element of document.querySelectorAll(`[${CONVERSION_GOAL}]`)) {
    if (reported.has(element)) continue;
    reported.add(element);
    const value = element.getAttribute(CONVERSION_VALUE);
    const currency = element.getAttribute(CONVERSION_CURRENCY) ?? undefined;
    trackConversion(element.getAttribute(CONVERSION_GOAL)!, value === null ? {} : { value: Number(value), currency });
  }
}

reportConversions();
document.addEventListener('astro:page-load', reportConversions);
