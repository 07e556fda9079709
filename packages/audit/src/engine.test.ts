import { describe, expect, it } from 'vitest';
import { AUDIT_ERROR, auditHtml, createAuditRun } from './engine.ts';
import { createPage } from './page.ts';
import { ctaNestedInteractive } from './rules/cta-nested-interactive.ts';
import { countdownsOf } from './rules/support/countdown.ts';
import { jsonLdOf } from './rules/support/jsonld.ts';
import type { Rule } from './types.ts';

const throwing: Rule = {
  meta: {
    id: 'always-throws',
    severity: 'warning',
    category: 'copy',
    description: '',
    rationale: '',
    examples: { fail: [], pass: [] },
  },
  check() {
    throw new TypeError('boom');
  },
};
const reporting: Rule = {
  meta: { ...throwing.meta, id: 'always-reports' },
  check(page, report) {
    report({ message: 'found', element: page.ctas[0]?.element });
  },
};

describe('the page step', () => {
  it('turns a rule that throws into a finding of its own and still runs the other rules', () => {
    const findings = auditHtml('<main><a data-cta="x" href="/">Go to the shop</a></main>', [throwing, reporting]);
    expect(findings.map((finding) => finding.ruleId)).toEqual([AUDIT_ERROR, 'always-reports']);
    expect(findings[0]!.message).toContain('always-throws failed on this page (TypeError: boom)');
  });

  it('reports a mistake repeated by a loop once, with where the repeats are, and keeps different messages apart', () => {
    // Any site renders cards from one component: ten identical findings on one page are one mistake to fix.
    const card = '<a href="#c"><div class="card"><a href="/p">See products</a></div></a>';
    const html = `<main>\n${card}\n${card}\n${card}\n<a href="/"><button>Other</button></a></main>`;
    const findings = auditHtml(html, [ctaNestedInteractive]);
    expect(findings).toHaveLength(2);
    expect(findings[0]!.line).toBe(2);
    expect(findings[0]!.alsoAt).toEqual([
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
    expect(findings[1]!.message).toContain('contains a <button>');
    expect(findings[1]!.alsoAt).toBeUndefined();
  });

  it('honours data-cta-ignore on the element or an ancestor, by id or all', () => {
    const html = (ignore: string) =>
      `<main><section data-cta-ignore="${ignore}"><a data-cta="x" href="/">Shop</a></section></main>`;
    expect(auditHtml(html('always-reports'), [reporting])).toEqual([]);
    expect(auditHtml(html('all'), [reporting])).toEqual([]);
    expect(auditHtml(html('other-rule, another'), [reporting])).toHaveLength(1);
  });
});

describe('createAuditRun', () => {
  const keeping: Rule = {
    meta: {
      ...throwing.meta,
      id: 'counts-pages',
      messages: { seen: 'Seen on {count} pages, last on {last}.' },
    },
    check(page, _report, site) {
      site.keep(page.route);
    },
    afterAll(report, site) {
      const routes = site.kept as string[];
      if (routes.length > 0)
        report({
          route: routes.at(-1)!,
          file: 'x.html',
          messageId: 'seen',
          data: { count: routes.length, last: '/b/' },
        });
    },
  };
  const cta = '<main><a data-cta="x" href="/">Go to the shop</a></main>';

  it('audits pages as they are fed, then finishes with the rules that compare pages', () => {
    const run = createAuditRun({ rules: [reporting, keeping], site: { routes: ['/', '/b/'] } });
    expect(run.page(cta, { route: '/', file: 'index.html' })).toEqual([
      expect.objectContaining({ ruleId: 'always-reports', route: '/', message: 'found' }),
    ]);
    run.page(cta, { route: '/b/', file: 'b/index.html', sourceHint: 'src/pages/b.astro' });
    const result = run.finish();
    expect(result.pages).toBe(2);
    expect(result.findings.map((finding) => [finding.ruleId, finding.route, finding.sourceHint])).toEqual([
      ['always-reports', '/', undefined],
      ['always-reports', '/b/', 'src/pages/b.astro'],
      ['counts-pages', '/b/', undefined],
    ]);
    expect(result.findings[2]).toMatchObject({ messageId: 'seen', message: 'Seen on 2 pages, last on /b/.' });
    expect(result.counts).toEqual({ error: 0, warning: 3, info: 0 });
  });

  it('gives the same result for a page checked elsewhere (a worker thread) and added, as for one audited here', () => {
    const options = { rules: [reporting, keeping], site: { routes: ['/'] } };
    const here = createAuditRun(options);
    here.page(cta, { route: '/', file: 'index.html' });
    const main = createAuditRun(options);
    const worker = createAuditRun(options);
    // Plain data crosses threads: a structured clone is what the main thread receives.
    const checked = structuredClone(worker.check(new TextEncoder().encode(cta), { route: '/', file: 'index.html' }));
    main.add(checked, { route: '/', file: 'index.html' });
    expect(main.finish()).toEqual(here.finish());
    // The worker's own run keeps nothing: its site step has nothing to compare.
    expect(worker.finish().findings).toEqual([]);
  });

  it('leaves out what a page opted out of, on the page and in the site step', () => {
    const run = createAuditRun({ rules: [reporting, keeping], site: { routes: ['/', '/b/'] } });
    run.page(cta, { route: '/', file: 'index.html', skip: ['always-reports', 'counts-pages'] });
    run.page(cta, { route: '/b/', file: 'b/index.html' });
    const { findings } = run.finish();
    expect(findings.map((finding) => [finding.ruleId, finding.route])).toEqual([
      ['always-reports', '/b/'],
      ['counts-pages', '/b/'],
    ]);
    expect(findings[1]!.message).toBe('Seen on 1 pages, last on /b/.');
  });

  it('hands audit-wide options to the rules that declare them, and to no other', () => {
    const run = createAuditRun({ options: { requireCta: ['/landing/**'], unknownToAll: true } });
    const configured = run.rules.filter((rule) => rule.options);
    expect(configured.map((rule) => [rule.meta.id, rule.options])).toEqual([
      ['page-no-cta', { requireCta: ['/landing/**'] }],
    ]);
    const empty = '<html><body><main><h1>Pricing</h1><p>Plans.</p></main></body></html>';
    expect(run.page(empty, { route: '/pricing/', file: 'pricing/index.html' })).toEqual([]);
    expect(run.page(empty, { route: '/landing/a/', file: 'landing/a/index.html' })).toEqual([
      expect.objectContaining({ ruleId: 'page-no-cta', messageId: 'missingRequired' }),
    ]);
  });

  it('turns a message id the rule does not declare into an audit error naming it; plain messages still work', () => {
    const typo: Rule = {
      meta: { ...throwing.meta, id: 'typo', messages: { known: 'Known.' } },
      check(_page, report) {
        report({ messageId: 'unknown' });
      },
    };
    const findings = auditHtml(cta, [typo, reporting]);
    expect(findings.map((finding) => finding.ruleId)).toEqual([AUDIT_ERROR, 'always-reports']);
    expect(findings[0]!.message).toContain('message id "unknown", which its meta.messages lacks');
    expect(findings[1]!.messageId).toBeUndefined();
  });

  it('reports a page it cannot decode instead of throwing', () => {
    const run = createAuditRun({ rules: [reporting] });
    const findings = run.page(new Uint8Array([0, 1, 2, 0]), { route: '/bin/', file: 'bin.html' });
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: AUDIT_ERROR, severity: 'warning', message: expect.stringContaining('binary') }),
    ]);
  });
});

