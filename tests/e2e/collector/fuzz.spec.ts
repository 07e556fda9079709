import { mkdtempSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { type CollectorProcess, postRaw, startCollector } from './collector-process.ts';

// Thousands of hostile bodies against the real `cta-collect serve` process over real HTTP. Every body below is
// invalid by construction, so each must get a 4xx; the valid controls sprinkled in must be stored; afterwards the
// process is alive and the table holds only the controls' rows, each within the contract's bounds.

const SEED = 20261126;

const valid = {
  t: 'click',
  id: 'signup',
  p: '/pricing/',
  pv: 'pv',
  s: 0,
  v: 'primary',
  g: 'trial',
  d: 'https://example.com/',
  o: 'plain',
};
const sqlLike = fc.constantFrom(
  "'; DROP TABLE events; --",
  '" OR 1=1 --',
  "x') ; DELETE FROM events; --",
  'UNION SELECT * FROM sqlite_master',
);
const notString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string()),
  fc.dictionary(fc.string(), fc.string()),
);
const notEventType = fc.oneof(
  notString,
  fc.string().filter((t) => !['click', 'impression', 'custom'].includes(t)),
);

/** One field of a valid event replaced by a value that field must refuse. */
const brokenEvent = fc.oneof(
  notEventType.map((t) => ({ ...valid, t })),
  fc
    .oneof(notString, fc.constant(''), fc.string({ minLength: 129, maxLength: 300 }), fc.constant('sign\u0000up'))
    .map((id) => ({ ...valid, id })),
  fc
    .oneof(
      notString,
      fc.string().filter((p) => !p.startsWith('/')),
      sqlLike,
    )
    .map((p) => ({ ...valid, p })),
  fc
    .oneof(
      notString,
      sqlLike,
      fc.string({ minLength: 1 }).filter((pv) => !/^[A-Za-z0-9_-]+$/.test(pv)),
    )
    .map((pv) => ({ ...valid, pv })),
  fc
    .oneof(
      fc.double().filter((s) => !Number.isInteger(s)),
      fc.integer({ max: -1 }),
      fc.integer({ min: 1_000_001 }),
      fc.string(),
      fc.constant(null),
    )
    .map((s) => ({ ...valid, s })),
  fc
    .oneof(
      notString,
      fc.string().filter((o) => !['plain', 'modifier', 'middle', 'new-tab'].includes(o)),
    )
    .map((o) => ({ ...valid, o })),
  fc
    .constantFrom('__proto__', 'constructor', 'prototype')
    .map((key) => JSON.parse(`{"t":"custom","id":"x","p":"/","pv":"a","s":0,"props":{"${key}":{"polluted":true}}}`)),
  fc
    .constantFrom('t', 'id', 'p', 'pv', 's')
    .map((key) => Object.fromEntries(Object.entries(valid).filter(([name]) => name !== key))),
);

function nested(depth: number): string {
  return `${'['.repeat(depth)}{"t":"click"}${']'.repeat(depth)}`;
}

const text = (body: string) => ({ body: Buffer.from(body), type: 'text/plain;charset=UTF-8' });

/** A request that must be refused, and the status range it must get. */
const hostileRequest = fc.oneof(
  // JSON that is not an array of events.
  fc
    .jsonValue()
    .filter((value) => !Array.isArray(value))
    .map((value) => text(JSON.stringify(value))),
  // Arrays with at least one event broken in one field (the rest valid).
  fc
    .tuple(fc.array(fc.constant(valid), { maxLength: 3 }), brokenEvent)
    .map(([good, bad]) => text(JSON.stringify([...good, bad]))),
  // Arrays of arbitrary values, at least one of them not an object.
  fc.array(fc.jsonValue(), { minLength: 1, maxLength: 5 }).map((items) => text(JSON.stringify([...items, 42]))),
  // Random bytes: invalid UTF-8 and JSON syntax errors.
  fc.uint8Array({ minLength: 1, maxLength: 2000 }).map((bytes) => ({
    body: Buffer.concat([Buffer.from('['), Buffer.from(bytes), Buffer.from([0xff])]),
    type: 'text/plain',
  })),
  // Deep nesting, up to the size limit.
  fc.integer({ min: 100, max: 8000 }).map((depth) => text(nested(depth))),
  // Too large: more than 16 KB.
  fc.integer({ min: 16_385, max: 200_000 }).map((size) => text(`[${' '.repeat(size)}]`)),
  // Valid JSON, wrong content type.
  fc
    .constantFrom('application/x-www-form-urlencoded', 'multipart/form-data', 'text/html', 'text/plain; charset=latin1')
    .map((type) => ({ body: Buffer.from(JSON.stringify([valid])), type })),
  // Too many events.
  fc
    .integer({ min: 201, max: 300 })
    .map((count) =>
      text(
        JSON.stringify(Array.from({ length: count }, (_, s) => ({ t: 'impression', id: 'a', p: '/', pv: 'many', s }))),
      ),
    ),
);

