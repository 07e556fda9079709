import { describe, expect, it } from 'vitest';
import { ThrottledLog } from './throttled-log.ts';

describe('ThrottledLog', () => {
  it('writes one line per kind and window, then says how many it held back', () => {
    let now = 0;
    const lines: string[] = [];
    const log = new ThrottledLog((line) => lines.push(line), { windowMs: 60_000, now: () => now });
    for (let i = 0; i < 500; i++) log.note('aborted', 'a client hung up');
    log.note('other', 'something else');
    now += 60_000;
    log.note('aborted', 'a client hung up');
    expect(lines).toEqual([
      'a client hung up',
      'something else',
      'a client hung up (and 499 more like it since the last such line)',
    ]);
  });
});
