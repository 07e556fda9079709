import { z } from 'zod';
import { auditOptionsSchema } from './audit-options.ts';
import { beaconOptionsSchema } from './beacon-options.ts';
import { offersOptionsSchema } from './offers-options.ts';

const CSS_NAME = /^-?[A-Za-z_][\w-]*$/;
const darkModeSchema = z.union(
  [
    z.enum(['off', 'media', 'class', 'attribute']),
    z.strictObject({ class: z.string().regex(CSS_NAME, { error: 'must be a CSS class name such as "dark".' }) }),
    z.strictObject({
      attribute: z.string().regex(CSS_NAME, { error: 'must be an attribute name such as "data-theme".' }),
      value: z
        .string()
        .regex(/^[\w-]+$/, { error: 'must be a word such as "dark".' })
        .default('dark'),
    }),
  ],
  {
    error:
      'darkMode must be "off", "media", "class", "attribute", { class: "dark" } or ' +
      '{ attribute: "data-theme", value: "dark" }: the way your site switches to dark mode.',
  },
);

const METRICS_ERROR =
  'metrics is the path of a report exported with `cta-collect report --format json` (e.g. "metrics.json"), ' +
  'or { url, token } of a collector started with CTA_REPORT_TOKEN set.';

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
    /**
     * When the components use their dark colours: `'off'` (default: always light, for sites without a dark mode),
     * `'media'` (the visitor's `prefers-color-scheme`), `'class'` (a `dark` class on an ancestor, Tailwind's
     * convention; `{ class: 'night' }` for another name) or `'attribute'` (`data-theme="dark"` on an ancestor, as
     * Starlight and daisyUI set it; `{ attribute: 'data-mode', value: 'night' }` for others).
     */
    darkMode: darkModeSchema.default('off'),
    /**
     * Measured numbers for the dev toolbar, shown next to each CTA: the path of a report exported with
     * `cta-collect report --format json` (relative to the project root), or a collector's report endpoint,
     * `{ url: 'https://collect.example.com/api/cta/report', token: process.env.CTA_REPORT_TOKEN }`.
     */
    metrics: z
      .union(
        [
          z.string().min(1, METRICS_ERROR),
          z.strictObject(
            {
              url: z.url({ protocol: /^https?$/, error: METRICS_ERROR }),
              token: z.string().min(1, METRICS_ERROR).optional(),
            },
            { error: METRICS_ERROR },
          ),
        ],
        { error: METRICS_ERROR },
      )
      .optional(),
    /** Ship none of the kit's look: components render their markup and `cta-…` classes only (default false). */
    unstyled: z.boolean().default(false),
    /**
     * Offers and experiments (`<Offer>`, `<Experiment>`, `<ViewedItem>`): `true` or `{ expires, consent }` records
     * behaviour signals on the visitor's device (never sent) and adds the chooser to the pages that need it.
     * Default false: nothing is recorded, and the components fail the build saying to turn this on.
     */
    offers: z.union([z.boolean(), offersOptionsSchema]).default(false),
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
