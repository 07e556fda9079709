// What naming the source place of each finding costs (npm run bench:source-match): a generated project of 1,000
// pages, each with a generic CTA written in its own page file, and 300 components of 40 elements each (13,000
// written elements in all), audited on one thread with and without `sources`. Wall time depends on the machine's
// load; CPU time less so. Prints figures; never a pass/fail.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditDirectory } from '@astro-cta/audit';

const repo = fileURLToPath(new URL('..', import.meta.url));
const work = path.join(repo, 'node_modules', '.cache', 'bench-source-match');
const PAGES = 1_000;
const COMPONENTS = 300;
const ELEMENTS_PER_COMPONENT = 40;

rmSync(work, { recursive: true, force: true });
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
  writeFileSync(path.join(work, file), text);
};
for (let c = 0; c < COMPONENTS; c++) {
  const elements = Array.from(
    { length: ELEMENTS_PER_COMPONENT },
    (_, e) => `  <a class="link" href="/c${c}/e${e}/">Topic ${c}.${e}</a>\n  <p>Paragraph {x} ${e}</p>`,
  );
  write(`src/components/C${c}.astro`, `---\nconst x = ${c};\n---\n<section>\n${elements.join('\n')}\n</section>\n`);
}
for (let p = 0; p < PAGES; p++) {
  const link = `<a class="button" href="/plans/${p}/">Learn more</a>`;
  write(
    `src/pages/p${p}.astro`,
    `---\nimport C${p % COMPONENTS} from '../components/C${p % COMPONENTS}.astro';\n---\n<main>\n  <h1>Page ${p}</h1>\n  ${link}\n  <C${p % COMPONENTS} />\n</main>\n`,
  );
  write(
    `dist/p${p}/index.html`,
    `<!doctype html><html lang="en"><head><title>Page ${p}</title></head><body><main><h1>Page ${p}</h1>${link}</main></body></html>`,
  );
}

const dir = path.join(work, 'dist');
const sourceFor = (route: string) => `src/pages/${route.replace(/^\/|\/$/g, '')}.astro`;
for (const withSources of [false, true]) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await auditDirectory(dir, {
    workers: 0,
    now: new Date('2026-11-30T00:00:00Z'),
    sourceFor,
    ...(withSources ? { sources: { srcDir: path.join(work, 'src'), root: work } } : {}),
  });
  const ms = Math.round(performance.now() - started);
  const used = process.cpuUsage(cpu);
  const cpuMs = Math.round((used.user + used.system) / 1000);
  const withElement = result.findings.filter((finding) => finding.line !== undefined);
  const placed = withElement.filter((finding) => finding.source);
  const right = placed.filter((finding) => finding.source?.file === finding.sourceHint);
  console.log(
    `${withSources ? 'with sources   ' : 'without sources'}: ${ms} ms (${cpuMs} ms CPU, one thread) for ${result.pages} pages, ${result.findings.length} findings; ` +
      `${placed.length} of ${withElement.length} findings on an element given a source place, ${right.length} in the page that writes it`,
  );
}
rmSync(work, { recursive: true, force: true });
