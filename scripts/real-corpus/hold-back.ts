// Moves a seeded-random quarter of a template's pages into labels.held-back.json: their labels (own or family,
// written out in full) leave labels.json, so whoever tunes the audit on labels.json never reads them. The scorer
// reports the held-back pages' figures on their own (the over-fitting check). Run once per template, after labelling
// and before any tuning; running it again on a split template is refused.
// Usage: node scripts/real-corpus/hold-back.ts <template>
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type LabelsFile, labelFor, type PageLabel, readLabels } from '../../tests/fixtures/real-world/labels.ts';
import { CORPUS_DIR } from '../../tests/fixtures/real-world/score.ts';

const template = process.argv[2];
if (!template) {
  console.error('Usage: node scripts/real-corpus/hold-back.ts <template>');
  process.exit(2);
}
const root = path.join(CORPUS_DIR, template);
const heldBackFile = path.join(root, 'labels.held-back.json');
if (existsSync(heldBackFile)) {
  console.error(`${heldBackFile} exists: this template was split already.`);
  process.exit(1);
}

/** mulberry32, seeded from the template's name: the same quarter on every machine. */
function random(seedText: string): () => number {
  let seed = [...seedText].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 2654435761) >>> 0, 2166136261);
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const labelsFile = path.join(root, 'labels.json');
const labels = readLabels(labelsFile);
const routes = readdirSync(path.join(root, 'site'), { recursive: true, encoding: 'utf8' })
  .map((file) => file.split(path.sep).join('/'))
  .filter((file) => file.endsWith('.html'))
  .map((file) => (file === 'index.html' ? '/' : file.endsWith('/index.html') ? `/${file.slice(0, -10)}` : `/${file}`))
  .sort();
const next = random(template);
const shuffled = routes
  .map((route) => ({ route, key: next() }))
  .sort((a, b) => a.key - b.key)
  .map(({ route }) => route);
const chosen = shuffled.slice(0, Math.round(routes.length / 4)).sort();
const heldBack: LabelsFile = { template, pages: {} };
for (const route of chosen) {
  const label = labelFor(labels, route);
  if (!label) throw new Error(`${labelsFile}: no label for ${route}.`);
  const { kind, needsCta, ctas, findings, note } = label as PageLabel;
  heldBack.pages[route] = { kind, needsCta, ctas, findings, ...(note ? { note } : {}) };
  delete labels.pages[route];
}
writeFileSync(heldBackFile, `${JSON.stringify(heldBack, null, 2)}\n`);
writeFileSync(labelsFile, `${JSON.stringify(labels, null, 2)}\n`);
console.log(`${template}: ${chosen.length} of ${routes.length} pages held back.`);
