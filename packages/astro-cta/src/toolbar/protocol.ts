import type { CtaMetrics, Finding } from '@astro-cta/audit';

/**
 * The messages the toolbar app and the dev server exchange over Vite's HMR channel (the dev toolbar's
 * `server.send/on` on one side, the `astro:server:setup` hook's `toolbar.on/send` on the other).
 */
export const TOOLBAR_APP_ID = 'astro-cta';
export const AUDIT_REQUEST = 'astro-cta:audit-request';
export const AUDIT_RESPONSE = 'astro-cta:audit-response';

/** The app asks for an audit of the page it is on, with the HTML the dev server rendered for it. */
export interface AuditRequest {
  /** Answers are broadcast to every open tab; each tab keeps only the answer to its own request. */
  requestId: string;
  /** `location.pathname` of the page. */
  pathname: string;
  html: string;
}

export type AuditResponse =
  | {
      requestId: string;
      ok: true;
      route: string;
      findings: Finding[];
      durationMs: number;
      /** Absolute path of the project file that renders the page (`src/pages/…`), when the dev server knows it. */
      pageFile?: string;
      /** Where astro-cta itself is: its components' source annotations do not say where to fix a page. */
      kitDir: string;
    }
  | { requestId: string; ok: false; message: string };

export const METRICS_REQUEST = 'astro-cta:metrics-request';
export const METRICS_RESPONSE = 'astro-cta:metrics-response';

/** The app asks for the measured numbers of the page it is on (the `metrics` option of the integration). */
export interface MetricsRequest {
  requestId: string;
  /** `location.pathname` of the page. */
  pathname: string;
}

/** One CTA's measured numbers on this page: the collector report's row as the audit reads it, without the page. */
export type CtaFigures = Omit<CtaMetrics, 'page'>;

export type MetricsResponse =
  | {
      requestId: string;
      ok: true;
      /** Where the numbers come from (file or collector URL, without its token) and the period they cover. */
      source: string;
      period: string;
      ctas: CtaFigures[];
    }
  | { requestId: string; ok: false; message: string };
