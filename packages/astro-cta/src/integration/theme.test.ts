import { describe, expect, it } from 'vitest';
import { assetsInlineLimitKeepingEnhancerExternal } from './external-scripts.ts';
import { darkModeCss } from './theme.ts';

describe('darkModeCss', () => {
  it('is nothing for "off": a site without a dark mode keeps the light kit', () => {
    expect(darkModeCss('off')).toBeUndefined();
  });

  const kit = ".cta-kit:not(:where(.light, [data-theme='light']) *)";
  it.each([
    ['media', `@media (prefers-color-scheme: dark) { ${kit} { color-scheme: dark; } }`],
    ['class', `:where(.dark) ${kit} { color-scheme: dark; }`],
    ['attribute', `:where([data-theme="dark"]) ${kit} { color-scheme: dark; }`],
  ] as const)('turns %s into one rule that declares no cascade layer', (mode, rule) => {
    const css = darkModeCss(mode)!;
    expect(css.trim()).toBe(rule);
    // A layer named in this (possibly first) stylesheet would be ordered before the site's own layers.
    expect(css).not.toContain('@layer');
  });

  it("takes the site's own class or attribute", () => {
    expect(darkModeCss({ class: 'night' })).toContain(`:where(.night) ${kit}`);
    expect(darkModeCss({ attribute: 'data-mode', value: 'night' })).toContain(`:where([data-mode="night"]) ${kit}`);
  });
});

describe('assetsInlineLimitKeepingEnhancerExternal', () => {
  const enhancer = Buffer.from('document.querySelectorAll("[data-cta-countdown]")');
  const file = '_astro/Countdown.astro_astro_type_script_index_0_lang.abc.js';

  it('never inlines the countdown enhancer', () => {
    expect(assetsInlineLimitKeepingEnhancerExternal(undefined)(file, enhancer)).toBe(false);
  });

  it('never inlines the conversion module', () => {
    const conversion = Buffer.from('document.querySelectorAll("[data-cta-conversion]")');
    expect(
      assetsInlineLimitKeepingEnhancerExternal(undefined)(
        '_astro/Conversion.astro_astro_type_script_index_0_lang.abc.js',
        conversion,
      ),
    ).toBe(false);
  });

  it("decides everything else as the site's own limit does", () => {
    const small = Buffer.alloc(100);
    expect(assetsInlineLimitKeepingEnhancerExternal(undefined)('a.png', small)).toBe(true);
    expect(assetsInlineLimitKeepingEnhancerExternal(0)('a.png', small)).toBe(false);
    expect(assetsInlineLimitKeepingEnhancerExternal(() => false)('a.js', small)).toBe(false);
  });
});
