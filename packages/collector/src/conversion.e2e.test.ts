import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// End to end through the real `cta-collect serve` over HTTP (a real process, a real SQLite file, a port the system
// picks), then the real `cta-collect report`: a click, then a conversion in the same visit, shows as 1 conversion.
const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

describe('cta-collect serve → report: a conversion credited to the CTA clicked before it', { timeout: 60_000 }, () => {
  it('POST a click, then a conversion in the same visit; the report shows 1 conversion for that CTA', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'cta-conversion-')), 'events.sqlite');
    const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0', '--accept-local'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk;
          const match = /collecting at (http:\/\/\S+?)\/api\/cta/.exec(stdout);
          if (match) resolve(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${stderr}`)));
      });
      // A same-origin page: what a site served next to its collector sends.
      const post = (events: unknown[]) =>
        fetch(`${url}/api/cta`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain', origin: url },
          body: JSON.stringify(events),
        });
      const visit = 'visitE2e01';
      const landing = [
        { t: 'impression', id: 'hero-signup', p: '/', pv: 'pvLanding', s: 0, vi: visit, g: 'signup' },
        { t: 'impression', id: 'footer-docs', p: '/', pv: 'pvLanding', s: 1, vi: visit, g: 'read' },
      ];
      expect((await post(landing)).status).toBe(200);
      expect(
        (await post([{ t: 'click', id: 'hero-signup', p: '/', pv: 'pvLanding', s: 2, vi: visit, g: 'signup' }])).status,
      ).toBe(200);
      // The visitor lands on the welcome page; the client claims another CTA led there, which must not count.
      const converted = {
        t: 'conversion',
        id: 'signup',
        g: 'signup',
        p: '/welcome/',
        pv: 'pvWelcome',
        s: 0,
        vi: visit,
        val: 49,
        cur: 'EUR',
        ac: 'footer-docs',
      };
      expect((await post([converted])).status).toBe(200);
      // A replay of the same conversion is acknowledged and changes nothing.
      expect((await post([converted])).status).toBe(200);
      // A bad conversion is refused naming the field.
      const refused = await post([{ ...converted, pv: 'pvOther', cur: 'euro' }]);
      expect(refused.status).toBe(422);
      expect(await refused.text()).toContain('cur (currency) must be an ISO 4217 code');

      const report = spawnSync(process.execPath, [CLI, 'report', '--db', db, '--format', 'json'], { encoding: 'utf8' });
      expect(report.status).toBe(0);
      const { rows, totals, pages } = JSON.parse(report.stdout);
      expect(rows.find((row: { cta: string }) => row.cta === 'hero-signup')).toMatchObject({
        impressions: 1,
        clicks: 1,
        conversions: 1,
        conversionsPerClick: 1,
        value: { EUR: 49 },
      });
      expect(rows.find((row: { cta: string }) => row.cta === 'footer-docs')).toMatchObject({ conversions: 0 });
      expect(totals).toMatchObject({
        conversions: 1,
        attributedConversions: 1,
        unattributedConversions: 0,
        visits: 1,
        bounces: 0,
      });
      expect(pages).toEqual([expect.objectContaining({ page: '/', visits: 1, bounces: 0 })]);

      const table = spawnSync(process.execPath, [CLI, 'report', '--db', db], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      expect(table.stdout).toMatch(/^hero-signup\s+\/\s+1\s+1\s+100\.0%\s+\S+\s+1\s+100\.0%/m);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