describe('onPage: the run hands back the page objects it parsed', () => {
  it('gives each page, after its rules ran, with the facts they read (the CTAs recognised), in the order fed', () => {
    const seen: { route: string; ctas: string[]; findingsSoFar: number }[] = [];
    let findingsSoFar = 0;
    const run = createAuditRun({
      rules: [reporting],
      site: { routes: ['/a/', '/b/'] },
      onPage: (page) => seen.push({ route: page.route, ctas: page.ctas.map((cta) => cta.name), findingsSoFar }),
    });
    findingsSoFar += run.page('<main><a data-cta="trial" href="/t">Start the trial</a></main>', {
      route: '/a/',
      file: 'a/index.html',
    }).length;
    run.page('<main><p>No offer here.</p></main>', { route: '/b/', file: 'b/index.html' });
    expect(seen).toEqual([
      { route: '/a/', ctas: ['Start the trial'], findingsSoFar: 0 },
      { route: '/b/', ctas: [], findingsSoFar: 1 },
    ]);
    expect(run.finish().pages).toBe(2);
  });

  it('is not given a page that could not be read, and a host that throws in it is not an audit error', () => {
    const seen: string[] = [];
    const run = createAuditRun({ rules: [reporting], onPage: (page) => seen.push(page.route) });
    const findings = run.page(new Uint8Array([0, 1, 2, 0]), { route: '/bin/', file: 'bin.html' });
    expect(findings.map((finding) => finding.ruleId)).toEqual([AUDIT_ERROR]);
    expect(seen).toEqual([]);

    const failing = createAuditRun({
      rules: [reporting],
      onPage: () => {
        throw new Error('the host failed');
      },
    });
    expect(() => failing.page('<main><a href="/x">Go</a></main>', { route: '/x/', file: 'x.html' })).toThrow(
      'the host failed',
    );
  });
});

describe('page facts', () => {
  it('are computed on first use and kept on the page: every rule reads the same objects', () => {
    const html =
      '<html><body><main><h1>Sale</h1><div data-cta-countdown="2026-12-31T23:59:00+01:00"></div>' +
      '<script type="application/ld+json">{"@type":"Product","name":"A"}</script>' +
      '<a class="btn" href="/buy">Buy the plan</a></main></body></html>';
    const page = createPage(html, '/tags/x/', 'tags/x/index.html', { routes: new Set(['/tags/x/']) });
    expect(page.countdowns).toHaveLength(1);
    expect(page.countdowns).toBe(page.countdowns);
    expect(page.jsonLd.nodes.map((node) => node.types)).toEqual([['Product']]);
    expect(page.jsonLd).toBe(page.jsonLd);
    expect(page.ctas).toBe(page.ctas);
    expect(page.visibleText).toContain('Buy the plan');
    expect(page.kind).toMatchObject({ kind: 'taxonomy', converting: false });
    expect(page.kind).toBe(page.kind);
    expect(page.elements.map((element) => element.name)).toEqual(['html', 'body', 'main', 'h1', 'div', 'script', 'a']);
    // The accessors rules used before the facts moved onto the page give the very same objects.
    expect(countdownsOf(page)).toBe(page.countdowns);
    expect(jsonLdOf(page)).toBe(page.jsonLd);
  });

  it('keep nothing in modules: two pages parsed one after the other keep their own facts', () => {
    const a = createPage('<main><a class="btn" href="/a">Start the trial</a></main>', '/a/', 'a.html');
    const b = createPage('<main><a class="btn" href="/b">Book a demo</a></main>', '/b/', 'b.html');
    expect(b.ctas.map((cta) => cta.name)).toEqual(['Book a demo']);
    expect(a.ctas.map((cta) => cta.name)).toEqual(['Start the trial']);
    expect(a.elements).not.toBe(b.elements);
  });
});
