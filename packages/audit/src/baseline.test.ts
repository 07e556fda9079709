import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyBaseline, BaselineError, fingerprint, readBaseline, writeBaseline } from './baseline.ts';
import { auditHtml } from './engine.ts';
import { rules } from './rules/index.ts';

const page = (before: string) =>
  `<!doctype html><html lang="en"><body>${before}<main><h1>Hi</h1><a class="btn" href="/">Learn more</a></main></body></html>`;

describe('baseline', () => {
  it('keeps a finding’s fingerprint when lines shift above it', () => {
    const [a] = auditHtml(page(''), rules).filter((finding) => finding.ruleId === 'cta-generic-text');
    const [b] = auditHtml(page('\n\n\n<p>new intro</p>\n'), rules).filter(
      (finding) => finding.ruleId === 'cta-generic-text',
    );
    expect(a!.line).not.toBe(b!.line);
    expect(fingerprint(a!)).toBe(fingerprint(b!));
  });

  it('counts only new findings, copy for copy', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cta-baseline-'));
    const file = path.join(dir, 'nested', 'baseline.json');
    const today = auditHtml(page(''), rules);
    expect(today.length).toBeGreaterThan(0);
    await writeBaseline(file, today);
    const recorded = await readBaseline(file);
    expect(recorded!.findings).toHaveLength(today.length);
    expect(applyBaseline(today, recorded)).toEqual({ fresh: [], known: today });
    const tomorrow = auditHtml(page('').replace('</main>', '<a class="btn" href="/">Click here</a></main>'), rules);
    const { fresh } = applyBaseline(tomorrow, recorded);
    expect(fresh.map((finding) => finding.excerpt)).toContainEqual(expect.stringContaining('Click here'));
    expect(fresh.every((finding) => !finding.excerpt?.includes('Learn more'))).toBe(true);
    expect(JSON.parse(await readFile(file, 'utf8')).tool).toBe('cta-audit');
  });

  it('treats a missing file as an empty baseline and a malformed one as an error naming the file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cta-baseline-'));
    expect(await readBaseline(path.join(dir, 'none.json'))).toBeUndefined();
    await writeFile(path.join(dir, 'bad.json'), '{ nope');
    await expect(readBaseline(path.join(dir, 'bad.json'))).rejects.toThrow(BaselineError);
    await expect(readBaseline(path.join(dir, 'bad.json'))).rejects.toThrow(
      /bad\.json is not valid JSON.*--update-baseline/,
    );
  });

  it('fingerprints by rule, message id, page and element: a reworded message keeps it, another id does not', () => {
    const [finding] = auditHtml(page(''), rules).filter((one) => one.ruleId === 'cta-generic-text');
    expect(finding!.messageId).toBe('generic');
    const reworded = { ...finding!, message: 'Say what the button does.' };
    expect(fingerprint(reworded)).toBe(fingerprint(finding!));
    expect(fingerprint({ ...finding!, messageId: 'bareUrl' })).not.toBe(fingerprint(finding!));
    expect(fingerprint({ ...finding!, route: '/other/' })).not.toBe(fingerprint(finding!));
    // A page-level finding has no element: its message id and page are its identity, not the words of its message.
    const pageLevel = { ...finding!, excerpt: undefined, ruleId: 'page-no-cta', messageId: 'missing' };
    expect(fingerprint({ ...pageLevel, message: 'other words' })).toBe(fingerprint(pageLevel));
  });

  it('still reads a version 1 baseline (fingerprints over the message text) and writes version 2', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cta-baseline-'));
    const today = auditHtml(page(''), rules);
    // The version 1 fingerprint as cta-audit 0.1 wrote it, spelled out here so that the test does not trust the code.
    const v1 = (finding: (typeof today)[number]) =>
      createHash('sha256')
        .update(`${finding.ruleId}\n${finding.route}\n${finding.excerpt?.replace(/\s+/g, ' ') ?? finding.message}`)
        .digest('hex')
        .slice(0, 24);
    const old = {
      version: 1,
      tool: 'cta-audit',
      findings: today.map((finding) => ({ fingerprint: v1(finding), ruleId: finding.ruleId, route: '/', message: '' })),
    };
    await writeFile(path.join(dir, 'v1.json'), JSON.stringify(old));
    const recorded = await readBaseline(path.join(dir, 'v1.json'));
    expect(recorded?.version).toBe(1);
    expect(applyBaseline(today, recorded)).toEqual({ fresh: [], known: today });
    await writeBaseline(path.join(dir, 'v2.json'), today);
    const rewritten = JSON.parse(await readFile(path.join(dir, 'v2.json'), 'utf8'));
    expect(rewritten.version).toBe(2);
    expect(rewritten.findings[0].messageId).toEqual(expect.any(String));
    expect(applyBaseline(today, await readBaseline(path.join(dir, 'v2.json')))).toEqual({ fresh: [], known: today });
  });

  it('refuses a baseline of a version it does not know, saying how to recreate it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cta-baseline-'));
    await writeFile(path.join(dir, 'v9.json'), JSON.stringify({ version: 9, tool: 'cta-audit', findings: [] }));
    await expect(readBaseline(path.join(dir, 'v9.json'))).rejects.toThrow(
      /v9\.json has version 9.*newer astro-cta.*--update-baseline/,
    );
  });
});
