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
    const POST = createCtaEndpoint({ db });
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
