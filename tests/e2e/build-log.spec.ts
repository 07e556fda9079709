import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

const run = promisify(execFile);
const fixture = fileURLToPath(new URL('../fixtures/basic/', import.meta.url));
const astroBin = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));

test('astro build prints the audit findings for the weak and the CTA-less pages', async () => {
  test.setTimeout(120_000);
  const { stdout, stderr } = await run(process.execPath, [astroBin, 'build', '--root', fixture], {
    env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1' },
  });
  const log = stdout + stderr;
  expect(log).toMatch(/\/weak\/[^\n]*\n\s+\d+:\d+ warning CTA text "Learn more →" is generic[^\n]*cta-generic-text/);
  expect(log).toMatch(
    /\/no-cta\/[^\n]*\n\s+warning This page has no call to action in its main content[^\n]*page-no-cta/,
  );
  // Findings are grouped under a line that starts with the page's route; the good page has none.
  expect(log).not.toMatch(/^\/good\/ /m);
  expect(log).toContain('3 pages audited: 0 errors, 2 warnings, 0 info.');
});
