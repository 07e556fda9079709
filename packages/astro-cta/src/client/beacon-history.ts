// History API page views (opt-in: beacon.historyNavigation), imported by the injected page script.
export { historyPageViews } from '@astro-cta/beacon/history';
