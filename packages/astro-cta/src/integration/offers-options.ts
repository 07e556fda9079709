import { z } from 'zod';
import { durationMs } from '../offers/signals-format.ts';

const CONSENT_ERROR = 'offers.consent is "granted", "pending" or "denied".';

/** `offers: { … }` in the integration's options. */
export const offersOptionsSchema = z.strictObject({
  /** How long signals are kept on the device: "30d" (default), "12h", "2w"… */
  expires: z
    .string({ error: 'offers.expires is a duration such as "30d", "12h" or "2w".' })
    .refine((value) => durationMs(value) !== undefined, {
      error: 'offers.expires is a whole number above 0 and a unit (m, h, d, w), such as "30d".',
    })
    .default('30d'),
  /**
   * Whether storing signals waits for consent, as `beacon.consent` (its default when the beacon has one):
   * "pending" or "denied" store nothing until the page sets `ctaConsent` to "granted"; "granted" stores at once and
   * forgets everything when the visitor withdraws. Leave both out where no consent is required.
   */
  // A refinement, not an enum: inside the `boolean | {…}` union zod keeps a refinement's message, not an enum's.
  consent: (
    z.string({ error: CONSENT_ERROR }).refine((value) => ['granted', 'pending', 'denied'].includes(value), {
      error: CONSENT_ERROR,
    }) as unknown as z.ZodType<'granted' | 'pending' | 'denied'>
  ).optional(),
});

export interface ResolvedOffers {
  expiresMs: number;
  consent: 'granted' | 'pending' | 'denied' | undefined;
}

/** The offers options with the beacon's consent default applied; undefined when offers are off. */
export function resolveOffers(
  offers: boolean | z.output<typeof offersOptionsSchema>,
  beaconConsent: ResolvedOffers['consent'],
): ResolvedOffers | undefined {
  if (!offers) return undefined;
  const options = offers === true ? { expires: '30d', consent: undefined } : offers;
  return { expiresMs: durationMs(options.expires)!, consent: options.consent ?? beaconConsent };
}
