import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AstroCtaSetupError, assertSupportedAstro, installedAstroVersion, noPrerendererNote } from './astro-compat.ts';

describe('assertSupportedAstro', () => {
  it.each(['5.0.0', '5.18.2', '6.4.8', '7.3.5'])('accepts Astro %s', (version) => {
    expect(() => assertSupportedAstro(version, '0.1.0')).not.toThrow();
  });

  it('names both versions and how to fix an old Astro, without a stack trace', () => {
    let error: unknown;
    try {
      assertSupportedAstro('4.16.18', '0.1.0');
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(AstroCtaSetupError);
    expect((error as AstroCtaSetupError).message).toBe(
      'astro-cta 0.1.0 supports Astro 5, 6 and 7; this project runs Astro 4.16.18.',
    );
    expect((error as AstroCtaSetupError).hint).toMatch(/npx @astrojs\/upgrade/);
    expect((error as AstroCtaSetupError).stack).toBe('');
  });

  it('points a newer Astro at a newer astro-cta', () => {
    expect(() => assertSupportedAstro('8.0.0', '0.1.0')).toThrow(/this project runs Astro 8\.0\.0/);
  });
});

it('reads the Astro version the project resolves', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'astro-cta-compat-'));
  mkdirSync(path.join(root, 'node_modules/astro'), { recursive: true });
  writeFileSync(path.join(root, 'package.json'), '{}');
  writeFileSync(
    path.join(root, 'node_modules/astro/package.json'),
    JSON.stringify({ name: 'astro', version: '5.18.2', exports: { './package.json': './package.json' } }),
  );
  expect(installedAstroVersion(pathToFileURL(`${root}/`))).toBe('5.18.2');
  expect(installedAstroVersion(new URL('file:///nonexistent-astro-cta-root/'))).toBeUndefined();
});

it('says the audit runs after the build where Astro has no prerenderer hook', () => {
  expect(noPrerendererNote('5.18.2')).toMatch(
    /^Astro 5\.18\.2 has no prerenderer hook .* runs after the build instead of while pages render/,
  );
});
