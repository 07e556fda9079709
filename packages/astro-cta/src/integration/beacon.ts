import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { settingsModule } from '@astro-cta/beacon/build';
import { type ResolvedBeaconOptions, resolvedSinks } from './beacon-options.ts';

/**
 * The module injected on every page (`injectScript('page')`): Astro bundles it into an external module script,
 * which a strict Content-Security-Policy (`script-src 'self'`) allows. It imports the beacon through astro-cta's
 * own client entries, so it resolves even where package managers do not hoist astro-cta's dependencies, and it
 * imports only the sinks and the consent gate that the options ask for: the others are never bundled.
 */
export function beaconBootstrap(options: ResolvedBeaconOptions, root: URL): string {
  // track() and trackConversion() reach the beacon through a global queue, not an import: this script shares no
  // module with the components' scripts, so Vite emits it as one file.
  const imports = [`import { startBeacon } from 'astro-cta/client/beacon.ts';`];
  const sinks: string[] = [];
  resolvedSinks(options).forEach((sink, index) => {
    if (sink === 'collector') return;
    if (typeof sink === 'string') {
      imports.push(`import { ${sink} } from 'astro-cta/client/beacon-sink-${sink}.ts';`);
      sinks.push(`${sink}()`);
      return;
    }
    const file = fileURLToPath(new URL(sink.custom, root));
    if (!existsSync(file))
      throw new Error(
        `astro-cta: beacon.sinks[${index}].custom points to ${file}, which does not exist. Give a module path relative to the project root that default-exports a function receiving each event.`,
      );
    imports.push(`import custom${index} from ${JSON.stringify(file)};`);
    sinks.push(`custom${index}`);
  });
  if (sinks.length > 1) imports.push(`import { sinks } from 'astro-cta/client/beacon-sink-all.ts';`);
  if (options.consent) imports.push(`import { consentGate, ctaConsent } from 'astro-cta/client/beacon-consent.ts';`);
  if (options.historyNavigation) imports.push(`import { historyPageViews } from 'astro-cta/client/beacon-history.ts';`);

  const settings = [
    options.endpoint && `endpoint: ${JSON.stringify(options.endpoint)}`,
    sinks.length === 1 && `sink: ${sinks[0]}`,
    sinks.length > 1 && `sink: sinks(${sinks.join(', ')})`,
    // The core stamps the visit id behind the consent gate: it is stored only for events that consent let through.
    options.visits && 'visits: true',
    options.consent && `gate: consentGate(ctaConsent, ${JSON.stringify(options.consent)})`,
    !options.privacy.respectGpc && 'gpc: false',
    !options.privacy.respectDnt && 'dnt: false',
    options.allowLocalhost && 'localhost: true',
    options.allowAutomation && 'automation: true',
  ].filter(Boolean);
  const history = options.historyNavigation ? 'historyPageViews();\n' : '';
  return `${imports.join('\n')}\n${history}startBeacon({ ${settings.join(', ')} });\n`;
}

/**
 * A Vite plugin that replaces the beacon core's settings module (@astro-cta/beacon/settings) with this build's
 * settings as constants: the minifier then drops every option check and every branch the configuration does not use
 * (no sink, no consent gate, no History API listener by default). It touches that one module and nothing of the
 * site's code. The bootstrap still passes the same options, so where the plugin does not apply (e.g. dependencies
 * that Vite pre-bundles in `astro dev`) the core reads them at run time and behaves alike.
 */
export function beaconSettingsPlugin(options: ResolvedBeaconOptions) {
  const settingsFile = fileURLToPath(import.meta.resolve('@astro-cta/beacon/settings'));
  const code = settingsModule({
    endpoint: options.endpoint ?? '',
    sink: resolvedSinks(options).some((sink) => sink !== 'collector'),
    gate: Boolean(options.consent),
    href: false,
    history: options.historyNavigation,
    gpc: options.privacy.respectGpc,
    dnt: options.privacy.respectDnt,
    localhost: options.allowLocalhost,
    automation: options.allowAutomation,
    visits: options.visits,
  });
  return {
    name: 'astro-cta:beacon-settings',
    load: (id: string) => (id.split('?')[0] === settingsFile ? code : undefined),
  };
}
