import { test } from '@playwright/test';
import { buildSites } from './build-sites.ts';

// Installs and builds every matrix site once; matrix.spec.ts reads the results (.tmp/compat/results.json).
test('install and build the matrix sites from the packed tarballs', async () => {
  test.setTimeout(15 * 60_000);
  const results = await buildSites();
  for (const site of results) {
    console.log(
      `compat: ${site.name} (Astro ${site.astroVersion}): install ${site.installSeconds} s, build ${site.buildSeconds} s`,
    );
  }
});
