import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Rule, rules } from '@astro-cta/audit';
import { describe, expect, it, vi } from 'vitest';
import { AUDIT_REQUEST, AUDIT_RESPONSE, type AuditResponse } from './protocol.ts';
import { DevRoutes, MAX_HTML_BYTES, ToolbarAudit, withoutDevAnnotations } from './server.ts';

const weakPage =
  '<!doctype html><html lang="en"><body><main data-astro-source-file="/p/src/pages/weak.astro" data-astro-source-loc="3:1">' +
  '<h1>Product</h1><a href="/good/" data-cta="more" data-cta-role="primary" data-astro-source-file="/p/src/components/CTA.astro" data-astro-source-loc="28:96">Learn more →</a>' +
  '</main></body></html>';
const logger = () => ({ error: vi.fn(), warn: vi.fn() });

function okResponse(response: AuditResponse | undefined): Extract<AuditResponse, { ok: true }> {
  if (!response?.ok) throw new Error(`expected findings, got ${JSON.stringify(response)}`);
  return response;
}

describe('the dev server side of the toolbar app', () => {
  it('audits the HTML the app sends with the build rules and answers with located findings', async () => {
    const audit = new ToolbarAudit({});
    // The CTA's target is a page of the project, so the only finding is its generic text.
    audit.useRoutes([{ pathname: '/good', patternRegex: /^\/good\/?$/, entrypoint: 'src/pages/good.astro' }] as never);
    const response = okResponse(await audit.respond({ requestId: 'r1', pathname: '/weak/', html: weakPage }, logger()));
    expect(response).toMatchObject({
      requestId: 'r1',
      route: '/weak/',
      kitDir: expect.stringMatching(/packages\/astro-cta\/$/),
    });
    expect(response.findings).toHaveLength(1);
    expect(response.findings[0]).toMatchObject({
      ruleId: 'cta-generic-text',
      severity: 'warning',
      selector: 'body > main > a',
      helpUrl: 'https://astro-cta.dev/rules/cta-generic-text/',
    });
    // Astro's dev-only source annotations are not part of what the build audit sees.
    expect(response.findings[0]!.excerpt).toBe(
      '<a href="/good/" data-cta="more" data-cta-role="primary">Learn more →</a>',
    );
  });

  it('drops page-no-cta on pages that need no CTA, as the build audit does', async () => {
    const noCta = '<html><body><main><p>Our terms.</p></main></body></html>';
    const landingOnly = new ToolbarAudit({ requireCta: ['/landing/**'] });
    expect(
      okResponse(await landingOnly.respond({ requestId: 'a', pathname: '/about/', html: noCta }, logger())).findings,
    ).toEqual([]);
    expect(
      okResponse(
        await landingOnly.respond({ requestId: 'b', pathname: '/landing/x/', html: noCta }, logger()),
      ).findings.map((f) => f.ruleId),
    ).toEqual(['page-no-cta']);
    expect(
      okResponse(await new ToolbarAudit({}).respond({ requestId: 'c', pathname: '/privacy/', html: noCta }, logger()))
        .findings,
    ).toEqual([]);
  });

  it('checks links to #fragments on other pages against those pages as the dev server renders them', async () => {
    const linking =
      '<html><body><main><a href="/pricing/#plans" data-cta="plans">Compare the plans</a>' +
      '<a href="/pricing/#team" data-cta="team">Meet the team behind Acme</a><a href="/about/#x" data-cta="x">Read our whole story</a></main></body></html>';
    const audit = new ToolbarAudit({});
    audit.useRoutes([
      { pathname: '/pricing', patternRegex: /^\/pricing\/?$/, entrypoint: 'src/pages/pricing.astro' },
      { pathname: '/about', patternRegex: /^\/about\/?$/, entrypoint: 'src/pages/about.astro' },
    ] as never);
    const asked: string[] = [];
    const pages = async (route: string) => {
      asked.push(route);
      // /about/ cannot be rendered (an error in the page): its fragments are not judged.
      return route === '/pricing/' ? '<main><section id="plans">Plans</section></main>' : undefined;
    };
    const response = okResponse(await audit.respond({ requestId: 'f', pathname: '/', html: linking }, logger(), pages));
    const dead = response.findings.filter((finding) => finding.ruleId === 'cta-dead-target');
    expect(dead.map((finding) => finding.message)).toEqual([
      expect.stringContaining('links to #team on /pricing/, but no element there has id="team"'),
    ]);
    expect(asked.sort()).toEqual(['/about/', '/pricing/']);
    // Without a way to render other pages, nothing is guessed.
    const alone = okResponse(await audit.respond({ requestId: 'g', pathname: '/', html: linking }, logger()));
    expect(alone.findings.filter((finding) => finding.ruleId === 'cta-dead-target')).toEqual([]);
  });

  it('strips the base path so routes match the build output', () => {
    const audit = new ToolbarAudit({});
    audit.useConfig({
      base: '/docs',
      publicDir: new URL('file:///nowhere/public/'),
      root: new URL('file:///nowhere/'),
    });
    expect(audit.routeOf('/docs/weak/')).toBe('/weak/');
    expect(audit.routeOf('/docs')).toBe('/');
    expect(audit.routeOf('/documents/')).toBe('/documents/');
    expect(audit.routeOf('/docs/caf%C3%A9/')).toBe('/café/');
  });

  it('answers a bad request with a message naming the missing field, and ignores one without an id', async () => {
    const audit = new ToolbarAudit({});
    const log = logger();
    expect(await audit.respond({ requestId: 'x', html: '<p>' }, log)).toEqual({
      requestId: 'x',
      ok: false,
      message: expect.stringMatching(/no pathname/),
    });
    expect(await audit.respond({ requestId: 'x', pathname: '/' }, log)).toEqual({
      requestId: 'x',
      ok: false,
      message: expect.stringMatching(/no html/),
    });
    const huge = 'x'.repeat(MAX_HTML_BYTES + 1);
    expect(await audit.respond({ requestId: 'x', pathname: '/', html: huge }, log)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/toolbar audits pages up to 20 MB/),
    });
    expect(await audit.respond({ pathname: '/', html: '' }, log)).toBeUndefined();
    expect(await audit.respond(null, log)).toBeUndefined();
    expect(log.warn).toHaveBeenCalledTimes(2);
  });

  it('turns a rule that throws into an audit-error finding, and its own failure into a message, never an exception', async () => {
    const broken: Rule = {
      ...rules[0]!,
      meta: { ...rules[0]!.meta, id: 'broken' },
      check: () => {
        throw new TypeError('boom');
      },
    };
    const withBrokenRule = okResponse(
      await new ToolbarAudit({ rules: [broken] }).respond({ requestId: 'r', pathname: '/', html: weakPage }, logger()),
    );
    expect(withBrokenRule.findings).toEqual([
      expect.objectContaining({ ruleId: 'audit-error', message: expect.stringMatching(/Rule broken failed/) }),
    ]);

    const failing = new ToolbarAudit({});
    vi.spyOn(failing, 'audit').mockRejectedValue(new RangeError('stack overflow'));
    const log = logger();
    expect(await failing.respond({ requestId: 'r', pathname: '/weak/', html: weakPage }, log)).toEqual({
      requestId: 'r',
      ok: false,
      message: expect.stringMatching(/The CTA audit failed on this page \(RangeError: stack overflow\)/),
    });
    expect(log.error).toHaveBeenCalledWith(expect.stringMatching(/CTA audit of \/weak\/ failed/));
  });

  it('listens on the toolbar channel and broadcasts the answer under the request id', async () => {
    const handlers = new Map<string, (data: unknown) => void>();
    const sent: [string, unknown][] = [];
    const toolbar = {
      on: (event: string, cb: (data: never) => void) => void handlers.set(event, cb as (data: unknown) => void),
      send: (event: string, payload: unknown) => void sent.push([event, payload]),
    };
    new ToolbarAudit({}).listen(toolbar, { error: vi.fn(), warn: vi.fn() } as never);
    handlers.get(AUDIT_REQUEST)!({ requestId: 'tab-1', pathname: '/weak/', html: weakPage });
    await vi.waitFor(() =>
      expect(sent).toEqual([[AUDIT_RESPONSE, expect.objectContaining({ requestId: 'tab-1', ok: true })]]),
    );
  });

  it('names the project file that renders the page', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'astro-cta-toolbar-'));
    mkdirSync(path.join(root, 'src/pages/blog'), { recursive: true });
    writeFileSync(path.join(root, 'src/pages/blog/[slug].astro'), '');
    const audit = new ToolbarAudit({});
    audit.useConfig({
      base: '/',
      publicDir: pathToFileURL(path.join(root, 'public/')),
      root: pathToFileURL(`${root}/`),
    });
    audit.useRoutes([
      { pathname: undefined, patternRegex: /^\/blog\/([^/]+?)\/?$/, entrypoint: 'src/pages/blog/[slug].astro' },
      { pathname: '/_image', patternRegex: /^\/_image\/?$/, entrypoint: 'astro/assets/endpoint/dev' },
    ] as never);
    expect(audit.pageFileOf('/blog/hello/')).toBe(path.join(root, 'src/pages/blog/[slug].astro'));
    expect(audit.pageFileOf('/_image')).toBeUndefined();
    expect(audit.pageFileOf('/nope/')).toBeUndefined();
  });
});

