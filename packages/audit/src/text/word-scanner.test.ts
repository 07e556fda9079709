import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANCHOR_WORDS } from './scarcity.ts';
import { WordScanner } from './word-scanner.ts';

const scanner = new WordScanner(ANCHOR_WORDS);
const regex = new RegExp(ANCHOR_WORDS.join('|'), 'iu');

describe('WordScanner', () => {
  it('finds the words in any case, inside other words too, as the regex does', () => {
    expect(scanner.mayContain('Only 3 LEFT in stock')).toBe(true);
    expect(scanner.mayContain('a cartoon')).toBe(true);
    expect(scanner.mayContain('Nur noch 2 Plätze')).toBe(true);
    expect(scanner.mayContain('残り3点')).toBe(true);
    expect(scanner.mayContain('Analytics for growing teams')).toBe(false);
    expect(scanner.mayContain('')).toBe(false);
  });

  it('folds every character the /iu regex folds (every code unit, every letter of the words)', () => {
    const letters = new Set(ANCHOR_WORDS.flatMap((word) => [...word]));
    for (const letter of letters) {
      const word = ANCHOR_WORDS.find((candidate) => candidate.includes(letter))!;
      const sameLetter = new RegExp(`^${letter}$`, 'iu');
      for (let code = 0; code < 0x10000; code++) {
        const unit = String.fromCharCode(code);
        if (sameLetter.test(unit))
          expect(scanner.mayContain(word.replace(letter, unit)), `${word} with U+${code.toString(16)}`).toBe(true);
      }
    }
  });

  it('never says no where the regex finds a word', () => {
    const piece = fc.oneof(
      fc.constantFrom(...ANCHOR_WORDS, ' ', 'ſ', 'K', 'İ', 'ı'),
      fc.string({ unit: 'binary', maxLength: 3 }),
      fc.string({ maxLength: 3 }),
    );
    const text = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(text, (sample) => !regex.test(sample) || scanner.mayContain(sample)),
      { numRuns: 2000 },
    );
  });
});
