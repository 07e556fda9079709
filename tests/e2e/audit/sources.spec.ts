import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

// A real `astro build` (Node adapter, one page rendered on demand, a redirect) of tests/e2e/audit/sources-site:
// findings name the component file and line where their element is written, SARIF puts that first, links to the
// on-demand page and the redirect are not dead while a missing page still is, and cta-audit run in the project
// afterwards reports exactly what the build did.
const run = promisify(execFile);
const site = fileURLToPath(new URL('./sources-site/', import.meta.url));
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const astroBin = path.join(repo, 'node_modules/astro/bin/astro.mjs');
const cli = path.join(repo, 'packages/audit/dist/cli.js');
const env = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1' };

interface Finding {
  ruleId: string;
  message: string;
  route: string;
  file: string;
  line?: number;
  column?: number;
  sourceHint?: string;
  source?: { file: string; line?: number; column?: number; via?: string; confidence?: number; matchedOn?: string[] };
  alsoAt?: { line?: number; column?: number }[];
}

/** The 1-based line and column where `needle` is written in a source file of the site. */
function writtenAt(file: string, needle: string): { line: number; column: number } {
  const lines = readFileSync(path.join(site, file), 'utf8').split('\n');
  const line = lines.findIndex((text) => text.includes(needle));
  if (line < 0) throw new Error(`${needle} is not in ${file}`);
  return { line: line + 1, column: lines[line]!.indexOf(needle) + 1 };
}

let buildLog = '';
let buildFindings: Finding[] = [];
let sarif: { runs: { results: Record<string, unknown>[] }[] };
let html = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const { stdout, stderr } = await run(process.execPath, [astroBin, 'build', '--root', site], { env });
  buildLog = stdout + stderr;
  // Read now: cta-audit in the project later writes the same report files again.
  buildFindings = JSON.parse(await readFile(path.join(site, 'dist/reports/cta-audit.json'), 'utf8')).findings;
  sarif = JSON.parse(await readFile(path.join(site, 'dist/reports/cta-audit.sarif'), 'utf8'));
  html = await readFile(path.join(site, 'dist/reports/cta-audit.html'), 'utf8');
});

const find = (findings: Finding[], ruleId: string, text: string) =>
  findings.find((finding) => finding.ruleId === ruleId && finding.message.includes(text));

test('each finding names the component file and line where its element is written', () => {
  const hero = find(buildFindings, 'cta-generic-text', '"Learn more"');
  expect(hero?.source).toMatchObject({
    file: 'src/components/Hero.astro',
    ...writtenAt('src/components/Hero.astro', '<a class="button button-primary"'),
    via: 'match',
  });
  expect(hero?.sourceHint).toBe('src/pages/index.astro');
  // The built position stays the built file's: index.html is minified to one line.
  expect(hero).toMatchObject({ file: 'index.html', line: 1 });
  // Three cards from one component: one finding, written once in PlanCard.astro, with the other two as repeats.
  const cards = find(buildFindings, 'cta-generic-text', '"Click here"');
  expect(cards?.source).toMatchObject({
    file: 'src/components/PlanCard.astro',
    ...writtenAt('src/components/PlanCard.astro', '<a class="button"'),
  });
  expect(cards?.alsoAt).toHaveLength(2);
  // Written in the page itself.
  const dead = find(buildFindings, 'cta-dead-target', '/guides/getting-paid/');
  expect(dead?.source).toMatchObject({
    file: 'src/pages/index.astro',
    ...writtenAt('src/pages/index.astro', '<a class="button" href="/guides/'),
  });
  // The terminal report prints the built position under the built file's name, the source place under its own.
  expect(buildLog).toMatch(/^\/ {2}index\.html {2}\(built from src\/pages\/index\.astro\)$/m);
  expect(buildLog).toMatch(
    /\n {2}1:\d+ warning CTA text "Learn more" is generic.*\n {6}written in src\/components\/Hero\.astro:7:3 \(found by its href, text; \d+% sure\)/,
  );
});