describe('DevRoutes: the pages a link may point to in dev', () => {
  it('knows static routes, dynamic route patterns and public/ files, with or without a trailing slash', () => {
    const publicDir = mkdtempSync(path.join(tmpdir(), 'astro-cta-public-'));
    writeFileSync(path.join(publicDir, 'guide.pdf'), '');
    const routes = new DevRoutes(
      [
        { pathname: '/pricing', patternRegex: /^\/pricing\/?$/, entrypoint: 'src/pages/pricing.astro' },
        { pathname: undefined, patternRegex: /^\/blog\/([^/]+?)\/?$/, entrypoint: 'src/pages/blog/[slug].astro' },
      ] as never,
      pathToFileURL(`${publicDir}/`),
    );
    expect(['/pricing', '/pricing/', '/blog/hello/', '/guide.pdf'].filter((route) => routes.has(route))).toHaveLength(
      4,
    );
    expect(
      ['/pricin/', '/blog/', '/missing.pdf', '/../etc/passwd', '/%E0%A4%A'].some((route) => routes.has(route)),
    ).toBe(false);
  });
});

describe('withoutDevAnnotations', () => {
  it("removes only Astro's source annotations", () => {
    expect(
      withoutDevAnnotations(
        '<a data-astro-source-file="/x.astro" data-astro-source-loc="1:2" data-cta="a" title="data-astro-source-loc">x</a>',
      ),
    ).toBe('<a data-cta="a" title="data-astro-source-loc">x</a>');
  });
});
