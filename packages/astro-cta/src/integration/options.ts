import { z } from 'zod';
import { auditOptionsSchema } from './audit-options.ts';
import { beaconOptionsSchema } from './beacon-options.ts';

export const optionsSchema = z
  .object({
    audit: z.union([z.literal(false), auditOptionsSchema]).default({}),
    beacon: z.union([z.literal(false), beaconOptionsSchema]).default(false),
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
