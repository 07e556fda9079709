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
