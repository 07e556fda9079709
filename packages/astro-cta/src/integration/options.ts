import { z } from 'zod';
import { auditOptionsSchema } from './audit-options.ts';
import { beaconOptionsSchema } from './beacon-options.ts';

export const optionsSchema = z
  .object({
    audit: z.union([z.literal(false), auditOptionsSchema]).default({}),
    beacon: z.union([z.literal(false), beaconOptionsSchema]).default(false),
    /** Default locale of the components' numbers and dates when a page sets none (BCP 47, e.g. "en-GB"). */
    locale: z
      .string()
      .refine((tag) => isLocale(tag), { error: 'locale must be a BCP 47 tag such as "en", "en-GB" or "de-CH".' })
      .optional(),
    /** Import the components into every MDX file that uses them (default true). */
    autoImport: z.boolean().default(true),
  })
  .strict();

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

export type AstroCtaOptions = z.input<typeof optionsSchema>;
export type ResolvedOptions = z.output<typeof optionsSchema>;

/** Validates the options users pass to `astroCta()`; the error names each bad field and how to fix it. */
export function resolveOptions(input: unknown): ResolvedOptions {
  const result = optionsSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(options)'}: ${issue.message}`);
  throw new Error(`Invalid astro-cta options in astro.config:\n${problems.join('\n')}`);
}
