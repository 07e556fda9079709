import { describe, expect, it } from 'vitest';
import { ctaGenericText } from './cta-generic-text.ts';
import { messagesFor } from './support/test-helpers.ts';

const flagged = (snippet: string, lang = 'en') => messagesFor(ctaGenericText, snippet, { lang }).length > 0;

describe('cta-generic-text: languages and context', () => {
  it('uses the nearest lang attribute, not only the page language', () => {
    expect(flagged('<section lang="sv"><a class="btn" href="/x">Läs mer</a></section>')).toBe(true);
    expect(flagged('<section lang="ko"><a class="btn" href="/x">자세히 보기</a></section>')).toBe(true);
    expect(flagged('<a class="btn" href="/x" lang="pt-BR">Saiba mais</a>')).toBe(true);
  });

  it('still knows English phrases on a page in another language', () => {
    expect(flagged('<a class="btn" href="/x">Learn more</a>', 'de')).toBe(true);
  });

  it('does not flag a word that is generic in one language but meaningful in the page language', () => {
    // "mehr" is generic in German; on an English page it is not an English phrase, and the page language decides.
    expect(flagged('<a class="btn" href="/x">Preise ansehen</a>', 'de')).toBe(false);
  });

  it('ignores aria-describedby pointing at nothing', () => {
    expect(flagged('<a class="button" href="/pricing" aria-describedby="missing">Learn more</a>')).toBe(true);
    expect(flagged('<a class="button" href="/pricing" aria-describedby="empty">Learn more</a><p id="empty"></p>')).toBe(
      true,
    );
  });

  it('flags generic alt text of an image button', () => {
    expect(flagged('<a class="btn" href="/x"><img src="arrow.png" alt="Click here"></a>')).toBe(true);
  });

  it('flags a bare URL as CTA text', () => {
    expect(
      messagesFor(ctaGenericText, '<a class="btn" href="https://acme.dev/signup">https://acme.dev/signup</a>')[0],
    ).toContain('bare URL');
  });

  it('handles emoji with variation selectors and zero-width joiners', () => {
    expect(flagged('<a class="btn" href="/x">👉🏽 Read more ➡️</a>')).toBe(true);
  });
});
