import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits.ts';
import { parseBatch } from './validate.ts';

const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const click = {
  t: 'click',
  id: 'signup',
  p: '/pricing/',
  pv: 'k3j9x0aa1b',
  s: 0,
  v: 'primary',
  g: 'trial',
  d: 'https://example.com/signup',
  o: 'plain',
};
const impression = { t: 'impression', id: 'signup', p: '/pricing/', pv: 'k3j9x0aa1b', s: 1 };
const conversion = {
  t: 'conversion',
  id: 'signup',
  g: 'signup',
  p: '/welcome/',
  pv: 'q8w7e6',
  s: 0,
  vi: 'v1a2b3',
  val: 49.9,
  cur: 'EUR',
  ac: 'hero',
  apv: 'k3j9x0aa1b',
};
const engaged = { t: 'engaged', id: '10s', p: '/pricing/', pv: 'k3j9x0aa1b', s: 2, vi: 'v1a2b3' };

// L1: control characters in props values are refused like everywhere else, naming the field.
const CONTROL_IN_NOTE = /at \[0\]\.props\.note: props values must not contain control characters/;

function error(value: unknown): string {
  const result = parseBatch(bytes(value));
  if (result.ok) throw new Error(`expected ${JSON.stringify(value)} to be refused`);
  return `${result.status} ${result.error}`;
}

