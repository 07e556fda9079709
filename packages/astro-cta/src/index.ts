import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type RenderedPages, resolveAuditConfig } from '@astro-cta/audit';
import type { AstroConfig, AstroIntegration } from 'astro';
import { assertSupportedAstro, installedAstroVersion, noPrerendererNote } from './integration/astro-compat.ts';
import { recordAuditOptions } from './integration/audit-options.ts';
import { AuditSources } from './integration/audit-sources.ts';
import { auditWhileRendering } from './integration/audit-while-rendering.ts';
import { beaconBootstrap, beaconSettingsPlugin } from './integration/beacon.ts';
import { chooserCode, chooserPath, chooserPlugin, chooserScriptTag, offersBootstrap } from './integration/chooser.ts';
import { assetsInlineLimitKeepingEnhancerExternal } from './integration/external-scripts.ts';
import { registerMdxAutoImport } from './integration/mdx-auto-import.ts';
import { resolveOffers } from './integration/offers-options.ts';
import { type AstroCtaOptions, resolveOptions } from './integration/options.ts';
import { auditSkipped, runAudit } from './integration/run-audit.ts';
import { DARK_MODE_MODULE, darkModeCss, darkModePlugin } from './integration/theme.ts';
import { devPageSource } from './toolbar/dev-pages.ts';
import { type MetricsSource, ToolbarMetrics } from './toolbar/metrics-server.ts';
import { ToolbarAudit, toolbarAppEntry } from './toolbar/server.ts';

/** This package's version, for messages (src/ and dist/ both sit one level below package.json). */
const KIT_VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export type { AstroCtaOptions } from './integration/options.ts';

