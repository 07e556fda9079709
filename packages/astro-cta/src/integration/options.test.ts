import { describe, expect, it } from 'vitest';
import { resolveOptions } from './options.ts';

describe('astroCta() options', () => {
  it('defaults to auditing and no beacon', () => {
    expect(resolveOptions(undefined)).toEqual({ audit: {}, beacon: false, autoImport: true });
  });

  it('takes a default locale for the components and checks it', () => {
    expect(resolveOptions({ locale: 'de-CH' }).locale).toBe('de-CH');
    expect(() => resolveOptions({ locale: 'not a locale!' })).toThrow(/locale: locale must be a BCP 47 tag/);
  });

  it('names the bad field and says how to fix it', () => {
    expect(() => resolveOptions({ beacon: { endpoint: '' } })).toThrow(/beacon\.endpoint: beacon\.endpoint is empty/);
    expect(() => resolveOptions({ audit: { requireCta: ['landing/**'] } })).toThrow(/audit\.requireCta\.0: requireCta globs match site paths and start with "\/"/);
    expect(() => resolveOptions({ becaon: {} })).toThrow(/Unrecognized key: "becaon"/);
  });
});
