import { isbot } from 'isbot';

/**
 * Development and automated visits are not traffic. The beacon of a default configuration no longer checks for them
 * in the browser (it saves its bytes), so the collector does: it keeps such events out of the database unless it was
 * started to accept them, answers 2xx all the same (the beacon must not send them again) and counts them in its log.
 */
export interface TrafficFilterOptions {
  /** Store events from pages on localhost, *.localhost, 127.0.0.0/8 and [::1] too (tests, demos, local previews). */
  acceptLocal: boolean;
  /** Store events from browsers that say they are automated or crawlers (HeadlessChrome, Googlebot…) too. */
  acceptAutomation: boolean;
}

/** Why a request's events are not traffic: a page on this machine, or a browser driven by automation. */
export type NotTraffic = 'local' | 'automation';

/** What the filter looks at: the page's origin (Origin, else the Referer's) and the browser's User-Agent. */
export interface TrafficSignals {
  origin: string | undefined;
  referer: string | undefined;
  userAgent: string | undefined;
}

/** The reason to drop a request's events, or undefined when they are traffic (or nothing says otherwise). */
export function notTraffic(signals: TrafficSignals, options: TrafficFilterOptions): NotTraffic | undefined {
  if (!options.acceptLocal && isLocalPage(signals)) return 'local';
  if (!options.acceptAutomation && isAutomatedBrowser(signals.userAgent)) return 'automation';
  return undefined;
}

/** How the log and the response name each reason, with the way to keep such events. */
export const NOT_TRAFFIC_HINT: Record<NotTraffic, string> = {
  local: 'a page on localhost, 127.x or [::1] (development); start the collector with --accept-local to store them',
  automation:
    'an automated browser or crawler (User-Agent); start the collector with --accept-automation to store them',
};

function isLocalPage({ origin, referer }: TrafficSignals): boolean {
  // Origin is "null" from sandboxed frames and some privacy settings; the Referer then may still name the page.
  const page = origin && origin !== 'null' ? origin : referer;
  if (!page) return false;
  let host: string;
  try {
    host = new URL(page).hostname;
  } catch {
    return false;
  }
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';
}

/**
 * A browser (its User-Agent starts with "Mozilla/", as every browser's and every rendering crawler's does) that
 * names itself headless or a bot, by isbot's maintained list. HTTP libraries (curl, node, python-requests) cannot
 * run the beacon: a request from one is a deliberate sender (a test, a server-side relay), governed by the rate limit
 * and the daily quota like any other.
 */
function isAutomatedBrowser(userAgent: string | undefined): boolean {
  return Boolean(userAgent?.startsWith('Mozilla/')) && isbot(userAgent);
}
