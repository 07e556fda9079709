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
});
