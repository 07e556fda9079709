import type { Finding } from '@astro-cta/audit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ElementHighlighter } from './highlight.ts';
import { FindingsView, type ViewActions } from './view.ts';

const finding = (overrides: Partial<Finding>): Finding => ({
  ruleId: 'cta-generic-text',
  severity: 'warning',
  message: 'CTA text "Learn more" is generic.',
  route: '/',
  file: '/',
  helpUrl: 'https://astro-cta.dev/rules/cta-generic-text/',
  ...overrides,
});

function setUp(actions: Partial<ViewActions> = {}) {
  const host = document.createElement('div');
  document.body.append(host);
  const canvas = host.attachShadow({ mode: 'open' });
  const highlighter = new ElementHighlighter(canvas);
  const view = new FindingsView(canvas, {
    rerun: vi.fn(),
    highlight: (f) => highlighter.show(f),
    sourceOf: () => undefined,
    openInEditor: vi.fn(),
    ...actions,
  });
  return { canvas, view, host };
}

afterEach(() => {
  document.body.replaceChildren();
  window.scrollTo(0, 0);
});

describe('the toolbar window', () => {
  it('groups findings by severity, errors first, with a count each, and shows markup in findings as text', () => {
    const { view } = setUp();
    view.render({
      status: 'done',
      route: '/pricing/',
      durationMs: 3,
      findings: [
        finding({ severity: 'info', ruleId: 'cta-below-fold' }),
        finding({ severity: 'warning', message: '<img src=x onerror="window.pwned=1"> is generic' }),
        finding({ severity: 'error', ruleId: 'cta-name' }),
        finding({ severity: 'warning', ruleId: 'page-no-cta', message: 'No CTA.' }),
      ],
    });
    const sections = [...view.window.querySelectorAll('section')];
    expect(
      sections.map((s) => [
        s.getAttribute('aria-label'),
        s.querySelectorAll('li').length,
        s.querySelector('astro-dev-toolbar-badge')?.textContent,
      ]),
    ).toEqual([
      ['Errors', 1, '1'],
      ['Warnings', 2, '2'],
      ['Info', 1, '1'],
    ]);
    expect(view.window.querySelector('header .route')?.textContent).toBe('/pricing/');
    expect(view.window.querySelector('img')).toBeNull();
    expect(view.window.textContent).toContain('<img src=x onerror="window.pwned=1"> is generic');
    const link = view.window.querySelector<HTMLAnchorElement>('li[data-rule="cta-name"] a');
    expect([link?.href, link?.target, link?.rel]).toEqual([
      'https://astro-cta.dev/rules/cta-generic-text/',
      '_blank',
      'noopener noreferrer',
    ]);
  });

  it('says so when the page is clean, while it audits, and when the audit failed', () => {
    const { view } = setUp();
    view.render({ status: 'loading', route: '/a/' });
    expect(view.window.querySelector('[role="status"]')?.textContent).toBe('Auditing /a/…');
    view.render({ status: 'done', route: '/a/', findings: [], durationMs: 2.4 });
    expect(view.window.querySelector('[role="status"]')?.textContent).toBe(
      'No CTA problems on this page (audited in 2 ms).',
    );
    view.render({ status: 'failed', route: '/a/', message: 'The dev server did not answer.' });
    expect(view.window.querySelector('[role="alert"]')?.textContent).toBe('The dev server did not answer.');
    expect(view.window.querySelector('section')).toBeNull();
  });

  it('outlines the element of a finding and scrolls to it; page-level findings have nothing to click', () => {
    const { view, canvas } = setUp();
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    const cta = document.createElement('a');
    cta.href = '/x';
    cta.id = 'buy';
    cta.textContent = 'Learn more';
    cta.style.display = 'inline-block';
    document.body.append(spacer, cta, spacer.cloneNode());
    view.render({
      status: 'done',
      route: '/',
      durationMs: 1,
      findings: [
        finding({ severity: 'error', selector: '#buy', excerpt: '<a href="/x" id="buy">Learn more</a>' }),
        finding({ ruleId: 'page-no-cta', message: 'No CTA.' }),
      ],
    });
    expect(view.window.querySelector('li[data-rule="page-no-cta"] button.locate')).toBeNull();
    view.window.querySelector<HTMLButtonElement>('li[data-rule="cta-generic-text"] button.locate')!.click();

    const highlight = canvas.querySelector<HTMLElement>('astro-dev-toolbar-highlight');
    expect(highlight?.getAttribute('highlight-style')).toBe('red');
    const rect = cta.getBoundingClientRect();
    // Scrolled near the top of the viewport, above where the app's window sits.
    expect(window.scrollY).toBeGreaterThan(2000);
    expect(Math.abs(rect.top - window.innerHeight * 0.2)).toBeLessThan(2);
    expect(parseFloat(highlight!.style.top)).toBeCloseTo(rect.top + window.scrollY - 6, 0);
    expect(parseFloat(highlight!.style.width)).toBeCloseTo(rect.width + 12, 0);
    expect(view.window.querySelector<HTMLElement>('li[data-rule="cta-generic-text"] .note')!.hidden).toBe(true);
  });

  it('explains when the element is gone from the live page or has another tag now', () => {
    const { view, canvas } = setUp();
    document.body.append(Object.assign(document.createElement('button'), { id: 'buy' }));
    view.render({
      status: 'done',
      route: '/',
      durationMs: 1,
      findings: [
        finding({ selector: '#buy', excerpt: '<a id="buy">Learn more</a>' }),
        finding({ ruleId: 'cta-name', selector: 'main > a:nth-of-type(9)', excerpt: '<a>' }),
      ],
    });
    for (const rule of ['cta-generic-text', 'cta-name']) {
      view.window.querySelector<HTMLButtonElement>(`li[data-rule="${rule}"] button.locate`)!.click();
      const note = view.window.querySelector<HTMLElement>(`li[data-rule="${rule}"] .note`)!;
      expect(note.hidden).toBe(false);
      expect(note.textContent).toMatch(/is not on the page any more/);
    }
    expect(canvas.querySelector('astro-dev-toolbar-highlight')).toBeNull();
  });

  it('offers the source file and opens it in the editor', () => {
    const openInEditor = vi.fn();
    const source = { file: '/p/src/pages/index.astro:3:1', label: 'src/pages/index.astro:3:1' };
    const { view } = setUp({ sourceOf: () => source, openInEditor });
    view.render({ status: 'done', route: '/', durationMs: 1, findings: [finding({})] });
    const button = [...view.window.querySelectorAll('button')].find(
      (b) => b.textContent === 'src/pages/index.astro:3:1',
    );
    button!.click();
    expect(openInEditor).toHaveBeenCalledWith(source);
  });
});
