import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

// Real `astro build`s of fixture sites: MDX without import lines, and an authoring mistake that must fail the build.
const run = promisify(execFile);
const astroBin = fileURLToPath(new URL('../../../node_modules/astro/bin/astro.mjs', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}/`, import.meta.url));
const build = (root: string) =>
  run(process.execPath, [astroBin, 'build', '--root', root], {
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
  });

test.describe.configure({ mode: 'serial' });

/** Splits "a, :where(b, c) d" at its top-level commas only. */
function splitSelectorList(list: string): string[] {
  const selectors: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of list) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      selectors.push(current.trim());
      current = '';
    } else current += char;
  }
  return [...selectors, current.trim()].filter(Boolean);
}

test('MDX pages use the kit without import lines; explicit imports and own components keep working', async () => {
  test.setTimeout(180_000);
  const root = fixture('mdx-auto-import');
  await build(root);
  const page = (route: string) => readFile(`${root}dist/${route}/index.html`, 'utf8');

  const noImports = await page('no-imports');
  expect(noImports).toMatch(/<div class="cta-kit cta-group[^"]*"[^>]*data-cta-group/);
  expect(noImports).toMatch(
    /<a href="\/signup" aria-describedby="cta-start-trial-incentive cta-start-trial-countdown"[^>]*data-cta="start-trial"[^>]*>Start your free trial<\/a>/,
  );
  // The kit's classes reach the link (its CSS is plain class selectors in a cascade layer, not Astro-scoped).
  expect(noImports).toMatch(
    /<a [^>]*data-cta="start-trial"[^>]*class="cta-kit cta cta--primary cta--md not-prose not-content"/,
  );
  // The integration's locale option (de-DE) reaches the components.
  expect(noImports).toMatch(/10\s€ off/);
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

  // Nothing the kit ships styles the rest of the page: every selector in the built CSS (all of it is the kit's here)
  // targets the kit's own elements, by their `cta-` classes, and all of it is in the kit's cascade layer.
  const cssFiles = (await readdir(`${root}dist/_astro`)).filter((name) => name.endsWith('.css'));
  expect(cssFiles.length).toBeGreaterThan(0);
  const css = (await Promise.all(cssFiles.map((name) => readFile(`${root}dist/_astro/${name}`, 'utf8')))).join('\n');
  expect(
    css
      .replace(/@layer [\w., ]+;/g, '')
      .match(/@layer [\w.-]+\{/g)
      ?.every((layer) => layer === '@layer components.astro-cta{'),
  ).toBe(true);
  const selectors = [...css.replace(/@(media|supports|layer)[^{;]*[{;]/g, '').matchAll(/([^{}]+)\{[^{}]*\}/g)].flatMap(
    ([, list]) => splitSelectorList(list!),
  );
  expect(selectors.length).toBeGreaterThan(20);
  // A kit class in the selector: the element is the kit's or inside it (e.g. `.cta-countdown [hidden]`); or the
  // markup contract's offer wrapper (`[data-cta-choose]`, its `<cta-choose>` marker), which only the kit and authors
  // who opt into the contract write.
  const kits = (selector: string) => /\.cta-[\w-]|\[data-cta-choose\]|^cta-choose$/.test(selector);
  const leaking = selectors.filter((selector) => !kits(selector) && !/^(from|to|\d+%)$/.test(selector));
  expect(leaking).toEqual([]);
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
  expect(log).toContain(
    '<SocialProof> `rating.value` on src/pages/sale.mdx:7:3 (route /sale): 5.4 is above best (5). Fix: give the real average, at most 5',
  );
});
