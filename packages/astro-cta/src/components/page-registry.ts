/**
 * CTA ids must be unique on a page (the audit and the beacon key everything by them). Astro renders each page for
 * one Request object, so ids are remembered per Request: nothing leaks between pages or between builds.
 */
const idsByRequest = new WeakMap<Request, Set<string>>();

/** Records a CTA id for this page; returns false when the page already has a CTA with that id. */
export function claimCtaId(request: Request, id: string): boolean {
  let ids = idsByRequest.get(request);
  if (!ids) {
    ids = new Set();
    idsByRequest.set(request, ids);
  }
  if (ids.has(id)) return false;
  ids.add(id);
  return true;
}

/** Element ids for a CTA's slot wrappers, derived from its (unique) analytics id. */
export function slotElementId(ctaId: string, slot: 'incentive' | 'countdown' | 'social-proof'): string {
  return `cta-${ctaId.replace(/[^A-Za-z0-9_-]/g, '-')}-${slot}`;
}

/** Offer and experiment names must be unique on a page: the report keys their events by them. */
const choosersByRequest = new WeakMap<Request, Set<string>>();

/** Records an offer's or experiment's name for this page; false when the page already has one of that name. */
export function claimChooserName(request: Request, name: string): boolean {
  let names = choosersByRequest.get(request);
  if (!names) choosersByRequest.set(request, (names = new Set()));
  if (names.has(name)) return false;
  names.add(name);
  return true;
}

/**
 * Alternatives (`<Choice>`, `<Arm>`, `<Incentive when>`…) must sit directly in an `<Offer>` or `<Experiment>`: one
 * outside would show to everyone. Each registers the error it would be, under a token it writes on its element; the
 * wrapper claims the tokens it finds among its children; the integration's middleware throws any left unclaimed once
 * the page is rendered (integration/chooser-middleware.ts).
 */
const alternativesByRequest = new WeakMap<Request, Map<string, Error>>();
let lastToken = 0;

export function registerAlternative(request: Request, strayError: Error): string {
  let pending = alternativesByRequest.get(request);
  if (!pending) alternativesByRequest.set(request, (pending = new Map()));
  const token = String(++lastToken);
  pending.set(token, strayError);
  return token;
}

export function claimAlternative(request: Request, token: string): void {
  alternativesByRequest.get(request)?.delete(token);
}

/** The error of the first alternative that no wrapper claimed on this page, if any. */
export function unclaimedAlternative(request: Request): Error | undefined {
  return alternativesByRequest.get(request)?.values().next().value;
}
