// Lists every link and button of each page of a built site, with the facts a labeller needs: text (accessible
// name), href, classes and the landmark it sits in. Used to label tests/fixtures/real-world by hand; it shows
// nothing of the audit's own opinion, so labels stay independent of it.
// Usage: node scripts/real-corpus/dump.ts <site dir> [route-prefix]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'domhandler';
import { findAll, findOne, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { accessibleText, landmarkOf } from '../../tests/fixtures/real-world/match.ts';

const args = process.argv.slice(2);
// Header, nav and footer links are site chrome, the same on every page: shown only with --chrome.
const showChrome = args.includes('--chrome');
const [dir, prefix = '/'] = args.filter((arg) => arg !== '--chrome');
const CHROME = new Set(['header', 'nav', 'footer']);
if (!dir) {
  console.error('Usage: node scripts/real-corpus/dump.ts <site dir> [route-prefix] [--chrome]');
  process.exit(2);
}
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.html'))
  .sort();
for (const file of files) {
  const route = `/${file.replace(/index\.html$/, '')}`;
  if (!route.startsWith(prefix)) continue;
  const document = parseDocument(readFileSync(path.join(dir, file), 'utf8'));
  const title = findOne((el) => el.name === 'title', document.children);
  const robots = findOne((el) => el.name === 'meta' && el.attribs.name === 'robots', document.children);
  const main = findAll((el) => el.name === 'main', document.children).length;
  const heading = `${route}  "${title ? textContent(title).trim() : ''}"`;
  console.log(`\n=== ${heading}${robots ? ` robots=${robots.attribs.content}` : ''} main×${main}`);
  const actionable = findAll(
    (el) =>
      (el.name === 'a' && el.attribs.href !== undefined) ||
      el.name === 'button' ||
      (el.name === 'input' && /^(submit|button)$/i.test(el.attribs.type ?? '')),
    document.children,
  );
  const chrome = actionable.filter((el) => CHROME.has(landmarkOf(el))).length;
  if (!showChrome && chrome > 0) console.log(`  (${chrome} links/buttons in header, nav and footer)`);
  for (const el of actionable) {
    if (!showChrome && CHROME.has(landmarkOf(el))) continue;
    const cls = (el.attribs.class ?? '').replace(/\s+/g, ' ').slice(0, 70);
    const href = el.attribs.href ?? (el.name === 'button' ? `[button ${el.attribs.type ?? ''}]` : '[input]');
    console.log(
      `  ${landmarkOf(el).padEnd(7)} ${el.name.padEnd(6)} ${JSON.stringify(accessibleText(el as Element))
        .slice(0, 60)
        .padEnd(40)} ${href.slice(0, 60)}  .${cls}`,
    );
  }
}
