import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveAuditConfig } from '@astro-cta/audit';
import type { AstroIntegrationLogger } from 'astro';
import { describe, expect, it } from 'vitest';
import { CtaAuditFailed, runAudit } from './run-audit.ts';

const page = (main: string) =>
  `<!doctype html><html lang="en"><head><title>Shop</title></head><body><main>${main}</main></body></html>`;
const OFFER = (item: string) =>
  `<div data-cta-choose="offer" data-cta-experiment="jacket-offer"><div data-cta-arm="viewed" data-cta-when='{"viewed":"${item}","within":"7d"}' hidden><a href="/shop/" data-cta="shop" data-cta-experiment="jacket-offer" data-cta-arm="viewed">Shop the jacket</a></div><div data-cta-arm="default" data-cta-default><a href="/shop/" data-cta="shop" data-cta-experiment="jacket-offer" data-cta-arm="default">Shop jackets</a></div></div>`;

function site(pages: Record<string, string>): URL {
  const dir = mkdtempSync(path.join(tmpdir(), 'cta-run-audit-'));
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), html);
  }
  return pathToFileURL(`${dir}/`);
}

function logger(lines: string[]): AstroIntegrationLogger {
  const log = (line: string) => void lines.push(line);
  return { info: log, warn: log, error: log, debug: log } as unknown as AstroIntegrationLogger;
}

describe('runAudit in astro build', () => {
  // The build's default: findings are reported, never fatal…
  const config = resolveAuditConfig({}, { where: 'audit.', defaultFailOn: 'never' });

  it('…except offers that can never show: a condition on an item no page marks fails the build, naming the page', async () => {
    const dir = site({
      'index.html': page(`<h1>Jackets</h1>${OFFER('fjord-jaket')}`),
      'shop/index.html': page('<h1>Fjord jacket</h1><span hidden data-cta-item="fjord-jacket"></span>'),
    });
    const lines: string[] = [];
    const run = runAudit(dir, config, logger(lines), { root: dir });
    await expect(run).rejects.toBeInstanceOf(CtaAuditFailed);
    await expect(run).rejects.toThrow(
      /index\.html \(offer-unknown-item\): Alternative "viewed" of offer "jacket-offer"/,
    );
  });

  it('a site whose offers name items its pages mark builds', async () => {
    const dir = site({
      'index.html': page(`<h1>Jackets</h1>${OFFER('fjord-jacket')}`),
      'shop/index.html': page('<h1>Fjord jacket</h1><span hidden data-cta-item="fjord-jacket"></span>'),
    });
    const lines: string[] = [];
    await expect(runAudit(dir, config, logger(lines), { root: dir })).resolves.toBeUndefined();
    expect(lines.join('\n')).not.toMatch(/offer-unknown-item/);
  });
});
