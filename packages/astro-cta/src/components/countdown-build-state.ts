/**
 * Countdowns whose deadline had passed when the page was rendered, with `onExpire="disable-cta"`, per page.
 *
 * The enhancer disables their CTAs in the browser, but a page must be truthful without JavaScript too: a `<CTA>`
 * that renders its countdown slot before its own element (CTA.astro does) can ask whether that slot ended, and
 * render itself disabled. Keyed by the page's Request, like the CTA id registry, so nothing leaks between pages.
 */
interface EndedCountdowns {
  /** How many ended `disable-cta` countdowns the page has rendered so far. */
  count: number;
  /** CTA ids named by their `for` props. */
  namedCtaIds: Set<string>;
}

const endedByRequest = new WeakMap<Request, EndedCountdowns>();

function stateOf(request: Request): EndedCountdowns {
  let state = endedByRequest.get(request);
  if (!state) {
    state = { count: 0, namedCtaIds: new Set() };
    endedByRequest.set(request, state);
  }
  return state;
}

/** Called by Countdown.astro when it renders the ended state of a `disable-cta` countdown. */
export function recordEndedDisablingCountdown(request: Request, namedCtaIds: readonly string[]): void {
  const state = stateOf(request);
  state.count += 1;
  for (const id of namedCtaIds) state.namedCtaIds.add(id);
}

/**
 * A marker to take before rendering a slot; `endedSince(marker)` then says whether a `disable-cta` countdown
 * rendered in between had already ended.
 *
 *   const ended = endedCountdownsMarker(Astro.request);
 *   const countdownHtml = await Astro.slots.render('countdown');
 *   const disabledAtBuild = ended.endedSince() || ended.names(id);
 */
export function endedCountdownsMarker(request: Request): { endedSince(): boolean; names(ctaId: string): boolean } {
  const state = stateOf(request);
  const before = state.count;
  return {
    endedSince: () => state.count > before,
    // Only countdowns rendered earlier on the page can be known; the enhancer covers the rest on load.
    names: (ctaId) => state.namedCtaIds.has(ctaId),
  };
}
