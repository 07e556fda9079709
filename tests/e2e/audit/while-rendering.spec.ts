import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

// A real `astro build` of tests/e2e/audit/rendering-site: pages are audited on worker threads while Astro renders
// them, and the audit after the build reuses those results only for files that hold exactly what was rendered.
// Another integration rewrites /changed/ after rendering; public/ adds a page Astro never renders.
const run = promisify(execFile);
const site = fileURLToPath(new URL('./rendering-site/', import.meta.url));
const astroBin = fileURLToPath(new URL('../../../node_modules/astro/bin/astro.mjs', import.meta.url));

test('pages audited while they render; a page changed after rendering and a public/ page are audited from their files', async () => {
  test.setTimeout(180_000);
  const { stdout, stderr } = await run(process.execPath, [astroBin, 'build', '--root', site], {
    env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const log = stdout + stderr;
  // index, about and 404 were used as audited while rendering; changed/ (rewritten) and the public page were not.
  expect(log).toMatch(/CTA audit: \d+(?:\.\d+)? m?s after the build \(audited during rendering: 3 of 5 pages\)\./);
  // The finding comes from the file on disk ("Click here"), not from the page as rendered ("Start your free trial").
  expect(log).toMatch(/^\/changed\/ [^\n]*\n\s+\d+:\d+ warning CTA text "Click here" is generic/m);
  // Links to another page's #fragment are checked once every page is built: #team exists, #careers does not.
  expect(log).toMatch(
    /"See open positions at Acme" links to #careers on \/about\/, but no element there has id="careers"/,
  );
  expect(log).not.toContain('links to #team');
  // The page from public/ is part of the build: a CTA linking to it is not dead, and the page itself is audited.
  expect(log).not.toContain('See the old pricing plans" links to');
  expect(log).toMatch(/^\/legacy\/old-pricing\.html /m);
  expect(log).toContain('5 pages audited: 1 error, 2 warnings, 0 info.');
});
