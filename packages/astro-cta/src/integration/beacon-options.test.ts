import { describe, expect, it } from 'vitest';
import { resolvedSinks } from './beacon-options.ts';
import { resolveOptions } from './options.ts';

const beacon = (input: unknown) => {
  const resolved = resolveOptions({ beacon: input }).beacon;
  if (!resolved) throw new Error('beacon resolved to false');
  return resolved;
};

describe('beacon options', () => {
  it('defaults: the collector when an endpoint is set, GPC and DNT honoured, localhost and automation skipped, no consent gate', () => {
    expect(beacon({ endpoint: '/api/cta' })).toEqual({
      endpoint: '/api/cta',
      privacy: { respectGpc: true, respectDnt: true },
      allowLocalhost: false,
      allowAutomation: false,
      historyNavigation: false,
      visits: true,
    });
  });

  it('resolves the sinks: the collector alone when only an endpoint is set', () => {
    expect(resolvedSinks(beacon({ endpoint: '/api/cta' }))).toEqual(['collector']);
  });

  it('takes analytics sinks without a collector, and a custom module', () => {
    expect(beacon({ sinks: ['plausible', 'ga4', { custom: './src/sink.ts' }] }).sinks).toEqual([
      'plausible',
      'ga4',
      { custom: './src/sink.ts' },
    ]);
  });

  it('names each bad field and says how to fix it', () => {
    const problems: [unknown, RegExp][] = [
      [
        {},
        /beacon\.endpoint: the beacon has nowhere to send events: set beacon\.endpoint \(the collector\) or beacon\.sinks/,
      ],
      [{ sinks: ['collector'] }, /beacon\.sinks: beacon\.sinks lists "collector" but beacon\.endpoint is not set/],
      [
        { endpoint: 'api/cta' },
        /beacon\.endpoint: beacon\.endpoint must be an absolute URL .* or a path starting with "\/"/,
      ],
      [
        { endpoint: '/e', sinks: ['matomo'] },
        /beacon\.sinks\.0: each beacon sink is "collector", "plausible", "umami", "ga4", "posthog" or \{ custom/,
      ],
      [
        { endpoint: '/e', sinks: [{ custom: 'src/sink.ts' }] },
        /beacon\.sinks\.0\.custom: a custom sink is a module path relative to the project root, starting with "\.\/"/,
      ],
      [{ endpoint: '/e', consent: 'yes' }, /beacon\.consent: beacon\.consent is "granted", "pending" or "denied"/],
      [{ endpoint: '/e', privacy: { respectGPC: false } }, /beacon\.privacy: Unrecognized key: "respectGPC"/],
      [{ endpoint: '/e', allowLocalHost: true }, /beacon: Unrecognized key: "allowLocalHost"/],
    ];
    for (const [input, message] of problems) expect(() => resolveOptions({ beacon: input })).toThrow(message);
  });
});