describe('parseBatch', () => {
  it('accepts a batch of contract events and keeps exactly their fields', () => {
    const custom = {
      t: 'custom',
      id: 'video-play',
      p: '/',
      pv: 'abc',
      s: 2,
      props: { seconds: 12, autoplay: false, src: 'intro' },
    };
    const result = parseBatch(bytes([click, impression, custom]));
    expect(result).toEqual({ ok: true, events: [click, impression, custom] });
  });

  it('accepts visits, conversions and experiments as the contract defines them', () => {
    const experiment = { ...click, vi: 'v1a2b3', x: 'hero-copy', a: 'B' };
    const bare = { t: 'conversion', id: 'signup', g: 'signup', p: '/', pv: 'abc', s: 0 };
    expect(parseBatch(bytes([conversion, experiment, bare]))).toEqual({
      ok: true,
      events: [conversion, experiment, bare],
    });
  });

  it('accepts the engagement signal: a page view visible for 10 s, with its page view fields only', () => {
    expect(parseBatch(bytes([impression, engaged]))).toEqual({ ok: true, events: [impression, engaged] });
  });

  it('drops unknown keys instead of storing them', () => {
    const result = parseBatch(bytes([{ ...impression, extra: 'x', ip: '1.2.3.4', __proto__: { admin: true } }]));
    expect(result.ok && result.events[0]).toEqual(impression);
    expect(result.ok && Object.getPrototypeOf(result.events[0])).toBe(Object.prototype);
  });

  it('refuses bodies that are not UTF-8 or not JSON, with 400', () => {
    const invalidUtf8 = new Uint8Array([0x5b, 0xff, 0xfe, 0x5d]);
    expect(parseBatch(invalidUtf8)).toEqual({ ok: false, status: 400, error: 'the body is not valid UTF-8' });
    expect(error('[{"t":')).toMatch(/^400 the body is not valid JSON/);
    expect(error('')).toMatch(/^400 the body is not valid JSON/);
  });

  it.each([
    [/^422 the body must be a JSON array of events/, { not: 'an array' }],
    [/^422 the batch is empty/, []],
    [/at most 200 events/, Array.from({ length: LIMITS.maxEventsPerBatch + 1 }, (_, s) => ({ ...impression, s }))],
    [/^422 at \[0\]/, ['click']],
    [/at \[0\]\.t: t must be one of click, impression, custom, conversion/, [{ ...click, t: 'hover' }]],
    [/at \[0\]\.id: id must not be empty/, [{ ...click, id: '' }]],
    [/at \[0\]\.id: id must be a string/, [{ ...click, id: 42 }]],
    [/id is longer than 128 characters/, [{ ...click, id: 'x'.repeat(LIMITS.maxNameLength + 1) }]],
    [/id must not contain control characters/, [{ ...click, id: 'sign\nup' }]],
    [/p \(page path\) must start with "\/"/, [{ ...click, p: 'pricing' }]],
    [/pv \(page-view id\) must be letters, digits/, [{ ...click, pv: "x'; DROP TABLE events; --" }]],
    [/pv \(page-view id\) is longer than 64/, [{ ...click, pv: 'a'.repeat(65) }]],
    [/s \(sequence\) must be >= 0/, [{ ...click, s: -1 }]],
    [/s \(sequence\) must be an integer/, [{ ...click, s: 1.5 }]],
    [/s \(sequence\) must be a number/, [{ ...click, s: '1' }]],
    // biome-ignore lint/correctness/noPrecisionLoss: 1e999 is Infinity on purpose
    [/at \[0\]\.s/, [{ ...click, s: 1e999 }]],
    [
      /o \(open mode\) must be a number from 0 to 3 \(0 plain, 1 modifier, 2 middle, 3 new-tab\)/,
      [{ ...click, o: 'shift' }],
    ],
    [/at \[0\]\.o: o \(open mode\) must be a number from 0 to 3/, [{ ...click, o: 4 }]],
    [/at \[0\]\.o: o \(open mode\) must be a number from 0 to 3/, [{ ...click, o: 1.5 }]],
    [/at \[0\]\.o: o \(open mode\) must be a number from 0 to 3/, [{ ...click, o: -1 }]],
    [/at \[0\]\.v/, [{ ...click, v: null }]],
    // The tab id from sessionStorage holding something else, and a collector-made visit id ("<tab>.<n>").
    [/at \[0\]\.vi: vi \(visit id\) must be letters, digits/, [{ ...click, vi: '<img src=x onerror=alert(1)>' }]],
    [/at \[0\]\.vi: vi \(visit id\) must be letters, digits/, [{ ...click, vi: 'k3j9x0aa1b.2' }]],
    [/d \(destination\) is longer than 2048/, [{ ...click, d: 'x'.repeat(LIMITS.maxUrlLength + 1) }]],
    [/props must be an object/, [{ ...impression, props: [] }]],
    [/props values must be strings, finite numbers or booleans/, [{ ...impression, props: { nested: { a: 1 } } }]],
    [
      /props keys __proto__, constructor and prototype are reserved/,
      [{ ...impression, props: JSON.parse('{"__proto__": "x"}') }],
    ],
    [/props keys __proto__, constructor and prototype are reserved/, [{ ...impression, props: { constructor: 'x' } }]],
    [CONTROL_IN_NOTE, [{ ...impression, props: { note: 'a\u0000b' } }]],
    [CONTROL_IN_NOTE, [{ ...impression, props: { note: 'x\u001b[2J' } }]],
    [CONTROL_IN_NOTE, [{ ...impression, props: { note: 'a\u0085b' } }]],
    [/at \[0\]\.id: id must not contain a lone UTF-16 surrogate/, [{ ...click, id: 'sign\ud800up' }]],
    [/at \[0\]\.p: p \(page path\) must not contain a lone UTF-16 surrogate/, [{ ...click, p: '/\udc00' }]],
    [/at \[0\]\.d: d \(destination\) must not contain a lone UTF-16/, [{ ...click, d: 'https://x.example/\udbff' }]],
    [/at \[0\]\.props\.note: props values must not contain a lone/, [{ ...impression, props: { note: '\ud83d' } }]],
    [/at \[0\]\.props\.k\ud800: props keys must not contain a lone/, [{ ...impression, props: { 'k\ud800': 1 } }]],
    [/at \[0\]\.vi: vi \(visit id\) must be letters, digits/, [{ ...click, vi: 'visit id' }]],
    [/at \[0\]\.vi: vi \(visit id\) is longer than 64/, [{ ...click, vi: 'v'.repeat(65) }]],
    [/at \[0\]\.vi: vi \(visit id\) must be a string/, [{ ...click, vi: 7 }]],
    [/at \[0\]\.g: g \(goal\) is required on a conversion/, [{ ...conversion, g: undefined }]],
    [/at \[0\]\.cur: cur \(currency\) is required with val/, [{ ...conversion, cur: undefined }]],
    [/at \[0\]\.val: val \(conversion value\) is missing: cur needs it/, [{ ...conversion, val: undefined }]],
    [/at \[0\]\.cur: cur \(currency\) must be an ISO 4217 code in capitals/, [{ ...conversion, cur: 'eur' }]],
    [/at \[0\]\.cur: cur \(currency\) must be an ISO 4217 code/, [{ ...conversion, cur: 'XYZ' }]],
    [/at \[0\]\.val: val \(conversion value\) must be >= 0/, [{ ...conversion, val: -5 }]],
    [/at \[0\]\.val: val \(conversion value\) must be <= 1000000000/, [{ ...conversion, val: 1e10 }]],
    [/at \[0\]\.val: val \(conversion value\) must be a number/, [{ ...conversion, val: '49.90' }]],
    [/at \[0\]\.apv: apv \(attributed page view\) must be letters/, [{ ...conversion, apv: '../x' }]],
    [/at \[0\]\.ac: ac \(attributed CTA\) must not contain control/, [{ ...conversion, ac: 'a\u0007' }]],
    [/at \[0\]\.val: val applies to conversion events only/, [{ ...click, val: 3 }]],
    [/at \[0\]\.ac: ac applies to conversion events only/, [{ ...click, ac: 'hero' }]],
    [/at \[0\]\.id: id must be "10s" on an engaged event/, [{ ...engaged, id: 'signup' }]],
    [/at \[0\]\.d: d does not apply to engaged events/, [{ ...engaged, d: 'https://example.com/' }]],
    [/at \[0\]\.props: props does not apply to engaged events/, [{ ...engaged, props: { seconds: 10 } }]],
    [/at \[0\]\.val: val applies to conversion events only/, [{ ...engaged, val: 1 }]],
    [/at \[0\]\.t: t must be one of click, impression, custom, conversion, engaged/, [{ ...engaged, t: 'engage' }]],
    [/at \[0\]\.a: a \(experiment arm\) needs x \(experiment\) too/, [{ ...click, a: 'B' }]],
    [/at \[0\]\.x: x \(experiment\) is longer than 128/, [{ ...click, x: 'x'.repeat(129) }]],
    [
      /props has more than 20 keys/,
      [{ ...impression, props: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, i])) }],
    ],
  ])('refuses with a message naming the field: %s', (message, body) => {
    expect(error(body)).toMatch(message);
  });

  it('accepts well-formed Unicode, surrogate pairs (emoji) included, unchanged', () => {
    const event = { ...impression, id: 'sign-up-\u{1F680}', props: { note: 'caf\u00e9 \u{1F600}', tab: 'a b' } };
    // JSON.stringify escapes nothing here; the bytes carry real 4-byte UTF-8 sequences.
    expect(parseBatch(bytes([event]))).toEqual({ ok: true, events: [event] });
  });

  it('refuses the whole batch when one event is wrong, so nothing invalid is stored', () => {
    expect(error([click, { ...impression, s: 'two' }])).toMatch(/^422 at \[1\]\.s/);
  });

  it('counts further problems without listing them all', () => {
    expect(error([{ t: 'click' }])).toMatch(/\(and \d+ more problems\)$/);
  });

  it('survives deeply nested JSON', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    expect(error(deep)).toMatch(/^422/);
  });
});

describe('open modes on the wire', () => {
  it('takes each mode by its number in the contract (the beacon sends numbers) and stores its name', () => {
    const modes = [0, 1, 2, 3].map((o, s) => ({ ...click, s, o }));
    const result = parseBatch(bytes(modes));
    expect(result.ok && result.events.map((event) => event.o)).toEqual(['plain', 'modifier', 'middle', 'new-tab']);
  });

  it('still takes the names that beacons before the numbers sent', () => {
    const result = parseBatch(bytes([{ ...click, o: 'new-tab' }]));
    expect(result.ok && result.events[0]!.o).toBe('new-tab');
  });
});
