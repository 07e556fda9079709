/** One stored event as `cta-collect export` writes it: the events table's columns. */
export const EXPORT_COLUMNS = [
  'page_view',
  'seq',
  'type',
  'cta',
  'page',
  'variant',
  'goal',
  'destination',
  'open_mode',
  'props',
  'received_at',
  'visit',
  'experiment',
  'arm',
  'value',
  'currency',
] as const;

/** Every column of the events table, in the order the writers stage and insert them: the exported ones, then the
 * attribution a conversion claims (kept for the report, not exported). */
export const EVENT_COLUMNS = [...EXPORT_COLUMNS, 'claimed_cta', 'claimed_page_view'] as const;
