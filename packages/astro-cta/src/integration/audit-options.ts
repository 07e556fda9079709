import { z } from 'zod';

/** `audit` in the integration's options. */
export const auditOptionsSchema = z.object({
  /** Pretend "now" for deadline rules, mostly for reproducible builds and tests. */
  now: z.coerce.date().optional(),
  /** Route globs of the pages that must have a CTA; legal, error and blog index pages are always excluded. */
  requireCta: z.array(z.string().startsWith('/', 'requireCta globs match site paths and start with "/", e.g. "/landing/**".')).optional(),
});
