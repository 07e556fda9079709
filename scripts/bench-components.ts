/**
 * `npm run bench:components` — what the component kit costs a visitor, measured on a real Astro build in real Chromium:
 *
 * 1. JavaScript shipped per component: a fixture site with one page per component (and one with a CTA using all
 *    three slots) is built with `astro build`; each page is opened in Chromium and every script it loads is counted,
 *    raw and gzip. Targets: 0 bytes for every page without a countdown; the countdown enhancer at most 700 B gzip.
 * 2. Cumulative layout shift of a landing page with a running countdown, observed for ~5 s with a
 *    PerformanceObserver('layout-shift') from before the first paint. Target: 0.
 *
 * Prints figures; it does not pass or fail on timings (the byte budget is a test: countdown.size.test.ts).
 * Set BENCH_CLS_MS to change the observation window, BENCH_KEEP=1 to keep the fixture in .tmp/.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'astro';
import { chromium, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../tests/support/chromium.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
// Inside the repository (under the ignored .tmp/) so the fixture resolves astro and astro-cta from node_modules.
const FIXTURE = join(REPO, '.tmp', `bench-components-${process.pid}`);
const PORT = 4336;
const CLS_WINDOW_MS = Number(process.env.BENCH_CLS_MS ?? 5000);
const ENHANCER_BUDGET_GZIP = 700;

const DEADLINE_IN_DAYS = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const RUNNING_DEADLINE = DEADLINE_IN_DAYS(2.5);

const layout = (title: string, body: string) => `---
import { CTA, CTASection, Countdown, Incentive, SocialProof } from 'astro-cta/components';
---
<html lang="en">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>${title}</title></head>
  <body style="font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem">
    ${body}
  </body>
</html>
`;

const rating = `{{ value: 4.8, count: 1204, itemReviewed: { type: 'SoftwareApplication', name: 'Acme' } }}`;

/** One page per component: what a page pays for using just that component. */
const PAGES: Record<string, string> = {
  cta: `<CTA id="start-trial" href="/signup">Start your free trial</CTA>`,
  'social-proof': `<SocialProof rating=${rating} count={{ value: 12000, label: 'teams', source: 'https://example.com/customers', asOf: '2026-10' }} />`,
  incentive: `<Incentive kind="discount" percent={20} code="WINTER20" terms="/terms" />`,
  'cta-section': `<CTASection headline="Ship landing pages that convert" subhead="Zero JavaScript by default." primary={{ id: 'start', href: '/signup', label: 'Start your free trial' }} secondary={{ id: 'demo', href: '/demo', label: 'Book a demo' }} />`,
  countdown: `<Countdown deadline="${RUNNING_DEADLINE}" />`,
  'three-countdowns': `<Countdown deadline="${RUNNING_DEADLINE}" /><Countdown deadline="${DEADLINE_IN_DAYS(9)}" onExpire="hide" /><Countdown deadline="${DEADLINE_IN_DAYS(30)}" onExpire="replace" />`,
  'cta-with-slots': `<CTA id="start-trial" href="/signup">
      Start your free trial
      <Incentive slot="incentive" kind="trial" days={14} terms="/terms#trial" />
      <Countdown slot="countdown" deadline="${RUNNING_DEADLINE}" onExpire="disable-cta" />
      <SocialProof slot="social-proof" rating=${rating} />
    </CTA>`,
};

/** The CLS page: a landing page whose countdown sits in the flow, with content after it that would move. */
const CLS_PAGE = `
  <h1>Winter sale: 30% off every plan</h1>
  <p>Everything you need to build landing pages that convert, with accessible calls to action and honest urgency.</p>
  <CTASection headline="Start before the sale ends" subhead="The discount applies to the first year.">
    <CTA slot="primary" id="buy" href="/buy">Get 30% off
      <Incentive slot="incentive" kind="discount" percent={30} terms="/terms#winter" />
      <Countdown slot="countdown" deadline="${RUNNING_DEADLINE}" onExpire="disable-cta" />
    </CTA>
    <SocialProof slot="social-proof" rating=${rating} />
  </CTASection>
  <p>Inline, too: the offer <Countdown deadline="${DEADLINE_IN_DAYS(0.2)}" /> and this sentence must not move.</p>
  ${'<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.</p>'.repeat(8)}
`;

interface ScriptCost {
  files: number;
  raw: number;
  gzip: number;
}

