import { PAGE_EVENT } from './names.ts';

/**
 * Opt-in: counts History API navigation outside Astro's router (`pushState`, `replaceState`, back and forward) as
 * page views. The Navigation API (Baseline 2026) reports them all; on each, this tells the core (PAGE_EVENT), which
 * starts a new page view when the path changed. Without it the core still follows Astro's view transitions.
 * Kept out of the core because few Astro sites navigate that way, and the core's bytes are budgeted.
 */
export function historyPageViews(): void {
  const navigation = (self as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('currententrychange', () => dispatchEvent(new Event(PAGE_EVENT)));
}
