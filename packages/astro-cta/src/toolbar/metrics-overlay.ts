import type { CtaFigures, MetricsResponse } from './protocol.ts';

const STYLE = `
  .cta-metric { position: absolute; z-index: 2000000010; pointer-events: auto; font: 12px/1.35 system-ui, sans-serif;
    color: #fff; background: #13151a; border: 1px solid #6d28d9; border-radius: 6px; padding: 4px 7px;
    box-shadow: 0 2px 8px rgb(0 0 0 / .35); white-space: nowrap; }
  .cta-metric b { font-weight: 650; } .cta-metric .ci, .cta-metric .n { color: #bfc1c9; }
  .cta-metric-status { position: fixed; top: 12px; right: 12px; z-index: 2000000010; max-width: 32rem;
    font: 12px/1.4 system-ui, sans-serif; color: #fff; background: #13151a; border: 1px solid #6d28d9;
    border-radius: 6px; padding: 6px 9px; white-space: normal; }
  .cta-metric-status.error { border-color: #dc2626; }
`;

const percent = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);
const interval = (low: number | null, high: number | null) =>
  low === null || high === null ? '' : `${percent(low)}–${percent(high)}`;

/**
 * Each measured CTA's CTR and conversion rate, with their 95% intervals, in a label next to every element of the
 * page that carries its `data-cta` id, drawn in the app's canvas (never inside the page's markup); plus a line saying
 * where the numbers come from, or why there are none.
 */
export class MetricsOverlay {
  #canvas: ShadowRoot;
  #labels: { label: HTMLElement; element: Element }[] = [];
  #status: HTMLElement | undefined;

  constructor(canvas: ShadowRoot) {
    this.#canvas = canvas;
    const style = document.createElement('style');
    style.textContent = STYLE;
    canvas.append(style);
    window.addEventListener('resize', () => this.reposition());
  }

  show(response: MetricsResponse): void {
    this.clear();
    if (!response.ok) {
      this.#say(`CTA metrics: ${response.message}`, true);
      return;
    }
    let shown = 0;
    for (const figures of response.ctas) {
      for (const element of document.querySelectorAll(`[data-cta="${CSS.escape(figures.cta)}"]`)) {
        const label = this.#label(figures);
        this.#canvas.append(label);
        this.#labels.push({ label, element });
        shown++;
      }
    }
    // In the page's order, so that where labels would overlap, the first CTA keeps its place and the next moves.
    this.#labels.sort((a, b) =>
      a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
    const measured = response.ctas.length;
    const summary =
      measured === 0
        ? 'no CTA of this page was measured'
        : `${measured} CTA${measured === 1 ? '' : 's'} measured, ${shown} shown on the page`;
    this.#say(`CTA metrics from ${response.source} (${response.period}; ranges are 95% intervals): ${summary}.`, false);
    this.reposition();
  }

  clear(): void {
    for (const { label } of this.#labels) label.remove();
    this.#labels = [];
    this.#status?.remove();
    this.#status = undefined;
  }

  /**
   * Puts each label just below its element's left edge, or lower where it would cover an earlier label (CTAs side
   * by side); elements that take no space get none.
   */
  reposition(): void {
    const placed: DOMRect[] = [];
    for (const { label, element } of this.#labels) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) {
        label.style.display = 'none';
        continue;
      }
      const left = Math.max(4, rect.left + window.scrollX);
      let top = rect.bottom + window.scrollY + 4;
      Object.assign(label.style, { display: 'block', top: `${top}px`, left: `${left}px` });
      const { width, height } = label.getBoundingClientRect();
      for (let moved = true; moved; ) {
        moved = false;
        for (const other of placed) {
          const overlaps =
            left < other.right && other.left < left + width && top < other.bottom && other.top < top + height;
          if (overlaps) {
            top = other.bottom + 4;
            moved = true;
          }
        }
      }
      label.style.top = `${top}px`;
      placed.push(new DOMRect(left, top, width, height));
    }
  }

  #label(figures: CtaFigures): HTMLElement {
    const label = document.createElement('div');
    label.className = 'cta-metric';
    label.dataset.ctaMetric = figures.cta;
    label.setAttribute('role', 'note');
    const line = (name: string, value: number | null, low: number | null, high: number | null) => {
      const part = document.createElement('div');
      const bold = document.createElement('b');
      bold.textContent = `${name} ${percent(value)}`;
      part.append(bold);
      const range = interval(low, high);
      if (range) {
        const span = document.createElement('span');
        span.className = 'ci';
        span.textContent = ` ${range}`;
        part.append(span);
      }
      return part;
    };
    const counts = document.createElement('div');
    counts.className = 'n';
    const perClick = figures.conversionsPerClick === null ? '' : ` (${percent(figures.conversionsPerClick)} of clicks)`;
    counts.textContent = `${figures.impressions} views · ${figures.clicks} clicks · ${figures.convertedClicks} conv.${perClick}`;
    label.append(
      line('CTR', figures.ctr, figures.ctrLow, figures.ctrHigh),
      line(
        'conv.',
        figures.conversionsPerImpression,
        figures.conversionsPerImpressionLow,
        figures.conversionsPerImpressionHigh,
      ),
      counts,
    );
    label.title =
      `data-cta="${figures.cta}": CTR (clicked page views per page view that showed it) and conversions per page ` +
      'view, each with its 95% interval';
    return label;
  }

  #say(text: string, error: boolean): void {
    const status = document.createElement('div');
    status.className = `cta-metric-status${error ? ' error' : ''}`;
    status.dataset.ctaMetricStatus = error ? 'error' : 'ok';
    status.setAttribute('role', error ? 'alert' : 'status');
    status.textContent = text;
    this.#canvas.append(status);
    this.#status = status;
  }
}