async function writeFixture(): Promise<void> {
  await rm(FIXTURE, { recursive: true, force: true });
  await mkdir(join(FIXTURE, 'src', 'pages'), { recursive: true });
  await writeFile(
    join(FIXTURE, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport astroCta from 'astro-cta';\n` +
      `// The integration as users add it (beacon off by default); the audit is off: this site measures, it does not convert.\n` +
      `export default defineConfig({ integrations: [astroCta({ audit: false })], devToolbar: { enabled: false } });\n`,
  );
  for (const [name, body] of Object.entries({ ...PAGES, 'cls-landing': CLS_PAGE })) {
    await writeFile(join(FIXTURE, 'src', 'pages', `${name}.astro`), layout(name, body));
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

function serve(root: string): Promise<Server> {
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    try {
      if (!file.startsWith(root)) throw new Error('outside the site');
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(PORT, '127.0.0.1', () => resolve(server)));
}

/** Every script the page runs: external ones as served (bodies gzip-compressed here), plus inline ones. */
async function scriptCost(page: Page, url: string): Promise<ScriptCost> {
  const bodies: Buffer[] = [];
  const onResponse = async (response: import('playwright').Response) => {
    if (response.request().resourceType() === 'script') bodies.push(await response.body());
  };
  page.on('response', onResponse);
  await page.goto(url, { waitUntil: 'networkidle' });
  page.off('response', onResponse);
  // JSON-LD and other data blocks are not JavaScript.
  const inline = await page.$$eval('script:not([src])', (scripts) =>
    (scripts as HTMLScriptElement[])
      .filter((script) => !script.type || script.type === 'module' || script.type === 'text/javascript')
      .map((script) => script.textContent ?? ''),
  );
  const all = [...bodies, ...inline.map((text) => Buffer.from(text))];
  return {
    files: all.length,
    raw: all.reduce((sum, body) => sum + body.byteLength, 0),
    gzip: all.reduce((sum, body) => sum + (body.byteLength ? gzipSync(body, { level: 9 }).byteLength : 0), 0),
  };
}

/** Sum of layout-shift values not caused by input, observed from before the first paint. */
async function cumulativeLayoutShift(page: Page, url: string): Promise<{ cls: number; shifts: number; ticks: number }> {
  await page.addInitScript(() => {
    const state = { cls: 0, shifts: 0 };
    (window as unknown as { __cls: typeof state }).__cls = state;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (entry.hadRecentInput) continue;
        state.cls += entry.value;
        state.shifts += 1;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  const first = await page.locator('[data-cta-remaining]').first().textContent();
  await page.waitForTimeout(CLS_WINDOW_MS);
  const last = await page.locator('[data-cta-remaining]').first().textContent();
  const { cls, shifts } = await page.evaluate(
    () => (window as unknown as { __cls: { cls: number; shifts: number } }).__cls,
  );
  // A countdown that did not tick would make a zero meaningless.
  if (first === last) throw new Error(`the countdown did not tick during the CLS window ("${first}")`);
  return { cls, shifts, ticks: Math.round(CLS_WINDOW_MS / 1000) };
}

async function main(): Promise<void> {
  const started = performance.now();
  await writeFixture();
  await build({ root: FIXTURE, logLevel: 'error' });
  const dist = join(FIXTURE, 'dist');
  const server = await serve(dist);
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage();
    console.log(`JavaScript shipped per component page (astro build, loaded in Chromium ${browser.version()})`);
    console.log(`${'page'.padEnd(18)} ${'scripts'.padStart(7)} ${'raw B'.padStart(7)} ${'gzip B'.padStart(7)}  target`);
    let countdownGzip = 0;
    let failures = 0;
    for (const name of Object.keys(PAGES)) {
      const cost = await scriptCost(page, `http://127.0.0.1:${PORT}/${name}/`);
      const hasCountdown = /countdown|with-slots/.test(name);
      const target = hasCountdown ? `<= ${ENHANCER_BUDGET_GZIP} gzip` : '0';
      const met = hasCountdown ? cost.gzip <= ENHANCER_BUDGET_GZIP && cost.files === 1 : cost.raw === 0;
      if (!met) failures += 1;
      if (name === 'countdown') countdownGzip = cost.gzip;
      console.log(
        `${name.padEnd(18)} ${String(cost.files).padStart(7)} ${String(cost.raw).padStart(7)} ${String(cost.gzip).padStart(7)}  ${target} ${met ? 'ok' : 'MISSED'}`,
      );
    }
    console.log(
      `countdown enhancer as Astro ships it: ${countdownGzip} B gzip (budget ${ENHANCER_BUDGET_GZIP} B), one shared module however many countdowns`,
    );

    const clsPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const { cls, shifts, ticks } = await cumulativeLayoutShift(clsPage, `http://127.0.0.1:${PORT}/cls-landing/`);
    console.log(
      `cumulative layout shift, landing page with 2 running countdowns, ${CLS_WINDOW_MS} ms (~${ticks} ticks): ${cls.toFixed(4)} (${shifts} shifts; target 0) ${cls === 0 ? 'ok' : 'MISSED'}`,
    );

    const reduced = await browser.newPage({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
    await reduced.goto(`http://127.0.0.1:${PORT}/countdown/`);
    const reducedText = await reduced.locator('[data-cta-remaining]').textContent();
    console.log(`reduced motion, phone viewport: countdown shows "${reducedText}" (minute resolution)`);
    console.log(
      `done in ${((performance.now() - started) / 1000).toFixed(1)} s${failures ? `; ${failures} target(s) missed` : ''}`,
    );
  } finally {
    await browser.close();
    server.close();
    if (!process.env.BENCH_KEEP) await rm(FIXTURE, { recursive: true, force: true });
  }
}

await main();
