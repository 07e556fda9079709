import { z } from 'zod';

const beaconSchema = z.object({
  endpoint: z
    .string({ error: 'beacon.endpoint must be a URL or a site path, e.g. "/api/cta" or "https://collect.example.com/e".' })
    .min(1, 'beacon.endpoint is empty: give the URL that receives click events, or set beacon: false.'),
});

const auditSchema = z.object({
  /** Pretend "now" for deadline rules, mostly for reproducible builds and tests. */
  now: z.coerce.date().optional(),
  /** Route globs of the pages that must have a CTA; legal, error and blog index pages are always excluded. */
  requireCta: z.array(z.string().startsWith('/', 'requireCta globs match site paths and start with "/", e.g. "/landing/**".')).optional(),
});

export const optionsSchema = z
  .object({
    audit: z.union([z.literal(false), auditSchema]).default({}),
    beacon: z.union([z.literal(false), beaconSchema]).default(false),
  })
  .strict();

export type AstroCtaOptions = z.input<typeof optionsSchema>;
export type ResolvedOptions = z.output<typeof optionsSchema>;

/** Validates the options users pass to `astroCta()`; the error names each bad field and how to fix it. */
export function resolveOptions(input: unknown): ResolvedOptions {
  const result = optionsSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(options)'}: ${issue.message}`);
  throw new Error(`Invalid astro-cta options in astro.config:\n${problems.join('\n')}`);
}
