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
export function beaconBootstrap(options: ResolvedBeaconOptions, root: URL, fixed = false): string {
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

  // With `fixed` (a build, where beaconSettingsPlugin() fixes these settings as constants) only the functions go here.
  const settings = [
    !fixed && options.endpoint && `endpoint: ${JSON.stringify(options.endpoint)}`,
    sinks.length === 1 && `sink: ${sinks[0]}`,
    sinks.length > 1 && `sink: sinks(${sinks.join(', ')})`,
    // The core stamps the visit id behind the consent gate: it is stored only for events that consent let through.
    !fixed && options.visits && 'visits: true',
    options.consent && `gate: consentGate(ctaConsent, ${JSON.stringify(options.consent)})`,
    !fixed && !options.privacy.respectGpc && 'gpc: false',
    !fixed && !options.privacy.respectDnt && 'dnt: false',
    !fixed && options.allowLocalhost && 'localhost: true',
    !fixed && options.allowAutomation && 'automation: true',
  ].filter(Boolean);
  const history = options.historyNavigation ? 'historyPageViews();\n' : '';
  // A build without sink or gate reads no option: no argument at all, two bytes fewer in the page.
  const passed = settings.length ? `{ ${settings.join(', ')} }` : fixed ? '' : '{}';
  return `${imports.join('\n')}\n${history}startBeacon(${passed});\n`;
}

/**
 * A Vite plugin that replaces the beacon core's settings module (@astro-cta/beacon/settings) with this build's
 * settings as constants: the minifier then drops every option check and every branch the configuration does not use
 * (no sink, no consent gate, no History API listener by default). It touches that one module and nothing of the
 * site's code. In `astro dev` the bootstrap passes every option too, so where the plugin does not apply there
 * (dependencies that Vite pre-bundles) the core reads them at run time and behaves alike. A build's bootstrap passes
 * only the functions (sink, gate): a bundle that holds the core without the fixed settings fails the build, naming
 * the module, instead of shipping a beacon that sends nothing.
 */
export function beaconSettingsPlugin(options: ResolvedBeaconOptions) {
  // Vite's module ids use forward slashes on every system.
  const slashes = (path: string) => path.replaceAll('\\', '/');
  const settingsFile = slashes(fileURLToPath(import.meta.resolve('@astro-cta/beacon/settings')));
  const coreFile = slashes(fileURLToPath(import.meta.resolve('@astro-cta/beacon')));
  let fixed = false;
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
    load(id: string) {
      if (slashes(id.split('?')[0]!) !== settingsFile) return undefined;
      fixed = true;
      return code;
    },
    generateBundle(
      this: { error: (message: string) => never },
      _: unknown,
      bundle: Record<string, { type: string; moduleIds?: string[] }>,
    ) {
      const core = Object.values(bundle).some((chunk) => chunk.moduleIds?.some((id) => slashes(id) === coreFile));
      if (core && !fixed)
        this.error(
          `astro-cta: the beacon core (${coreFile}) was bundled without its build-time settings: ${settingsFile} ` +
            'was not loaded through the astro-cta:beacon-settings plugin. Please report this with your package ' +
            'manager and Astro version; set beacon: false to build without the beacon meanwhile.',
        );
    },
  };
}
