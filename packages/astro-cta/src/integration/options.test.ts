import { describe, expect, it } from 'vitest';
import { chooserPath, chooserScriptTag, offersBootstrap } from './chooser.ts';
import { resolveOffers } from './offers-options.ts';
import { resolveOptions } from './options.ts';

describe('astroCta() options', () => {
  it('defaults to auditing and no beacon', () => {
    expect(resolveOptions(undefined)).toEqual({
      audit: {},
      beacon: false,
      autoImport: true,
      darkMode: 'off',
      unstyled: false,
      offers: false,
    });
  });

  it('offers: off by default; true or { expires, consent }, checked with messages naming the field', () => {
    expect(resolveOptions({ offers: true }).offers).toBe(true);
    expect(resolveOptions({ offers: { expires: '2w' } }).offers).toEqual({ expires: '2w' });
    expect(() => resolveOptions({ offers: { expires: '30 days' } })).toThrow(/offers\.expires: .*"30d"/);
    expect(() => resolveOptions({ offers: { consent: 'maybe' } })).toThrow(/offers\.consent/);
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

describe('offers with the beacon', () => {
  it('takes the beacon consent unless offers say otherwise; the chooser picks arms only where no consent is asked', () => {
    expect(resolveOffers(false, 'pending')).toBeUndefined();
    expect(resolveOffers(true, undefined)).toEqual({ expiresMs: 30 * 864e5, consent: undefined });
    expect(resolveOffers(true, 'pending')).toEqual({ expiresMs: 30 * 864e5, consent: 'pending' });
    expect(resolveOffers({ expires: '12h', consent: 'granted' }, 'pending')).toEqual({
      expiresMs: 12 * 36e5,
      consent: 'granted',
    });
    const page = offersBootstrap({ expiresMs: 1000, consent: 'pending' }, true);
    expect(page).toContain(`import { ctaConsent as signalsConsent } from 'astro-cta/client/beacon-consent.ts';`);
    expect(page).toContain('startChoiceReport();');
    expect(page).toContain(
      'startSignals({ expiresMs: 1000, chooserPicks: false, consent: { store: signalsConsent, fallback: "pending" } });',
    );
    expect(offersBootstrap({ expiresMs: 1000, consent: undefined }, false)).not.toContain('startChoiceReport');
    // With or without the beacon: the chooser's mark on <html> survives client-side navigations (chooser-mark.ts).
    expect(offersBootstrap({ expiresMs: 1000, consent: undefined }, false)).toContain('keepChooserMark();');
    expect(chooserScriptTag('/_astro-cta/choose-x.js', { expiresMs: 1, consent: undefined })).toBe(
      '<script src="/_astro-cta/choose-x.js" data-store="1"></script>',
    );
    expect(chooserScriptTag('/_astro-cta/choose-x.js', { expiresMs: 1, consent: 'denied' })).toBe(
      '<script src="/_astro-cta/choose-x.js"></script>',
    );
    expect(chooserPath('/docs', 'code')).toMatch(/^\/docs\/_astro-cta\/choose-[0-9a-f]{10}\.js$/);
  });
});
