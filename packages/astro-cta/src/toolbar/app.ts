import type { Finding } from '@astro-cta/audit';
import { defineToolbarApp } from 'astro/toolbar';
import { ElementHighlighter, findElement } from './highlight.ts';
import { MetricsOverlay } from './metrics-overlay.ts';
import {
  AUDIT_REQUEST,
  AUDIT_RESPONSE,
  type AuditRequest,
  type AuditResponse,
  METRICS_REQUEST,
  METRICS_RESPONSE,
  type MetricsRequest,
  type MetricsResponse,
} from './protocol.ts';
import { type AuditState, FindingsView, type SourceLocation } from './view.ts';

/** How long to wait for the dev server's answer before saying so in the window. */
const ANSWER_TIMEOUT_MS = 20_000;

/**
 * The dev toolbar app: fetches the HTML the dev server renders for the current page (what the build audit would
 * see, before any script ran), has the dev server audit it with the build's rules, and lists the findings.
 * Every failure ends up as a message in the window; nothing here may throw into the page.
 */
export default defineToolbarApp({
  init(canvas, app, server) {
    const highlighter = new ElementHighlighter(canvas);
    // Measured numbers next to each CTA, when the integration's `metrics` option is set (nothing answers otherwise).
    const overlay = new MetricsOverlay(canvas);
    let metricsRequest: string | undefined;
    /** The page's server-rendered document, parsed once per audit: dev builds annotate its elements with their source. */
    let renderedPage: Document | undefined;
    /** The project file that renders the current page (`src/pages/…`), from the dev server's routes. */
    let pageFile: string | undefined;
    let kitDir: string | undefined;
    let pending: { requestId: string; timeout: ReturnType<typeof setTimeout> } | undefined;

    const view = new FindingsView(canvas, {
      rerun: () => void audit(),
      highlight: (finding) => highlighter.show(finding),
      sourceOf: (finding) => sourceOf(finding, renderedPage, pageFile, kitDir),
      openInEditor: (source) =>
        void fetch(`/__open-in-editor?file=${encodeURIComponent(source.file)}`).catch(() => undefined),
    });

    function show(state: AuditState): void {
      view.render(state);
      // A failed audit says nothing about the page: no notification rather than a stale one from the last page.
      if (state.status !== 'done') return app.toggleNotification({ state: false });
      const level = state.findings.some((f) => f.severity === 'error')
        ? 'error'
        : state.findings.some((f) => f.severity === 'warning')
          ? 'warning'
          : undefined;
      app.toggleNotification(level ? { state: true, level } : { state: false });
    }

    server.on<AuditResponse>(AUDIT_RESPONSE, (response) => {
      if (!pending || response?.requestId !== pending.requestId) return; // another tab's, or an outdated, answer
      clearTimeout(pending.timeout);
      pending = undefined;
      const route = response.ok ? response.route : location.pathname;
      pageFile = response.ok ? response.pageFile : undefined;
      kitDir = response.ok ? response.kitDir : undefined;
      show(
        response.ok
          ? { status: 'done', route, findings: response.findings, durationMs: response.durationMs }
          : { status: 'failed', route, message: response.message },
      );
    });

    server.on<MetricsResponse>(METRICS_RESPONSE, (response) => {
      if (!metricsRequest || response?.requestId !== metricsRequest) return; // another tab's, or an outdated, answer
      metricsRequest = undefined;
      overlay.show(response);
    });

    async function audit(): Promise<void> {
      const route = location.pathname;
      overlay.clear();
      metricsRequest = `m-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
      server.send<MetricsRequest>(METRICS_REQUEST, { requestId: metricsRequest, pathname: route });
      if (pending) clearTimeout(pending.timeout);
      const requestId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
      pending = {
        requestId,
        timeout: setTimeout(() => {
          if (pending?.requestId !== requestId) return;
          pending = undefined;
          show({
            status: 'failed',
            route,
            message: `The dev server did not answer within ${ANSWER_TIMEOUT_MS / 1000} s. Check the terminal running astro dev, then press Re-run.`,
          });
        }, ANSWER_TIMEOUT_MS),
      };
      highlighter.clear();
      show({ status: 'loading', route });
      try {
        const html = await renderedHtml();
        renderedPage = new DOMParser().parseFromString(html, 'text/html');
        if (pending?.requestId !== requestId) return; // a newer audit started meanwhile
        server.send<AuditRequest>(AUDIT_REQUEST, { requestId, pathname: route, html });
      } catch (error) {
        if (pending?.requestId !== requestId) return;
        clearTimeout(pending.timeout);
        pending = undefined;
        show({ status: 'failed', route, message: error instanceof Error ? error.message : String(error) });
      }
    }

    void audit();
    // Client-side navigation (view transitions) keeps the toolbar and swaps the page: audit the new one.
    document.addEventListener('astro:after-swap', () => void audit());
    // An edit that Vite applies without a full reload can change the page too.
    let afterUpdate: ReturnType<typeof setTimeout> | undefined;
    import.meta.hot?.on('vite:afterUpdate', () => {
      clearTimeout(afterUpdate);
      afterUpdate = setTimeout(() => void audit(), 300);
    });
    app.onToggled(({ state }) => {
      if (!state) highlighter.clear();
      // The page may have moved since the labels were placed (fonts, images, scrolling containers).
      else overlay.reposition();
    });
  },
});

async function renderedHtml(): Promise<string> {
  let response: Response;
  try {
    response = await fetch(location.href, { headers: { accept: 'text/html' }, cache: 'no-store' });
  } catch (error) {
    throw new Error(
      `Could not load this page's HTML from the dev server (${error instanceof Error ? error.message : String(error)}). Is astro dev still running?`,
    );
  }
  if (!response.ok)
    throw new Error(
      `Could not load this page's HTML to audit it: the dev server answered ${response.status} ${response.statusText}.`,
    );
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('html'))
    throw new Error(`This page is not HTML (${type || 'no content type'}), so there is nothing to audit.`);
  return response.text();
}

/**
 * Where to edit what a finding is about: its element's own source (Astro's dev annotations) when that is a file of
 * the project (not a package's, not astro-cta's), else the page's file: a `<CTA>` is annotated with the kit's own
 * component, which is not where to fix it.
 */
function sourceOf(
  finding: Finding,
  renderedPage: Document | undefined,
  pageFile: string | undefined,
  kitDir: string | undefined,
): SourceLocation | undefined {
  const root = (window as { __astro_dev_toolbar__?: { root?: string } }).__astro_dev_toolbar__?.root ?? '';
  const inProject = (file: string) =>
    file.startsWith(root) && !file.includes('/node_modules/') && !(kitDir && file.startsWith(kitDir));
  const element = renderedPage ? findElement(finding, renderedPage) : undefined;
  const file = element?.getAttribute('data-astro-source-file');
  const loc = element?.getAttribute('data-astro-source-loc');
  const source = file && inProject(file) ? (loc ? `${file}:${loc}` : file) : pageFile;
  if (!source) return undefined;
  return { file: source, label: root && source.startsWith(root) ? source.slice(root.length) : source };
}
