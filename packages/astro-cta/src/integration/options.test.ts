import { describe, expect, it } from 'vitest';
import { resolveOptions } from './options.ts';

describe('astroCta() options', () => {
  it('defaults to auditing and no beacon', () => {
    expect(resolveOptions(undefined)).toEqual({
      audit: {},
      beacon: false,
      autoImport: true,
      darkMode: 'off',
      unstyled: false,
    });
  });

  it('takes the dark-mode strategy of the site (off by default) and the unstyled mode', () => {
    expect(resolveOptions({ darkMode: 'media' }).darkMode).toBe('media');
    expect(resolveOptions({ darkMode: { class: 'night' } }).darkMode).toEqual({ class: 'night' });
    expect(resolveOptions({ darkMode: { attribute: 'data-mode' } }).darkMode).toEqual({
      attribute: 'data-mode',
      value: 'dark',
    });
    expect(resolveOptions({ unstyled: true }).unstyled).toBe(true);
    expect(() => resolveOptions({ darkMode: 'auto' })).toThrow(
      /darkMode: darkMode must be "off", "media", "class", "attribute"/,
    );
    expect(() => resolveOptions({ darkMode: { class: '.dark{}' } })).toThrow(/darkMode/);
  });

  it('takes a default locale for the components and checks it', () => {
    expect(resolveOptions({ locale: 'de-CH' }).locale).toBe('de-CH');
    expect(() => resolveOptions({ locale: 'not a locale!' })).toThrow(/locale: locale must be a BCP 47 tag/);
  });

  it('takes the metrics of the dev toolbar: a report file, or a collector URL with its token', () => {
    expect(resolveOptions({ metrics: 'metrics.json' }).metrics).toBe('metrics.json');
    const collector = { url: 'https://collect.example.com/api/cta/report', token: 'secret-token-0123456789' };
    expect(resolveOptions({ metrics: collector }).metrics).toEqual(collector);
    for (const bad of ['', { url: 'ftp://x/report' }, { url: 'https://x/report', token: '' }, { file: 'x.json' }, 3]) {
      expect(() => resolveOptions({ metrics: bad })).toThrow(
        /metrics(\.\w+)?: metrics is the path of a report exported with `cta-collect report --format json`/,
      );
    }
  });

  it('names the bad field and says how to fix it', () => {
    expect(() => resolveOptions({ beacon: { endpoint: '' } })).toThrow(/beacon\.endpoint: beacon\.endpoint is empty/);
    expect(() => resolveOptions({ audit: { requireCta: ['landing/**'] } })).toThrow(
      /audit\.requireCta\.0: requireCta globs match site paths and start with "\/"/,
    );
    expect(() => resolveOptions({ becaon: {} })).toThrow(/Unrecognized key: "becaon"/);
  });
});
