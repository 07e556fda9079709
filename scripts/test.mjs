// `npm test`: builds, then runs every test level and closes with one summary line per level and a total
// ("N passed, N failed"), so CI and people see the counts without scrolling. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const reports = '.tmp/test-reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function step(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};

if (!step('node', ['scripts/check-chromium.mjs']) || !step('npm', ['run', 'build', '--silent'])) {
  console.error('Build failed: no tests were run.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const vitestOk = step('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${reports}/vitest.json`,
]);
const playwrightOk = step('npx', ['playwright', 'test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json`,
});

const levels = {
  unit: { passed: 0, failed: 0, skipped: 0 },
  browser: { passed: 0, failed: 0, skipped: 0 },
  e2e: { passed: 0, failed: 0, skipped: 0 },
};
for (const file of readJson(`${reports}/vitest.json`)?.testResults ?? []) {
  const level = file.name.endsWith('.browser.test.ts') ? levels.browser : levels.unit;
  for (const test of file.assertionResults ?? []) {
    if (test.status === 'passed') level.passed++;
    else if (test.status === 'failed') level.failed++;
    else level.skipped++;
  }
  // A file that failed to load has no assertions but must still count as a failure.
  if (file.status === 'failed' && (file.assertionResults ?? []).every((test) => test.status !== 'failed'))
    level.failed++;
}
const stats = readJson(`${reports}/playwright.json`)?.stats;
if (stats) {
  levels.e2e.passed = stats.expected + stats.flaky;
  // Flaky tests passed only on their retry: say so, so a retry never hides a problem.
  if (stats.flaky > 0)
    console.log(`\n${stats.flaky} end-to-end test(s) passed only on retry (flaky): see the Playwright output above.`);
  levels.e2e.failed = stats.unexpected;
  levels.e2e.skipped = stats.skipped;
} else if (!playwrightOk) levels.e2e.failed++;

let passed = 0;
let failed = 0;
console.log('\nTest summary');
for (const [name, counts] of Object.entries(levels)) {
  console.log(
    `  ${name.padEnd(8)} ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`,
  );
  passed += counts.passed;
  failed += counts.failed;
}
if (!vitestOk && failed === 0) failed++;
if (!playwrightOk && failed === 0) failed++;
console.log(`${passed} passed, ${failed} failed`);
process.exit(vitestOk && playwrightOk && failed === 0 ? 0 : 1);
