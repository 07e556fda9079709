import type { Finding, Severity } from '@astro-cta/audit';
import type { HighlightResult } from './highlight.ts';

export type AuditState =
  | { status: 'loading'; route: string }
  | { status: 'failed'; route: string; message: string }
  | { status: 'done'; route: string; findings: Finding[]; durationMs: number };

/** Where a finding's element comes from in the project (dev builds annotate elements with it). */
export interface SourceLocation {
  /** Absolute path with `:line:column`, as `/__open-in-editor` wants it. */
  file: string;
  /** The same, relative to the project root, for display. */
  label: string;
}

export interface ViewActions {
  rerun(): void;
  highlight(finding: Finding): HighlightResult;
  sourceOf(finding: Finding): SourceLocation | undefined;
  openInEditor(source: SourceLocation): void;
}

const GROUPS: { severity: Severity; title: string; badge: string }[] = [
  { severity: 'error', title: 'Errors', badge: 'red' },
  { severity: 'warning', title: 'Warnings', badge: 'yellow' },
  { severity: 'info', title: 'Info', badge: 'blue' },
];

const STYLES = `
  astro-dev-toolbar-window { gap: 12px; }
  header { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
  header h1 { margin: 0; font-size: 18px; color: #fff; }
  header .route { font-family: ui-monospace, monospace; font-size: 13px; color: #fff; }
  header astro-dev-toolbar-button { margin-inline-start: auto; }
  .body { overflow-y: auto; overflow-x: hidden; min-height: 0; }
  .status { margin: 0; }
  .status.failed { color: #f2a3bd; }
  section h2 { font-size: 14px; margin: 12px 0 6px; color: #fff; display: flex; gap: 8px; align-items: center; }
  ul { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: minmax(0, 1fr); gap: 8px; }
  li { min-width: 0; border: 1px solid rgba(52, 56, 65, 1); border-radius: 8px; padding: 10px 12px; background: #1b1e24; }
  li[data-active] { border-color: rgba(224, 204, 250, 0.8); }
  .locate { all: unset; box-sizing: border-box; cursor: pointer; display: block; width: 100%; }
  .locate:focus-visible { outline: 2px solid #bdc3ff; outline-offset: 4px; border-radius: 4px; }
  .locate:hover .message { text-decoration: underline; }
  .rule { font-family: ui-monospace, monospace; font-size: 12px; color: #bdc3ff; }
  .message { display: block; color: #fff; line-height: 1.4; margin-top: 2px; }
  code { display: block; margin-top: 6px; font-size: 12px; color: rgba(191, 193, 201, 1); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .links { display: flex; gap: 14px; margin-top: 8px; font-size: 13px; flex-wrap: wrap; align-items: center; }
  .links a, .links button { all: unset; cursor: pointer; color: #bdc3ff; text-decoration: underline; }
  .links a:focus-visible, .links button:focus-visible { outline: 2px solid #bdc3ff; }
  .note { margin: 6px 0 0; font-size: 13px; color: #ffd37a; }
`;

/** The app's window: the current page's findings grouped by severity, in the toolbar's own look. */
export class FindingsView {
  readonly window: HTMLElement;
  #route: HTMLElement;
  #body: HTMLElement;
  #actions: ViewActions;

  constructor(canvas: ShadowRoot, actions: ViewActions) {
    this.#actions = actions;
    const style = document.createElement('style');
    style.textContent = STYLES;
    this.window = document.createElement('astro-dev-toolbar-window');
    const header = document.createElement('header');
    const title = el('h1', {}, 'CTA audit');
    this.#route = el('span', { class: 'route' });
    const rerun = document.createElement('astro-dev-toolbar-button');
    rerun.setAttribute('size', 'small');
    rerun.setAttribute('button-style', 'gray');
    rerun.textContent = 'Re-run';
    rerun.addEventListener('click', () => actions.rerun());
    header.append(title, this.#route, rerun);
    this.#body = el('div', { class: 'body' });
    this.window.append(header, el('hr'), this.#body);
    canvas.append(style, this.window);
  }

  render(state: AuditState): void {
    this.#route.textContent = state.route;
    this.#body.replaceChildren(...this.#content(state));
  }

  #content(state: AuditState): Node[] {
    if (state.status === 'loading') return [el('p', { class: 'status', role: 'status' }, `Auditing ${state.route}…`)];
    if (state.status === 'failed') return [el('p', { class: 'status failed', role: 'alert' }, state.message)];
    if (state.findings.length === 0) {
      return [
        el(
          'p',
          { class: 'status', role: 'status' },
          `No CTA problems on this page (audited in ${Math.round(state.durationMs)} ms).`,
        ),
      ];
    }
    return GROUPS.flatMap(({ severity, title, badge }) => {
      const findings = state.findings.filter((finding) => finding.severity === severity);
      if (findings.length === 0) return [];
      const count = document.createElement('astro-dev-toolbar-badge');
      count.setAttribute('badge-style', badge);
      count.setAttribute('size', 'small');
      count.textContent = String(findings.length);
      const heading = el('h2', {}, title);
      heading.append(count);
      const list = el('ul');
      list.append(...findings.map((finding) => this.#item(finding)));
      const section = el('section', { 'data-severity': severity, 'aria-label': title });
      section.append(heading, list);
      return [section];
    });
  }

  #item(finding: Finding): HTMLElement {
    const item = el('li', { 'data-rule': finding.ruleId });
    const summary = [el('span', { class: 'rule' }, finding.ruleId), el('span', { class: 'message' }, finding.message)];
    if (finding.excerpt) summary.push(el('code', {}, finding.excerpt));
    const note = el('p', { class: 'note', hidden: '' });
    if (finding.selector) {
      const locate = el('button', { type: 'button', class: 'locate', title: 'Show this element on the page' });
      locate.append(...summary);
      locate.addEventListener('click', () => {
        this.window.querySelectorAll('li[data-active]').forEach((other) => other.removeAttribute('data-active'));
        item.setAttribute('data-active', '');
        const result = this.#actions.highlight(finding);
        note.hidden = result === 'shown';
        note.textContent =
          result === 'not-found'
            ? `This element (${finding.selector}) is not on the page any more: a script may have changed it. Reload to audit again.`
            : 'This element is on the page but takes no space (hidden?), so it cannot be outlined.';
      });
      item.append(locate);
    } else {
      item.append(...summary, el('span', { class: 'message' }, 'This finding is about the whole page.'));
    }
    const links = el('div', { class: 'links' });
    links.append(
      el('a', { href: finding.helpUrl, target: '_blank', rel: 'noopener noreferrer' }, `Rule docs: ${finding.ruleId}`),
    );
    const source = this.#actions.sourceOf(finding);
    if (source) {
      const open = el('button', { type: 'button', title: 'Open in your editor' }, source.label);
      open.addEventListener('click', () => this.#actions.openInEditor(source));
      links.append(open);
    }
    item.append(links, note);
    return item;
  }
}

/** Builds an element; text goes through textContent, so findings can never inject markup into the toolbar. */
function el(tag: string, attributes: Record<string, string> = {}, text?: string): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}
