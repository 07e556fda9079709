import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { APIContext } from 'astro';
import { describe, expect, it } from 'vitest';
import { createCtaEndpoint } from './astro.ts';

// The parts of Astro's APIContext the endpoint reads; Astro passes the real thing.
function context(request: Request, clientAddress?: string): APIContext {
  return {
    request,
    url: new URL(request.url),
    get clientAddress(): string {
      if (clientAddress === undefined) throw new Error('this adapter has no client address');
      return clientAddress;
    },
  } as unknown as APIContext;
}

const event = { t: 'click', id: 'signup', p: '/', pv: 'pv1', s: 0, o: 'plain' };

describe('createCtaEndpoint (Astro, server output)', () => {
  it('stores events posted to the route, like cta-collect serve', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'cta-astro-')), 'events.sqlite');
    // The page is on localhost, as in `astro preview`: stored because acceptLocal says so.
    const POST = createCtaEndpoint({ db, acceptLocal: true });
    const request = new Request('http://localhost:4321/api/cta', {
      method: 'POST',
      body: JSON.stringify([event]),
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'http://localhost:4321' },
    });
    const response = await POST(context(request, '203.0.113.9'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, stored: 1, duplicates: 0 });
    const stored = new DatabaseSync(db, { readOnly: true });
    expect(stored.prepare('SELECT type, cta, open_mode FROM events').all()).toEqual([
      { type: 'click', cta: 'signup', open_mode: 'plain' },
    ]);
    stored.close();
  });

  it('answers development pages and automated browsers 200 without storing them, and logs how many', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'cta-astro-')), 'events.sqlite');
    const logged: string[] = [];
    const POST = createCtaEndpoint({ db, log: (line) => logged.push(line) });
    const HEADLESS =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0 Safari/537.36';
    const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';
    const send = async (url: string, headers: Record<string, string>, pv: string) => {
      const body = JSON.stringify([
        { ...event, pv },
        { ...event, pv, s: 1 },
      ]);
      const request = new Request(url, { method: 'POST', body, headers: { 'content-type': 'text/plain', ...headers } });
      const response = await POST(context(request));
      return { status: response.status, body: await response.json() };
    };
    // localhost, a *.localhost name, 127.0.0.0/8 and [::1] (the Referer names the page when there is no Origin).
    for (const [url, headers] of [
      ['http://localhost:4321/api/cta', { origin: 'http://localhost:4321', 'user-agent': CHROME }],
      ['http://shop.localhost:4321/api/cta', { origin: 'http://shop.localhost:4321' }],
      ['http://127.0.0.2:8080/api/cta', { origin: 'http://127.0.0.2:8080' }],
      ['http://[::1]:4321/api/cta', { referer: 'http://[::1]:4321/pricing/' }],
    ] as const) {
      expect(await send(url, headers, 'pvLocal')).toEqual({
        status: 200,
        body: { ok: true, stored: 0, duplicates: 0, dropped: 2, reason: 'local' },
      });
    }
    const automated = await send('https://site.example/api/cta', { 'user-agent': HEADLESS }, 'pvHeadless');
    expect(automated.body).toEqual({ ok: true, stored: 0, duplicates: 0, dropped: 2, reason: 'automation' });
    const crawler = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
    expect((await send('https://site.example/api/cta', { 'user-agent': crawler }, 'pvBot')).body.reason).toBe(
      'automation',
    );
    // A real browser on a public page, and a deliberate sender (an HTTP library: it cannot run the beacon).
    expect((await send('https://site.example/api/cta', { 'user-agent': CHROME }, 'pvReal')).body.stored).toBe(2);
    expect((await send('https://site.example/api/cta', { 'user-agent': 'curl/8.5.0' }, 'pvCurl')).body.stored).toBe(2);
    const stored = new DatabaseSync(db, { readOnly: true });
    expect(stored.prepare('SELECT DISTINCT page_view FROM events ORDER BY page_view').all()).toEqual([
      { page_view: 'pvCurl' },
      { page_view: 'pvReal' },
    ]);
    stored.close();
    // One line per reason and minute (the rest are counted into the next line), each saying how to keep them.
    expect(logged).toEqual([
      expect.stringMatching(/not stored: 2 event\(s\) from a page on localhost.*--accept-local.*\(2 such events/),
      expect.stringMatching(/not stored: 2 event\(s\) from an automated browser.*--accept-automation/),
    ]);
  });

  it('stores development pages and automated browsers when told to (tests, demos)', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'cta-astro-')), 'events.sqlite');
    const POST = createCtaEndpoint({ db, acceptLocal: true, acceptAutomation: true });
    const request = new Request('http://127.0.0.1:4321/api/cta', {
      method: 'POST',
      body: JSON.stringify([event]),
      headers: {
        'content-type': 'text/plain',
        origin: 'http://127.0.0.1:4321',
        'user-agent': 'Mozilla/5.0 HeadlessChrome/140.0',
      },
    });
    expect(await (await POST(context(request))).json()).toEqual({ ok: true, stored: 1, duplicates: 0 });
  });

  it('validates like the server: other origins, large bodies and bad events get 4xx', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'cta-astro-')), 'events.sqlite');
    const POST = createCtaEndpoint({ db, rateLimit: { burst: 100, perSecond: 0 } });
    const send = (body: BodyInit, headers: Record<string, string> = {}) =>
      POST(
        context(
          new Request('https://site.example/api/cta', {
            method: 'POST',
            body,
            headers: { 'content-type': 'text/plain', ...headers },
          }),
        ),
      );
    expect((await send(JSON.stringify([event]), { origin: 'https://other.example' })).status).toBe(403);
    const stream = new ReadableStream({
      pull(controller) {
        controller.enqueue(new Uint8Array(8192));
      },
    });
    expect(
      (
        await POST(
          context(
            new Request('https://site.example/api/cta', {
              method: 'POST',
              body: stream,
              duplex: 'half',
              headers: { 'content-type': 'text/plain' },
            } as RequestInit),
          ),
        )
      ).status,
    ).toBe(413);
    expect((await send('[{"t":"click"}]')).status).toBe(422);
    expect((await send(JSON.stringify([event]))).status).toBe(200);
  });
});
