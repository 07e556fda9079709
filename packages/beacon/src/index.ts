import type { CtaEvent, WireEvent } from '@astro-cta/contract';
import { TRACKED } from './names.ts';
import * as fixed from './settings.ts';

/**
 * The beacon core: clicks, impressions, transport to the collector, page views (Astro view transitions; the
 * History API with `@astro-cta/beacon/history`), privacy, the visit id and engagement. It is what a default page
 * ships (tests/e2e/beacon/budget.spec.ts measures the real build against 1,024 bytes gzip), so the code favours few,
 * short statements; every rule it implements is explained in README.md and on the docs page.
 */

/** Receives every event that passed the privacy and consent gates, at once (analytics platforms batch on their own). */
export type Sink = (event: WireEvent) => void;

/**
 * Stands between the events and their delivery: `consentGate()` from `@astro-cta/beacon/consent` holds events
 * in memory until consent is granted and drops them when it is denied. Kept out of the core so that sites that
 * need no consent do not ship it.
 */
export type Gate = (deliver: Sink) => Sink;

export interface BeaconOptions {
  /** Collector URL: receives events as a JSON array in a `text/plain` body. Without it only `sink` gets events. */
  endpoint?: string;
  /** Gets every event too: an analytics platform's sink, your own function, or several composed with `sinks()`. */
  sink?: Sink;
  /** Honour Global Privacy Control (`navigator.globalPrivacyControl`): send nothing. Default true. */
  gpc?: boolean;
  /** Honour Do Not Track (`navigator.doNotTrack == '1'`): send nothing. Default true. */
  dnt?: boolean;
  /**
   * The consent gate (`consentGate()` from `@astro-cta/beacon/consent`); without it events go out at once. The visit
   * id is stamped behind it, on the events it lets through.
   */
  gate?: Gate;
  /**
   * The tab id `vi`: random, kept in `sessionStorage` (per tab and per site, gone when the tab closes, never a
   * cookie), stored only after the gate let an event through (nothing is stored while consent is pending or denied,
   * nor when GPC, DNT or the environment keep the beacon off). The collector splits a tab's events into visits after
   * 30 minutes without events. Default false: no storage at all.
   */
  visits?: boolean;
  /**
   * Report on localhost, 127.x and [::1] too. Default false: development visits are not traffic. Checked only where
   * a `sink` gets events; the astro-cta collector drops local pages itself unless started with --accept-local.
   */
  localhost?: boolean;
  /** Report in browsers driven by automation (`navigator.webdriver`) too. Default false; tests opt in. */
  automation?: boolean;
  /**
   * What a click reports as the link's destination (`d`). Default: its origin and path, without query or fragment
   * (they may hold e-mail addresses or tokens), and only the scheme of `mailto:`, `tel:` and other links without a
   * host, never the address. `keepQuery(['utm_*'])` from `@astro-cta/beacon/destination` also keeps the named query
   * parameters; it lives outside the core so that sites that do not need it do not ship it.
   */
  href?: (link: HTMLAnchorElement | HTMLAreaElement) => string | undefined;
}

type Cta = HTMLElement & Partial<HTMLAnchorElement>;
/** The global through which track() and trackConversion() reach the beacon (TRACK_QUEUE in names.ts). */
export type Queue = { ctaTrack?: NewEvent[] };
/** An event before the core stamps it with the page path, page-view id and sequence number. */
export type NewEvent = WireEvent extends infer E ? (E extends WireEvent ? Omit<E, 'p' | 'pv' | 's'> : never) : never;

/**
 * Starts reporting. Returns the function that reports a custom event (what `track()` uses), or undefined when
 * privacy settings or the environment (automation; localhost where a sink gets events) keep the beacon off.
 */