/** The astro-cta integration: `integrations: [astroCta()]` in astro.config. */
export default function astroCta(userOptions?: AstroCtaOptions): AstroIntegration {
  const options = resolveOptions(userOptions);
  const offers = resolveOffers(options.offers, options.beacon ? options.beacon.consent : undefined);
  // Validated here so that a bad rule id fails `astro build` at once, naming the field. `audit.metrics` is a file
  // relative to the project root, so it is read once the root is known (astro:config:setup).
  const withoutMetrics = options.audit ? { ...options.audit, metrics: undefined } : undefined;
  let audit = withoutMetrics
    ? resolveAuditConfig(withoutMetrics, { where: 'audit.', defaultFailOn: 'never' })
    : undefined;
  // In `astro dev`, the toolbar app audits the current page with the same rules as the build…
  let toolbarAudit: ToolbarAudit | undefined;
  // …and shows the measured numbers next to each CTA when `metrics` names a report file or a collector.
  let toolbarMetrics: ToolbarMetrics | undefined;
  let sources: AuditSources | undefined;
  let root: URL | undefined;
  let astroConfig: AstroConfig | undefined;
  /** Pages audited while the build rendered them (static sites without an adapter). */
  let rendered: RenderedPages | undefined;
  /** One "now" for the whole build: pages audited early and late must agree on deadlines. */
  let buildNow: Date | undefined;
  let astroVersion: string | undefined;
  return {
    name: 'astro-cta',
    hooks: {
      'astro:config:setup': (setup) => {
        const { config, injectScript, updateConfig, addDevToolbarApp, command, logger } = setup;
        astroVersion = installedAstroVersion(config.root);
        assertSupportedAstro(astroVersion, KIT_VERSION);
        // biome-ignore lint/complexity/useOptionalChain: `audit` may be false, which has no properties
        if (options.audit && options.audit.metrics) {
          const baseDir = fileURLToPath(config.root);
          audit = resolveAuditConfig(options.audit, { where: 'audit.', defaultFailOn: 'never', baseDir });
        }
        toolbarAudit = audit
          ? new ToolbarAudit({ rules: audit.rules, now: audit.now, requireCta: audit.requireCta })
          : undefined;
        toolbarMetrics =
          toolbarAudit && options.metrics ? new ToolbarMetrics(metricsSource(options.metrics)) : undefined;
        // Offers and experiments (integration/chooser.ts): the recorder and the report of choices run ahead of the
        // beacon; the chooser is a file of the site that a middleware puts into the <head> of the pages using it.
        if (offers) {
          injectScript('page', offersBootstrap(offers, !!options.beacon));
          const code = chooserCode();
          const path = chooserPath(config.base, code);
          setup.injectRoute({
            pattern: path.slice(config.base.replace(/\/?$/, '/').length - 1),
            entrypoint: 'astro-cta/runtime/chooser-script.ts',
            prerender: true,
          });
          setup.addMiddleware({ order: 'post', entrypoint: 'astro-cta/runtime/chooser-middleware.ts' });
          updateConfig({ vite: { plugins: [chooserPlugin(code, chooserScriptTag(path, offers))] } });
        }
        updateConfig({ vite: { define: { __ASTRO_CTA_OFFERS__: offers ? 'true' : 'false' } } });
        if (options.beacon) {
          injectScript('page', beaconBootstrap(options.beacon, config.root, command === 'build'));
          updateConfig({ vite: { plugins: [beaconSettingsPlugin(options.beacon)] } });
        }
        if (command === 'dev' && toolbarAudit) addDevToolbarApp(toolbarAppEntry);
        if (audit) {
          root = config.root;
          sources = new AuditSources(config.root, config.srcDir);
          // So that `cta-audit dist` in this project audits with these options too.
          const failed = options.audit ? recordAuditOptions(config.root, options.audit) : undefined;
          if (failed) logger.warn(failed);
        }
        // Astro 7 has `markdown.processor` (Sätteri); Astro 5 and 6 do not, and get the remark plugin instead.
        const processor = (config.markdown as { processor?: Parameters<typeof registerMdxAutoImport>[0] }).processor;
        const note = registerMdxAutoImport(
          processor,
          { root: fileURLToPath(config.root), autoImport: options.autoImport },
          (plugin) => updateConfig({ markdown: { remarkPlugins: [plugin] } }),
        );
        // Said once per build, and only to sites that compile MDX.
        const hasMdx = config.integrations.some((integration) => integration.name === '@astrojs/mdx');
        if (note && command === 'build' && hasMdx) logger.info(note);
        // The components read this default locale at build time (see src/components/format.ts).
        if (options.locale)
          updateConfig({ vite: { define: { __ASTRO_CTA_LOCALE__: JSON.stringify(options.locale) } } });
        // The countdown enhancer stays an external module, which a strict CSP allows (integration/external-scripts.ts).
        updateConfig({
          vite: {
            build: {
              assetsInlineLimit: assetsInlineLimitKeepingEnhancerExternal(config.vite?.build?.assetsInlineLimit),
            },
          },
        });
        // <Conversion> warns at build time when no beacon would report it (components/Conversion.astro).
        updateConfig({ vite: { define: { __ASTRO_CTA_BEACON__: options.beacon ? 'true' : 'false' } } });
        // Styling options (integration/theme.ts): unstyled components, and dark colours under the site's strategy.
        if (options.unstyled) updateConfig({ vite: { define: { __ASTRO_CTA_UNSTYLED__: 'true' } } });
        const darkCss = options.unstyled ? undefined : darkModeCss(options.darkMode);
        if (darkCss) {
          updateConfig({ vite: { plugins: [darkModePlugin(darkCss)] } });
          injectScript('page-ssr', `import ${JSON.stringify(DARK_MODE_MODULE)};`);
        }
      },
      'astro:config:done': ({ config }) => {
        astroConfig = config;
        toolbarAudit?.useConfig(config);
        toolbarMetrics?.useConfig(config);
      },
      'astro:routes:resolved': ({ routes, logger }) => {
        sources?.recordRoutes(routes);
        // Recorded again with the routes that have no built page, for cta-audit's cta-dead-target.
        if (sources && root && options.audit) {
          const failed = recordAuditOptions(root, options.audit, sources.onDemandRoutes);
          if (failed) logger.warn(failed);
        }
        toolbarAudit?.useRoutes(routes);
      },
      'astro:server:setup': ({ server, toolbar, logger }) => {
        toolbarAudit?.listen(toolbar, logger, devPageSource(server, astroConfig?.base ?? '/'));
        toolbarMetrics?.listen(toolbar, logger);
      },
      'astro:build:start': (hook) => {
        if (!audit || auditSkipped()) return;
        buildNow = audit.now ?? new Date();
        const now = buildNow;
        // Astro 5 has no prerenderer hook: the audit after the build then does all the work.
        const setPrerenderer = (hook as Partial<typeof hook>).setPrerenderer;
        if (typeof setPrerenderer !== 'function') {
          hook.logger.info(noPrerendererNote(astroVersion));
          return;
        }
        if (astroConfig && !astroConfig.adapter) {
          const config = astroConfig;
          const resolved = audit;
          setPrerenderer((inner) =>
            auditWhileRendering(inner, config, { ...resolved, now }, (started) => (rendered = started)),
          );
        }
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        if (!audit || auditSkipped()) return;
        sources?.recordBuild(dir, assets);
        try {
          await runAudit(dir, { ...audit, now: buildNow ?? audit.now }, logger, {
            root: root ?? dir,
            ...(sources ? { sources } : {}),
            ...(rendered ? { rendered } : {}),
          });
        } finally {
          // Stopping our workers must not fail the build either.
          await rendered?.close().catch(() => undefined);
          rendered = undefined;
        }
      },
    },
  };
}

/** A URL string or `{ url, token }` is a collector's report endpoint; any other string a report file. */
function metricsSource(metrics: string | { url: string; token?: string | undefined }): MetricsSource {
  if (typeof metrics !== 'string') return metrics;
  return /^https?:\/\//i.test(metrics) ? { url: metrics } : { file: metrics };
}
