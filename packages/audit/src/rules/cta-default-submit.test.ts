import { describe, expect, it } from 'vitest';
import { ctaDefaultSubmit } from './cta-default-submit.ts';
import { messagesFor } from './support/test-helpers.ts';

const flagged = (snippet: string) => messagesFor(ctaDefaultSubmit, snippet);

describe('cta-default-submit', () => {
  it('flags an input submit without value (the browser default label)', () => {
    expect(flagged('<form><input type="submit"></form>')[0]).toContain('no value');
    expect(flagged('<form><input type="submit" value="  "></form>')).toHaveLength(1);
  });

  it('flags default words in several languages, ignoring case and punctuation', () => {
    for (const label of ['SUBMIT', 'Send!', 'OK', 'Go →', 'Envoyer', 'Enviar', 'Verzenden', '送信']) {
      expect(flagged(`<form><button>${label}</button></form>`), label).toHaveLength(1);
    }
  });

  it('accepts labels that say what happens, even when they contain a default word', () => {
    expect(flagged('<form><button>Send my request</button></form>')).toEqual([]);
    expect(flagged('<form><button>Submit your application</button></form>')).toEqual([]);
  });

  it('leaves type="button" buttons and image submits alone', () => {
    expect(flagged('<form><button type="button">OK</button></form>')).toEqual([]);
    expect(flagged('<form><input type="image" src="go.png" alt="Go"></form>')).toEqual([]);
  });
});
