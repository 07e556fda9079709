import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

// The Astro endpoint in a real server build: Vite bundles @astro-cta/collector/astro (and node:sqlite) into the
// @astrojs/node server, which then stores events posted to /api/cta exactly like cta-collect serve.

const FIXTURE = fileURLToPath(new URL('./fixtures/server-output/', import.meta.url));
const ASTRO = fileURLToPath(new URL('../../../node_modules/astro/bin/astro.mjs', import.meta.url));
// The server listens on a port the system picks (PORT=0) and says where: "Server listening on http://127.0.0.1:…".
const LISTENING = /Server listening on (http:\/\/127\.0\.0\.1:\d+)/;

test('a built @astrojs/node site stores events through the mounted endpoint', async () => {
  test.setTimeout(240_000);
  const build = spawnSync(process.execPath, [ASTRO, 'build', '--root', FIXTURE], { encoding: 'utf8' });
  expect(build.status, build.stderr + build.stdout).toBe(0);

  const db = join(mkdtempSync(join(tmpdir(), 'cta-astro-endpoint-')), 'events.sqlite');
  const server = spawn(process.execPath, [join(FIXTURE, 'dist/server/entry.mjs')], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', CTA_COLLECTOR_DB: db, CTA_COLLECTOR_ACCEPT_LOCAL: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  try {
    await expect.poll(() => LISTENING.exec(output)?.[1], { timeout: 30_000 }).toBeTruthy();
    const url = LISTENING.exec(output)![1]!;
    await expect
      .poll(
        () =>
          fetch(`${url}/`).then(
            (response) => response.status,
            () => 0,
          ),
        { timeout: 30_000 },
      )
      .toBe(200);

    const events = [
      { t: 'impression', id: 'signup', p: '/', pv: 'astro1', s: 0 },
      { t: 'click', id: 'signup', p: '/', pv: 'astro1', s: 1, d: `${url}/signup`, o: 'plain' },
    ];
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(`${url}/api/cta`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'text/plain;charset=UTF-8', origin: url, ...headers },
      });
    const stored = await post(JSON.stringify(events));
    expect(stored.status, output).toBe(200);
    expect(await stored.json()).toEqual({ ok: true, stored: 2, duplicates: 0 });
    expect(await (await post(JSON.stringify(events))).json()).toEqual({ ok: true, stored: 0, duplicates: 2 });
    expect((await post('[{"t":"click"}]')).status).toBe(422);
    expect((await post('x'.repeat(20_000))).status).toBe(413);

    const database = new DatabaseSync(db, { readOnly: true });
    expect(database.prepare('SELECT page_view, seq, type FROM events ORDER BY seq').all()).toEqual([
      { page_view: 'astro1', seq: 0, type: 'impression' },
      { page_view: 'astro1', seq: 1, type: 'click' },
    ]);
    database.close();
  } finally {
    server.kill('SIGTERM');
  }
});
