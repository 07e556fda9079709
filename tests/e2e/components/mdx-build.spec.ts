import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

// Real `astro build`s of fixture sites: MDX without import lines, and an authoring mistake that must fail the build.
const run = promisify(execFile);
const astroBin = fileURLToPath(new URL('../../../node_modules/astro/bin/astro.mjs', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}/`, import.meta.url));
const build = (root: string) => run(process.execPath, [astroBin, 'build', '--root', root], { env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } });

test.describe.configure({ mode: 'serial' });

test('MDX pages use the kit without import lines; explicit imports and own components keep working', async () => {
  test.setTimeout(180_000);
  const root = fixture('mdx-auto-import');
  await build(root);
  const page = (route: string) => readFile(`${root}dist/${route}/index.html`, 'utf8');

  const noImports = await page('no-imports');
  expect(noImports).toMatch(/<div class="cta-kit cta-group"[^>]*data-cta-group/);
  expect(noImports).toMatch(/<a href="\/signup" aria-describedby="cta-start-trial-incentive cta-start-trial-countdown"[^>]*data-cta="start-trial"[^>]*>Start your free trial<\/a>/);
  // The integration's locale option (de-DE) reaches the components.
  expect(noImports).toContain('10 € off');
  expect(noImports).toContain('4,8 out of 5 from 1.204 reviews');
  expect(noImports).toContain('data-cta-countdown="2099-12-31T23:59:00+01:00"');
  expect(noImports).toMatch(/<section class="cta-kit cta-section[^"]*"[^>]*aria-labelledby="cta-section-footer-trial"/);
  expect(noImports).toMatch(/Inline use works too: <a href="\/docs"[^>]*data-cta="inline"/);
  expect(noImports).not.toContain('__ctaSource');

  const explicit = await page('explicit-import');
  expect(explicit).toMatch(/data-cta="explicit"/);
  expect(explicit).toContain('30-day free trial');

  const own = await page('own-cta');
  expect(own).toContain('<a class="own-button" href="/own">');
  expect(own).not.toContain('data-cta');
});

test('an authoring mistake fails the build, naming the component, the prop, the MDX file and line, and the fix', async () => {
  test.setTimeout(180_000);
  const failure = await build(fixture('mdx-authoring-error')).then(
    () => undefined,
    (error: { stdout: string; stderr: string; code: number }) => error,
  );
  expect(failure, 'the build should fail').toBeDefined();
  expect(failure!.code).not.toBe(0);
  const log = failure!.stdout + failure!.stderr;
  expect(log).toContain('<SocialProof> `rating.value` on src/pages/sale.mdx:7:3 (route /sale): 5.4 is above best (5). Fix: give the real average, at most 5');
});