test('links to the page rendered on demand and to the redirect are not dead; a missing page is', async () => {
  const dead = buildFindings.filter((finding) => finding.ruleId === 'cta-dead-target');
  expect(dead.map((finding) => finding.message)).toEqual([expect.stringContaining('/guides/getting-paid/')]);
  const recorded = JSON.parse(await readFile(path.join(site, '.astro/astro-cta-audit.json'), 'utf8'));
  expect(recorded.onDemandRoutes).toEqual(['/account', '/old-pricing']);
  // Without the routes, the same links are dead: what keeps them from being reported is the recorded routes.
  const none = path.join(await mkdtemp(path.join(tmpdir(), 'cta-routes-')), 'routes.json');
  await writeFile(none, '[]');
  const { stdout } = await run(
    process.execPath,
    [cli, 'dist/client', '--format', 'json', '--fail-on', 'never', '--routes', none],
    { cwd: site, env },
  );
  const withoutRoutes = (JSON.parse(stdout).findings as Finding[]).filter((f) => f.ruleId === 'cta-dead-target');
  expect(withoutRoutes.map((finding) => /links to (\S+),/.exec(finding.message)?.[1]).sort()).toEqual([
    '/account/',
    '/guides/getting-paid/',
    '/old-pricing',
  ]);
});

test('SARIF: the source place is the primary location, the built file and the repeats related ones; valid 2.1.0', async () => {
  const schema = JSON.parse(
    await readFile(path.join(repo, 'packages/audit/src/reporters/fixtures/sarif-schema-2.1.0.json'), 'utf8'),
  );
  const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  ajvFormats.default(ajv);
  const validate = ajv.compile(schema);
  expect(validate(sarif)).toBe(true);
  expect(validate.errors ?? []).toEqual([]);
  const results = sarif.runs[0]!.results as {
    ruleId: string;
    message: { text: string };
    locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region?: unknown } }[];
    relatedLocations?: {
      physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region?: unknown };
    }[];
  }[];
  const hero = results.find((result) => result.message.text.includes('"Learn more"'))!;
  expect(hero.locations[0]!.physicalLocation).toEqual({
    artifactLocation: { uri: 'src/components/Hero.astro', uriBaseId: 'SRCROOT' },
    region: { startLine: 7, startColumn: 3 },
  });
  expect(hero.relatedLocations?.[0]?.physicalLocation.artifactLocation).toEqual({
    uri: 'index.html',
    uriBaseId: 'BUILD',
  });
  const cards = results.find(
    (result) => result.ruleId === 'cta-generic-text' && result.message.text.includes('"Click here"'),
  )!;
  expect(cards.locations[0]!.physicalLocation.artifactLocation.uri).toBe('src/components/PlanCard.astro');
  // The built element, then its two repeats.
  expect(cards.relatedLocations).toHaveLength(3);
  expect(
    cards.relatedLocations!.every((related) => related.physicalLocation.artifactLocation.uriBaseId === 'BUILD'),
  ).toBe(true);
  // SRCROOT is the project root, whatever folder astro build was started from.
  expect(
    (sarif.runs[0] as unknown as { originalUriBaseIds: { SRCROOT: { uri: string } } }).originalUriBaseIds.SRCROOT.uri,
  ).toBe(pathToFileURL(site).href);
});

test("cta-audit run in the project reports what the build did, with the integration's options and routes", async () => {
  const { stdout, stderr } = await run(process.execPath, [cli, 'dist/client', '--format', 'json'], { cwd: site, env });
  expect(stderr).toContain("Configuration: the astro-cta integration's audit options (.astro/astro-cta-audit.json");
  expect(stderr).toContain('Routes with no built page: 2 (.astro/astro-cta-audit.json)');
  const key = (f: Finding) => ({
    ruleId: f.ruleId,
    message: f.message,
    route: f.route,
    file: f.file,
    line: f.line,
    column: f.column,
    sourceHint: f.sourceHint,
    source: f.source,
    alsoAt: f.alsoAt,
  });
  const cliFindings = (JSON.parse(stdout).findings as Finding[]).map(key);
  expect(cliFindings).toEqual(buildFindings.map(key));
  // Including the blog post rendered through [slug].astro, and not the one whose frontmatter ignores the rule.
  expect(cliFindings.length).toBe(5);
  expect(cliFindings.filter((f) => f.route.startsWith('/blog/')).map((f) => [f.route, f.sourceHint])).toEqual([
    ['/blog/first-invoice/', 'src/content/blog/first-invoice.md'],
  ]);
});

test('the HTML report shows where each finding is written and its repeats', async ({ page }, testInfo) => {
  expect(html).toContain('Written in <code>src/components/Hero.astro:7:3');
  await page.goto(pathToFileURL(path.join(site, 'dist/reports/cta-audit.html')).href);
  await expect(page.getByText('and 2 more like it on this page')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Built line' }).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('cta-audit-report.png'), fullPage: true });
});
