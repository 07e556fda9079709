import { z } from 'zod';

/** `beacon` in the integration's options: where click and impression events go. */
export const beaconOptionsSchema = z.object({
  endpoint: z
    .string({ error: 'beacon.endpoint must be a URL or a site path, e.g. "/api/cta" or "https://collect.example.com/e".' })
    .min(1, 'beacon.endpoint is empty: give the URL that receives click events, or set beacon: false.'),
});
