import { CTA_GOAL, CTA_ID, CTA_NO_TRACK, CTA_VARIANT, type CtaEvent } from '@astro-cta/contract';

export interface BeaconOptions {
  /** URL that receives events as a `text/plain` JSON array. */
  endpoint: string;
}

/**
 * Starts reporting CTA clicks. One capture-phase listener on `document` finds the CTA with `closest()`, so
 * elements rendered later work without re-binding. It never calls `preventDefault` and never waits: the
 * request goes out with `keepalive`, which survives the navigation the click starts.
 */
export function startBeacon({ endpoint }: BeaconOptions): void {
  const pageView = Math.random().toString(36).slice(2, 12);
  let sequence = 0;
  const send = (event: CtaEvent) =>
    fetch(endpoint, { method: 'POST', body: JSON.stringify([event]), keepalive: true, headers: { 'content-type': 'text/plain' } }).catch(() => {});
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target.closest(`[${CTA_ID}]`) : null;
      if (!target || target.hasAttribute(CTA_NO_TRACK)) return;
      const click: CtaEvent = { t: 'click', id: target.getAttribute(CTA_ID)!, p: location.pathname, pv: pageView, s: sequence++ };
      const variant = target.getAttribute(CTA_VARIANT);
      const goal = target.getAttribute(CTA_GOAL);
      const href = target.getAttribute('href');
      if (variant) click.v = variant;
      if (goal) click.g = goal;
      if (href) click.d = new URL(href, location.href).href;
      void send(click);
    },
    { capture: true },
  );
}
