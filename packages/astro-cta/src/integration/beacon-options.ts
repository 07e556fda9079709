import { z } from 'zod';

/** Analytics platforms the beacon can report to besides (or instead of) the collector; each is its own module. */
export const PLATFORM_SINKS = ['plausible', 'umami', 'ga4', 'posthog'] as const;

const endpoint = z
  .string({ error: 'beacon.endpoint must be a URL or a site path, e.g. "/api/cta" or "https://collect.example.com/e".' })
  .min(1, 'beacon.endpoint is empty: give the URL that receives events, or leave it out and list analytics sinks.')
  .refine((value) => value.startsWith('/') || URL.canParse(value), {
    error: 'beacon.endpoint must be an absolute URL ("https://collect.example.com/e") or a path starting with "/" ("/api/cta").',
  });

const customSink = z
  .object({
    custom: z
      .string()
      .regex(/^\.\.?\//, 'a custom sink is a module path relative to the project root, starting with "./", e.g. "./src/cta-sink.ts".'),
  })
  .strict();

const sink = z.union([z.literal('collector'), z.enum(PLATFORM_SINKS), customSink], {
  error: `each beacon sink is "collector", ${PLATFORM_SINKS.map((name) => `"${name}"`).join(', ')} or { custom: "./src/my-sink.ts" }.`,
});

/** `beacon` in the integration's options: where click and impression events go and what keeps them from going. */
export const beaconOptionsSchema = z
  .object({
    /** Collector URL. With it, the collector is a sink unless `sinks` says otherwise. */
    endpoint: endpoint.optional(),
    /** Where events go; several at once. Default: ["collector"] when an endpoint is set. */
    sinks: z.array(sink).min(1, 'beacon.sinks is empty: list at least one sink, or set beacon: false.').optional(),
    privacy: z
      .object({
        /** Send nothing when the browser sends Global Privacy Control. */
        respectGpc: z.boolean().default(true),
        /** Send nothing when the browser sends Do Not Track. */
        respectDnt: z.boolean().default(true),
      })
      .strict()
      .default({ respectGpc: true, respectDnt: true }),
    /**
     * Ships the consent gate with this default until the page sets `ctaConsent`: "pending" holds events in memory
     * until consent is granted, "denied" drops them, "granted" sends them but lets the visitor withdraw.
     * Leave it out when no consent is required: no gate is shipped and events go out at once.
     */
    consent: z.enum(['granted', 'pending', 'denied'], { error: 'beacon.consent is "granted", "pending" or "denied".' }).optional(),
    /** Report on localhost too (development, local previews). */
    allowLocalhost: z.boolean().default(false),
    /** Report in automated browsers (navigator.webdriver) too: end-to-end tests. */
    allowAutomation: z.boolean().default(false),
  })
  .strict()
  .transform((options, context) => {
    const sinks = options.sinks ?? (options.endpoint ? ['collector' as const] : []);
    if (sinks.length === 0) context.addIssue({ code: 'custom', path: ['endpoint'], message: 'the beacon has nowhere to send events: set beacon.endpoint (the collector) or beacon.sinks (analytics platforms).' });
    if (sinks.includes('collector') && !options.endpoint)
      context.addIssue({ code: 'custom', path: ['sinks'], message: 'beacon.sinks lists "collector" but beacon.endpoint is not set: give the collector URL, e.g. endpoint: "/api/cta".' });
    return { ...options, sinks };
  });

export type BeaconOptionsInput = z.input<typeof beaconOptionsSchema>;
export type ResolvedBeaconOptions = z.output<typeof beaconOptionsSchema>;