// An arrow function: called once, the minifier turns it into an IIFE, a few bytes shorter than a declaration.
export const startBeacon = (options: BeaconOptions): ((event: NewEvent) => void) | undefined => {
  // A build that passes no such option does not even read it.
  const sink = fixed.built && !fixed.sink ? undefined : options.sink;
  // Each setting is the build's constant where the build fixed them (settings.ts, `fixed.built`), else the option.
  // Localhost is checked here only where a sink gets events (analytics platforms do not filter it): the astro-cta
  // collector drops events from local pages itself (--accept-local keeps them), so a page that reports only to it
  // does not ship the check. navigator.webdriver is for the browser alone to tell; the collector also drops
  // the automated browsers that its User-Agent shows (--accept-automation keeps them).
  if (
    ((fixed.built ? fixed.gpc : options.gpc != false) &&
      (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl) ||
    ((fixed.built ? fixed.dnt : options.dnt != false) && (navigator.doNotTrack as unknown) == 1) ||
    (!(fixed.built ? fixed.localhost : options.localhost) &&
      sink &&
      /^(localhost|127\.|\[::1)/.test(location.hostname)) ||
    (!(fixed.built ? fixed.automation : options.automation) && navigator.webdriver)
  )
    return;

  const endpoint = fixed.built ? fixed.endpoint : options.endpoint;
  const visits = fixed.built ? fixed.visits : options.visits;
  const gate = fixed.built && !fixed.gate ? undefined : options.gate;
  // The default href: links without a host (mailto:, tel:, data:…) report just their scheme, and elements that are no
  // links (buttons) have neither, so their clicks carry no `d`.
  const href =
    (fixed.built && !fixed.href ? undefined : options.href) ||
    ((link: Cta) => (link.host ? link.origin! + link.pathname : link.protocol));
  // Impressions wait here for the next click or the page's end; a click takes them along.
  const batch: WireEvent[] = [];
  // CTAs in view by the MRC rule, each with the timer that turns one continuous second into an impression.
  const inView = new Map<Element, unknown>();
  let pageView: string;
  let sequence: number;
  let path: string;
  let counted: Set<Element>;
  // Engagement: the milliseconds of visibility the page view still needs, the time it became visible (0 while hidden),
  // and the timer that reports it when that time is up.
  let left: number;
  let shown: number;
  let engaging: unknown;

  // sendBeacon while the page may be going away (flush then gets the DOM event: truthy); fetch keepalive otherwise,
  // and as the fallback when sendBeacon refuses. A string body is text/plain: no CORS preflight.
  const flush = (leaving?: unknown) => {
    const body = JSON.stringify(batch.splice(0));
    // body[2]: anything more than "[]". The catch keeps a blocked request from becoming an unhandled rejection that
    // error monitoring on the site would report.
    if (body[2] && !(leaving && navigator.sendBeacon(endpoint!, body)))
      fetch(endpoint!, { method: 'POST', body, keepalive: true }).catch(() => {});
  };
  const deliver = (event: WireEvent) => {
    // The tab id, read and stored only for events that the gate let through (TAB_KEY in visits.ts, written out here:
    // a shared constant costs the core bytes): the page-view id of the tab's first such event, as random as any id
    // and already drawn. The collector splits the tab into visits (30 minutes without events) and validates the id.
    // Storage that throws (disabled, sandboxed, full) leaves the event without `vi`; the event still goes out.
    if (visits)
      try {
        event.vi = sessionStorage.ctaTab ||= event.pv;
      } catch {}
    // Clicks and custom events go at once, taking waiting impressions along ('click' and 'custom' sort before 'i').
    if (endpoint) batch.push(event), event.t < 'i' && flush();
    sink?.(event);
  };
  const gated = gate ? gate(deliver) : deliver;
  // `path` is the page view's path (lifecycle() keeps it current, at once on every History API navigation).
  const emit = (event: NewEvent) => gated({ ...event, p: path, pv: pageView, s: sequence++ } as WireEvent);

  // dataset keys of the contract's data-cta, data-cta-variant, data-cta-goal, data-cta-experiment and data-cta-arm
  // (names.test.ts ties them).
  const report = (element: HTMLElement, type: CtaEvent['t'], d?: string, o?: CtaEvent['o']) =>
    emit({
      t: type,
      id: element.dataset.cta!,
      v: element.dataset.ctaVariant,
      g: element.dataset.ctaGoal,
      x: element.dataset.ctaExperiment,
      a: element.dataset.ctaArm,
      d,
      o,
    });
  // Counted elements stay observed (cheaper than letting them go); the Set keeps them from counting twice.
  const impress = (element: HTMLElement) =>
    !counted.has(element) && counted.add(element) && report(element, 'impression');
  // One continuous second in a visible, focused tab: hiding the tab or losing focus drops the element's timer
  // (false), leaving the view deletes it, and a timer counts only if it is still the element's when it fires
  // and the element is still in the document (a view transition may have swapped it out).
  // A running timer keeps running when arm() is called again (focus moving between elements, a new page view).
  // The unused first parameter lets Map.forEach (value, key) call arm directly.
  const arm = (_: unknown, element: Element) => {
    const timer: unknown =
      !document.hidden &&
      document.hasFocus() &&
      (inView.get(element) ||
        setTimeout(
          () =>
            inView.get(element) == timer &&
            element.isConnected &&
            (inView.set(element, 0), impress(element as HTMLElement)),
          1000,
        ));
    inView.set(element, timer);
  };
  const observer = new IntersectionObserver(
    (entries) =>
      entries.forEach((entry) =>
        entry.intersectionRatio >=
        (entry.boundingClientRect.width * entry.boundingClientRect.height < 242_500 ? 0.5 : 0.3)
          ? arm(0, entry.target)
          : inView.delete(entry.target),
      ),
    { threshold: [0.3, 0.5] },
  );
  // Observing an element twice is a no-op, so every DOM change can simply look for CTAs again.
  const scan = () => document.querySelectorAll(TRACKED).forEach(observer.observe, observer);

  // Every page-level moment: focus and visibility changes, the page's end, Astro's navigation, and History API
  // navigation when `@astro-cta/beacon/history` reports it ('cta:page': PAGE_EVENT in names.ts, written out here
  // because a shared constant costs the core bytes; the History API tests tie them). A changed path starts a new
  // page view; timers pause or start (a running one keeps running); what waits in the queue leaves, with sendBeacon
  // when a DOM event is given (truthy).
  const lifecycle = (event?: unknown) => {
    // Compares the old path with the new one, which it stores. (The order of the resets is the one that gzips
    // smallest, measured on the real build.)
    if (path != (path = location.pathname)) {
      sequence = 0;
      counted = new Set();
      pageView = `${Math.random()}`.slice(2);
      shown = 0;
      left = 1e4;
    }
    // Engagement (ENGAGED_MS in names.ts): visible time adds up across visible spells and pauses while the page is
    // hidden; at 10 s in total the page view reports 'engaged', once (left becomes 0, so no timer starts again).
    clearTimeout(engaging as number);
    left -= shown && Date.now() - shown;
    // false while hidden: arithmetic takes it as 0, one byte less than +!document.hidden.
    shown = (!document.hidden && Date.now()) as number;
    engaging = left > 0 && shown && setTimeout(() => ((left = 0), emit({ t: 'engaged', id: '10s' })), left);
    inView.forEach(arm);
    flush(event);
  };
  lifecycle();
  scan();
  new MutationObserver(scan).observe(document, { childList: true, subtree: true });

  // Middle clicks arrive as auxclick; right clicks (button 2) open a menu, not the CTA.
  const click = (event: MouseEvent) => {
    const element = (event.target as Element).closest?.(TRACKED) as Cta | null;
    if (element && event.button < 2) {
      impress(element);
      report(
        element,
        'click',
        href(element as HTMLAnchorElement),
        // The open mode by its number in the contract's OPEN_MODES: 2 middle, 1 modifier, 3 new-tab, 0 plain.
        event.button ? 2 : event.ctrlKey || event.metaKey || event.shiftKey ? 1 : element.target == '_blank' ? 3 : 0,
      );
    }
  };
  // Capture phase on window sees every event first, including the non-bubbling ones Astro dispatches on document,
  // even when the page stops their propagation. The first two are the clicks.
  [
    'click',
    'auxclick',
    'focus',
    'blur',
    'visibilitychange',
    'pagehide',
    'astro:before-swap',
    'astro:page-load',
    // History API page views come only where the build may ship `@astro-cta/beacon/history`.
    ...(!fixed.built || fixed.history ? ['cta:page'] : []),
  ].forEach((type, index) => addEventListener(type, (index < 2 ? click : lifecycle) as EventListener, true));
  // track() and trackConversion() queue their events in this global array (TRACK_QUEUE in names.ts) until a beacon
  // starts: it takes them, then reports every later push at once. A global rather than a module both sides import,
  // so that the page's beacon script imports nothing that a component's script imports too (a shared chunk).
  const queue = ((self as Queue).ctaTrack ||= []);
  // splice(0) takes what waits before push is replaced; then map reports it (an assignment inside: 2 bytes fewer).
  queue.splice(0).map((queue.push = emit as () => number));
  return emit;
};
