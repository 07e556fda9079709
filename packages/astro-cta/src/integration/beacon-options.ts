import { z } from 'zod';

/** Analytics platforms the beacon can report to besides (or instead of) the collector; each is its own module. */
export const PLATFORM_SINKS = ['plausible', 'umami', 'ga4', 'posthog'] as const;

const endpoint = z
  .string({
    error: 'beacon.endpoint must be a URL or a site path, e.g. "/api/cta" or "https://collect.example.com/e".',
  })
  .min(1, 'beacon.endpoint is empty: give the URL that receives events, or leave it out and list analytics sinks.')
  .refine((value) => value.startsWith('/') || URL.canParse(value), {
    error:
      'beacon.endpoint must be an absolute URL ("https://collect.example.com/e") or a path starting with "/" ("/api/cta").',
  });

export type SinkName = 'collector' | (typeof PLATFORM_SINKS)[number];
export type BeaconSink = SinkName | { custom: string };
const SINK_NAMES: readonly string[] = ['collector', ...PLATFORM_SINKS];

// Checked by refinements, not enums or unions: inside the integration's `false | {…}` option, zod reports a
// refinement's own message and path, while a failed enum or union collapses into "Invalid input".
const sink = z.unknown().superRefine((value, context) => {
  if (typeof value === 'string' && SINK_NAMES.includes(value)) return;
  if (value && typeof value === 'object' && Object.keys(value).join() === 'custom') {
    const custom = (value as { custom: unknown }).custom;
    if (typeof custom === 'string' && /^\.\.?\//.test(custom)) return;
    context.addIssue({
      code: 'custom',
      path: ['custom'],
      message:
        'a custom sink is a module path relative to the project root, starting with "./", e.g. "./src/cta-sink.ts".',
    });
    return;
  }
  context.addIssue({
    code: 'custom',
    message: `each beacon sink is "collector", ${PLATFORM_SINKS.map((name) => `"${name}"`).join(', ')} or { custom: "./src/my-sink.ts" }.`,
  });
}) as unknown as z.ZodType<BeaconSink>;

const CONSENT_STATES: readonly string[] = ['granted', 'pending', 'denied'];
const consent = z
  .string({ error: 'beacon.consent is "granted", "pending" or "denied".' })
  .refine((value) => CONSENT_STATES.includes(value), {
    error: 'beacon.consent is "granted", "pending" or "denied".',
  }) as unknown as z.ZodType<'granted' | 'pending' | 'denied'>;

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
    consent: consent.optional(),
    /**
     * Report on localhost too (development, local previews). Where only the astro-cta collector gets events, the
     * beacon does not check the host at all and the collector drops local pages unless started with
     * `--accept-local` (`acceptLocal` on the endpoint): start it so too. With a sink, the beacon checks.
     */
    allowLocalhost: z.boolean().default(false),
    /**
     * Report in automated browsers (navigator.webdriver) too: end-to-end tests. The collector also drops browsers
     * whose User-Agent says so (HeadlessChrome, crawlers) unless started with `--accept-automation`.
     */
    allowAutomation: z.boolean().default(false),
    /**
     * Count History API navigation outside Astro's router (pushState, replaceState, back, forward) as page views.
     * Ships a small extra module; Astro's view transitions are followed without it.
     */
    historyNavigation: z.boolean().default(false),
    /**
     * The visit id in sessionStorage (stored only after the consent gate). False sends events without `vi`: no
     * storage at all, and no conversion attribution or bounce rate in the report.
     */
    visits: z.boolean().default(true),
  })
  .strict()
  .superRefine((options, context) => {
    const sinks = resolvedSinks(options);
    if (sinks.length === 0)
      context.addIssue({
        code: 'custom',
        path: ['endpoint'],
        message:
          'the beacon has nowhere to send events: set beacon.endpoint (the collector) or beacon.sinks (analytics platforms).',
      });
    if (sinks.includes('collector') && !options.endpoint)
      context.addIssue({
        code: 'custom',
        path: ['sinks'],
        message:
          'beacon.sinks lists "collector" but beacon.endpoint is not set: give the collector URL, e.g. endpoint: "/api/cta".',
      });
  });

export type BeaconOptionsInput = z.input<typeof beaconOptionsSchema>;
export type ResolvedBeaconOptions = z.output<typeof beaconOptionsSchema>;

/** Where events go: the listed sinks, or the collector alone when only an endpoint is set. */
export function resolvedSinks(options: Pick<ResolvedBeaconOptions, 'endpoint' | 'sinks'>): BeaconSink[] {
  return options.sinks ?? (options.endpoint ? ['collector'] : []);
}
