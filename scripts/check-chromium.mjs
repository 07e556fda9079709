// Run before the tests: says exactly how to get a Chromium when none can be found, instead of failing deep in a test.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const system = candidates.find((candidate) => existsSync(candidate));
const playwrightCache = process.env.PLAYWRIGHT_BROWSERS_PATH ?? path.join(homedir(), '.cache', 'ms-playwright');
const playwrightOwn =
  existsSync(playwrightCache) && readdirSync(playwrightCache).some((name) => name.startsWith('chromium'));

if (!system && !playwrightOwn) {
  console.error(`No Chromium found for the browser and end-to-end tests. Looked at: ${candidates.join(', ') || '(none)'} and ${playwrightCache}.
Get one of:
  - Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium
  - elsewhere:      npx playwright install chromium
  - or point CHROMIUM_PATH at an existing Chromium or Chrome binary.`);
  process.exit(1);
}
console.log(`Chromium for tests: ${system ?? `Playwright's own (${playwrightCache})`}`);
