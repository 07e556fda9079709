import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { test as setup } from '@playwright/test';
import { FIXTURES, fixtureRoot } from './support/site.ts';

const run = promisify(execFile);
const astroBin = fileURLToPath(new URL('../../../node_modules/astro/bin/astro.mjs', import.meta.url));

// The beacon specs run against real Astro builds of these fixture sites (with the built integration: run
// `npm run build:packages` after changing it). One after the other: the machines have two cores.
setup.describe.configure({ mode: 'serial' });

for (const name of FIXTURES) {
  setup(`build the ${name} fixture`, async () => {
    setup.setTimeout(180_000);
    await run(process.execPath, [astroBin, 'build', '--root', fixtureRoot(name)], {
      env: { ...process.env, NO_COLOR: '1' },
    });
  });
}