let collector: CollectorProcess;
let db: string;

test.beforeAll(async () => {
  db = join(mkdtempSync(join(tmpdir(), 'cta-fuzz-')), 'events.sqlite');
  collector = await startCollector([
    '--db',
    db,
    '--port',
    '0',
    '--rate',
    '0',
    '--max-events-per-day',
    '0',
    '--max-new-ctas-per-day',
    '0',
  ]);
});

test.afterAll(async () => {
  collector.child.kill('SIGTERM');
  await collector.exited;
});

test('thousands of hostile bodies: a 4xx for each, no crash, no invalid row', async () => {
  test.setTimeout(180_000);
  const requests = fc.sample(hostileRequest, { numRuns: 3000, seed: SEED });
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const statuses = new Map<number, number>();
  const unexpected: string[] = [];
  let controlsSent = 0;
  let next = 0;

  const worker = async () => {
    while (next < requests.length) {
      const index = next++;
      const { body, type } = requests[index]!;
      const response = await postRaw(
        collector.url,
        body,
        { 'content-type': type, 'content-length': String(body.length) },
        agent,
      );
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status < 400 || response.status >= 500)
        unexpected.push(`#${index} got ${response.status}: ${body.subarray(0, 200).toString()}`);
      // A valid control every 50 requests: real events still get in between the attacks, SQL-looking text included.
      if (index % 50 === 0) {
        const control = Buffer.from(
          JSON.stringify([{ ...valid, id: "'; DROP TABLE events; --", pv: `control${index}` }]),
        );
        const ok = await postRaw(collector.url, control, { 'content-type': 'text/plain' }, agent);
        if (ok.status !== 200) unexpected.push(`control #${index} got ${ok.status}: ${ok.body}`);
        controlsSent++;
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  agent.destroy();

  console.log(
    `fuzz: ${requests.length} hostile requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}, ${controlsSent} valid controls`,
  );
  expect(unexpected).toEqual([]);
  expect(collector.child.exitCode).toBeNull();
  expect(collector.stderr()).not.toContain('request failed');

  const database = new DatabaseSync(db, { readOnly: true });
  const rows = database.prepare('SELECT * FROM events').all() as Array<Record<string, unknown>>;
  const invalid = database
    .prepare(
      `SELECT COUNT(*) AS n FROM events WHERE NOT (
         type IN ('click', 'impression', 'custom') AND typeof(seq) = 'integer' AND seq BETWEEN 0 AND 1000000
         AND typeof(cta) = 'text' AND length(cta) BETWEEN 1 AND 128 AND typeof(page) = 'text' AND substr(page, 1, 1) = '/'
         AND page_view NOT GLOB '*[^A-Za-z0-9_-]*' AND length(page_view) BETWEEN 1 AND 64
         AND (open_mode IS NULL OR open_mode IN ('plain', 'modifier', 'middle', 'new-tab')) AND (props IS NULL OR json_valid(props)))`,
    )
    .get() as { n: number };
  database.close();
  expect(invalid.n).toBe(0);
  expect(rows).toHaveLength(controlsSent);
  expect(
    rows.every((row) => row.cta === "'; DROP TABLE events; --" && String(row.page_view).startsWith('control')),
  ).toBe(true);
  expect(Object.getPrototypeOf({}).polluted).toBeUndefined();
});
