import { execFileSync } from 'node:child_process';
import { mkdtemp, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { cssPath } from './dom.ts';
import { AUDIT_ERROR, createAuditRun } from './engine.ts';
import { parseHtml } from './parse.ts';
import { MAX_PAGE_BYTES, readPageBytes } from './read-page.ts';
import { rules } from './rules/index.ts';
import { auditDirectory } from './site.ts';
import { judge } from './verdict.ts';

// Files and markup built to hurt the audit (issue 10, M4 to M7): it must never read outside the audited folder,
// never block on or drain a special file, and take time linear in the page's size.

const CTA = '<a class="btn" href="/">Start your free trial</a>';
const page = (body: string) => `<html lang="en"><body><main>${body}</main></body></html>`;

async function site(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'cta-hostile-'));
}

function seconds(run: () => unknown): number {
  const started = performance.now();
  run();
  return (performance.now() - started) / 1000;
}

describe('files the audit must not read', () => {
  it('never reads a file outside the audited folder through a symbolic link; links inside it are fine', async () => {
    const outside = await site();
    await writeFile(path.join(outside, '.env'), page('<a class="btn" href="/">SECRET_TOKEN=hunter2</a>'));
    const dir = await site();
    await writeFile(
      path.join(dir, 'index.html'),
      page(`${CTA}<a class="btn" href="/leak.html#SECRET_TOKEN">Read the leak</a>`),
    );
    await symlink(path.join(outside, '.env'), path.join(dir, 'leak.html'));
    await symlink(path.join(dir, 'index.html'), path.join(dir, 'alias.html'));
    const result = await auditDirectory(dir, { rules, workers: 0 });
    expect(JSON.stringify(result.findings)).not.toContain('hunter2');
    const leak = result.findings.filter((finding) => finding.file === 'leak.html');
    expect(leak).toEqual([
      expect.objectContaining({ ruleId: AUDIT_ERROR, message: expect.stringContaining('outside the audited folder') }),
    ]);
    expect(
      result.findings.filter((finding) => finding.file === 'alias.html' && finding.ruleId === AUDIT_ERROR),
    ).toEqual([]);
  });

  it('refuses a FIFO and /dev/zero, as pages and as #fragment targets, without blocking or reading them', async () => {
    const dir = await site();
    execFileSync('mkfifo', [path.join(dir, 'pipe.html')]);
    await symlink('/dev/zero', path.join(dir, 'zero.html'));
    await writeFile(
      path.join(dir, 'index.html'),
      page(`${CTA}<a class="btn" href="/pipe.html#a">Pipe it</a><a class="btn" href="/zero.html#b">Zero it</a>`),
    );
    const result = await auditDirectory(dir, { rules, workers: 0 });
    const reasons = result.findings
      .filter((finding) => finding.ruleId === AUDIT_ERROR)
      .map((finding) => `${finding.file}: ${finding.message}`);
    expect(reasons).toEqual([
      expect.stringMatching(/^pipe\.html: .*not a regular file/),
      expect.stringMatching(/^zero\.html: .*outside the audited folder/),
    ]);
    // The reader refuses a special file inside the folder too.
    expect(() => readPageBytes('/dev/zero')).toThrow(/not a regular file/);
  }, 20_000);

  it('reads no page larger than the cap, whatever stat said', async () => {
    const dir = await site();
    const big = path.join(dir, 'big.html');
    await writeFile(big, '');
    await truncate(big, 200 * 1024 * 1024);
    expect(() => readPageBytes(big, dir)).toThrow(/larger \(200\.0 MB\) than the 20 MB/);
    await truncate(big, MAX_PAGE_BYTES);
    expect(readPageBytes(big, dir)).toHaveLength(MAX_PAGE_BYTES);
  });

  it('reports a folder it cannot read (its path is longer than the system allows) and audits the rest', async () => {
    const dir = await site();
    await writeFile(path.join(dir, 'index.html'), page(CTA));
    // Folders nested past PATH_MAX (4096 on Linux), made with relative paths one level at a time.
    const name = 'd'.repeat(200);
    const script = `for (let i = 0; i < 25; i++) { fs.mkdirSync('${name}'); process.chdir('${name}'); } fs.writeFileSync('x.html', '')`;
    execFileSync(process.execPath, ['-e', script], { cwd: dir });
    const result = await auditDirectory(dir, { rules, workers: 0 });
    expect(result.pages).toBe(1);
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: AUDIT_ERROR,
        severity: 'warning',
        message: expect.stringContaining('longer than the system allows'),
      }),
    ]);
  });
});

describe('markup built to be slow', () => {
  it('parses deep nesting as fast as the same number of elements side by side', () => {
    const count = 100_000;
    const flat = page('<div></div>'.repeat(count));
    const deep = page(`${'<div>'.repeat(count)}${CTA}${'</div>'.repeat(count)}`);
    parseHtml(flat);
    const flatTime = seconds(() => parseHtml(flat));
    const deepTime = seconds(() => parseHtml(deep));
    // Quadratic before (the parser's stack was shifted at every tag): 100,000 levels took about 30 s.
    expect(deepTime).toBeLessThan(flatTime * 4 + 0.5);
  }, 120_000);

  it('computes element paths for 80,000 sibling links in linear time', () => {
    const document = parseHtml(page('<a href="/x">Learn more</a>'.repeat(80_000)));
    const links = [...document.children].flatMap(function all(node): Element[] {
      return node instanceof Element ? [...(node.name === 'a' ? [node] : []), ...node.children.flatMap(all)] : [];
    });
    expect(links).toHaveLength(80_000);
    let last = '';
    expect(seconds(() => links.forEach((link) => (last = cssPath(link))))).toBeLessThan(5);
    expect(last).toBe('body > main > a:nth-of-type(80000)');
    expect(cssPath(links[0]!)).toBe('body > main > a:nth-of-type(1)');
  });

  it('reports a page that hits the time budget as an error that counts toward failOn', () => {
    const run = createAuditRun({ rules, site: { routes: ['/'] }, pageBudgetMs: 0 });
    const findings = run.page(new TextEncoder().encode(page(CTA)), { route: '/', file: 'index.html' });
    const timedOut = findings.filter((finding) => finding.ruleId === AUDIT_ERROR);
    expect(timedOut).toEqual([
      expect.objectContaining({ severity: 'error', timedOut: true, message: expect.stringContaining('time budget') }),
    ]);
    expect(judge(findings, { failOn: 'error' })).toMatchObject({ failed: true, errors: 1 });
    // Other audit errors (a bug of ours) still never fail a build.
    expect(judge([{ ...timedOut[0]!, timedOut: undefined }], { failOn: 'error' }).failed).toBe(false);
  });
});
