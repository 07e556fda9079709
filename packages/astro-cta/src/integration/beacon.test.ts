import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { beaconBootstrap, beaconSettingsPlugin } from './beacon.ts';
import { resolveOptions } from './options.ts';

const root = pathToFileURL(`${mkdtempSync(join(tmpdir(), 'astro-cta-beacon-'))}/`);
const bootstrap = (input: unknown, fixed = false) => {
  const resolved = resolveOptions({ beacon: input }).beacon;
  if (!resolved) throw new Error('beacon resolved to false');
  return beaconBootstrap(resolved, root, fixed);
};

describe('the injected beacon bootstrap', () => {
  it('starts the core with the collector only: no sink, no consent module, privacy defaults left to the core', () => {
    const code = bootstrap({ endpoint: '/api/cta' });
    expect(code).toBe(
      `import { startBeacon } from 'astro-cta/client/beacon.ts';\nstartBeacon({ endpoint: "/api/cta", visits: true });\n`,
    );
    // track() reaches the beacon through a global queue: the page script shares no module with components' scripts.
    expect(code).not.toMatch(/beacon-sink|beacon-consent|beacon-track/);
  });

  it('imports only the sinks it is given, and composes several', () => {
    writeFileSync(new URL('sink.ts', root), 'export default () => {};');
    const code = bootstrap({ endpoint: '/e', sinks: ['collector', 'plausible', 'posthog', { custom: './sink.ts' }] });
    expect(code).toContain(`import { plausible } from 'astro-cta/client/beacon-sink-plausible.ts';`);
    expect(code).toContain(`import { posthog } from 'astro-cta/client/beacon-sink-posthog.ts';`);
    expect(code).not.toMatch(/umami|ga4/);
    expect(code).toContain(`import custom3 from ${JSON.stringify(join(root.pathname, 'sink.ts'))};`);
    expect(code).toContain('sink: sinks(plausible(), posthog(), custom3)');
  });

  it('passes the consent default, privacy opt-outs and the localhost and automation opt-ins', () => {
    const code = bootstrap({
      sinks: ['umami'],
      consent: 'pending',
      privacy: { respectGpc: false, respectDnt: false },
      allowLocalhost: true,
      allowAutomation: true,
    });
    expect(code).toContain(`import { consentGate, ctaConsent } from 'astro-cta/client/beacon-consent.ts';`);
    expect(code).toContain(
      'startBeacon({ sink: umami(), visits: true, gate: consentGate(ctaConsent, "pending"), gpc: false, dnt: false, localhost: true, automation: true })',
    );
    expect(code).not.toContain('endpoint');
  });

  it('leaves the visit id out when visits: false, with or without consent', () => {
    expect(bootstrap({ endpoint: '/e', visits: false })).not.toContain('visits');
    const code = bootstrap({ endpoint: '/e', visits: false, consent: 'pending' });
    expect(code).not.toContain('visits');
    expect(code).toContain('gate: consentGate(ctaConsent, "pending")');
  });

  it('ships History API page views only when asked', () => {
    expect(bootstrap({ endpoint: '/e' })).not.toContain('history');
    const code = bootstrap({ endpoint: '/e', historyNavigation: true });
    expect(code).toContain(`import { historyPageViews } from 'astro-cta/client/beacon-history.ts';`);
    expect(code).toContain('historyPageViews();\nstartBeacon(');
  });

  it('passes only the sink and the gate in a build, where the settings module fixes the rest', () => {
    expect(bootstrap({ endpoint: '/api/cta' }, true)).toBe(
      // No argument at all: the core reads no option in such a build (two bytes fewer than `{}`).
      `import { startBeacon } from 'astro-cta/client/beacon.ts';\nstartBeacon();\n`,
    );
    const options = { sinks: ['collector', 'umami'], endpoint: '/e', consent: 'denied', allowLocalhost: true };
    expect(bootstrap(options, true)).toContain(
      'startBeacon({ sink: umami(), gate: consentGate(ctaConsent, "denied") })',
    );
  });

  it('says which custom sink module is missing', () => {
    expect(() => bootstrap({ sinks: [{ custom: './nowhere.ts' }] })).toThrow(
      /beacon\.sinks\[0\]\.custom points to .*nowhere\.ts, which does not exist/,
    );
  });

  it("fixes the core's settings for the build in the settings module, and touches no other module", () => {
    const settingsFile = fileURLToPath(import.meta.resolve('@astro-cta/beacon/settings'));
    const load = (input: unknown, id = settingsFile) => {
      const resolved = resolveOptions({ beacon: input }).beacon;
      if (!resolved) throw new Error('beacon resolved to false');
      return beaconSettingsPlugin(resolved).load(id);
    };
    const defaults = load({ endpoint: '/api/cta' });
    for (const line of [
      'export const built = true;',
      'export const endpoint = "/api/cta";',
      'export const sink = false;',
      'export const gate = false;',
      'export const history = false;',
      'export const gpc = true;',
      'export const localhost = false;',
      'export const visits = true;',
    ])
      expect(defaults).toContain(line);
    const chosen = load({
      sinks: ['plausible'],
      consent: 'pending',
      historyNavigation: true,
      privacy: { respectGpc: false, respectDnt: true },
      allowLocalhost: true,
      visits: false,
    });
    for (const line of [
      'export const endpoint = "";',
      'export const sink = true;',
      'export const gate = true;',
      'export const history = true;',
      'export const gpc = false;',
      'export const dnt = true;',
      'export const localhost = true;',
      'export const visits = false;',
    ])
      expect(chosen).toContain(line);
    expect(load({ endpoint: '/e' }, `${settingsFile}?v=1`)).toContain('built = true');
    // On Windows, Vite's ids use forward slashes where the file system's paths use backslashes.
    expect(load({ endpoint: '/e' }, settingsFile.replaceAll('/', '\\'))).toContain('built = true');
    expect(load({ endpoint: '/e' }, settingsFile.replace('settings', 'index'))).toBeUndefined();
  });

  it('fails the build, naming the module, when the core was bundled without its fixed settings', () => {
    const resolved = resolveOptions({ beacon: { endpoint: '/e' } }).beacon;
    if (!resolved) throw new Error('beacon resolved to false');
    const coreFile = fileURLToPath(import.meta.resolve('@astro-cta/beacon'));
    const bundle = { 'page.js': { type: 'chunk', moduleIds: ['/site/src/page.ts', coreFile] } };
    const error = (message: string): never => {
      throw new Error(message);
    };
    expect(() => beaconSettingsPlugin(resolved).generateBundle.call({ error }, {}, bundle)).toThrow(
      /the beacon core \(.*index\.js\) was bundled without its build-time settings: .*settings\.js was not loaded/,
    );
    const plugin = beaconSettingsPlugin(resolved);
    plugin.load(fileURLToPath(import.meta.resolve('@astro-cta/beacon/settings')));
    expect(() => plugin.generateBundle.call({ error }, {}, bundle)).not.toThrow();
    // A bundle without the core (the server's, or a site with beacon: false) is none of its business.
    const other = { 'x.js': { type: 'chunk', moduleIds: ['/site/src/x.ts'] } };
    expect(() => beaconSettingsPlugin(resolved).generateBundle.call({ error }, {}, other)).not.toThrow();
  });
});
