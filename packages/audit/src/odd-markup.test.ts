import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ERROR } from './engine.ts';
import { rules } from './rules/index.ts';
import { auditDirectory } from './site.ts';

// Markup seen on real sites that is odd but not hostile: pages without <html> or <body>, a legacy charset declared
// by http-equiv, UTF-16, an inline SVG sprite of thousands of symbols, iframes. Each page is audited like any other:
// findings where the markup is wrong, no audit error, and CTA names read in the page's own encoding.

async function siteOf(pages: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cta-odd-'));
  for (const [file, content] of Object.entries(pages)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
  return dir;
}

const sprite = `<svg xmlns="http://www.w3.org/2000/svg" style="display:none">${Array.from(
  { length: 3000 },
  (_, n) => `<symbol id="i${n}" viewBox="0 0 24 24"><title>icon ${n}</title><path d="M${n} 0L24 24"/></symbol>`,
).join('')}</svg>`;

describe('the audit on odd real markup', () => {
  it('audits every page, turning what is wrong into findings and nothing into an audit error', async () => {
    const dir = await siteOf({
      'index.html': '<html lang="en"><body><main><h1>Home</h1><a class="btn" href="/bare/">Read the guide</a></main>',
      // No <html>, <head> or <body>: browsers build them; the audit reads the page the same way.
      'bare/index.html': '<title>Bare</title><main><h1>Bare</h1><a class="btn" href="/nope/">Get started</a></main>',
      // A legacy charset declared the HTML 4 way: the CTA's name is read in Shift_JIS, not as mojibake.
      'ja/index.html': Buffer.from(
        encodeShiftJis(
          '<html lang="ja"><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">' +
            '</head><body><main><h1>ようこそ</h1><a class="btn" href="/">詳細</a></main></body></html>',
        ),
      ),
      'utf16/index.html': Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(
          '<html lang="en"><body><main><h1>UTF-16</h1><a class="btn" href="/">Learn more</a></main>',
          'utf16le',
        ),
      ]),
      // An icon sprite of 3,000 symbols before the content; an icon-only button whose only name is in the sprite.
      'sprite/index.html':
        `<html lang="en"><body>${sprite}<main><h1>Sprite</h1>` +
        '<a class="btn" href="/"><svg><use href="#i1"/></svg> Download the app</a>' +
        '<button class="btn btn-primary"><svg><use href="#i2"></use></svg></button></main></body></html>',
      // A video embed, an iframe inside a link, and a srcdoc whose markup is an attribute, not the page's content.
      'video/index.html':
        '<html lang="en"><body><main><h1>Video</h1>' +
        '<iframe src="https://www.youtube.com/embed/x" title="Demo"></iframe>' +
        '<iframe srcdoc="<a class=btn href=/x>Buy now</a>" title="Ad"></iframe>' +
        '<a class="btn" href="/"><iframe src="/player" title="Player"></iframe>Watch the demo</a></main></body></html>',
      'frames/index.html': '<html><frameset><frame src="/index.html"></frameset></html>',
    });
    const result = await auditDirectory(dir, { rules, workers: 0 });
    expect(result.pages).toBe(7);
    expect(result.findings.filter((finding) => finding.ruleId === AUDIT_ERROR)).toEqual([]);
    const on = (route: string) =>
      result.findings
        .filter((finding) => finding.route === route)
        .map((finding) => [finding.ruleId, finding.message] as const);
    expect(on('/')).toEqual([]);
    expect(on('/bare/')).toEqual([['cta-dead-target', expect.stringContaining('"Get started"')]]);
    expect(on('/ja/')).toEqual([['cta-generic-text', expect.stringContaining('CTA text "詳細" is generic')]]);
    expect(on('/utf16/')).toEqual([['cta-generic-text', expect.stringContaining('"Learn more" is generic')]]);
    expect(on('/sprite/').map(([rule]) => rule)).toEqual(['cta-name']);
    expect(on('/video/')).toEqual([['cta-nested-interactive', expect.stringContaining('contains a <iframe>')]]);
    expect(on('/frames/')).toEqual([]);
  }, 60_000);
});

/** Shift_JIS bytes of a string, through the platform's own tables (TextDecoder decodes it; Node has no encoder). */
function encodeShiftJis(text: string): number[] {
  const decoder = new TextDecoder('shift_jis');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead >= 0xa0 && lead <= 0xdf) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return [...text].flatMap((char) => {
    if (char.charCodeAt(0) < 0x80) return [char.charCodeAt(0)];
    const bytes = table.get(char);
    if (!bytes) throw new Error(`"${char}" has no Shift_JIS encoding`);
    return bytes;
  });
}
