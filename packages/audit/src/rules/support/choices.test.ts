import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { createPage } from '../../page.ts';
import {
  alternativesAround,
  choicesOf,
  hiddenFromEveryone,
  inDefaultView,
  isAlternativeElement,
  mutuallyExclusive,
  viewsOf,
} from './choices.ts';
import { elementsOf } from './elements.ts';
import { choiceMarkup } from './test-helpers.ts';

const pageOf = (main: string) =>
  createPage(`<!doctype html><html lang="en"><body><main>${main}</main></body></html>`, '/', 'index.html');
const byText = (page: ReturnType<typeof pageOf>, text: string): Element =>
  elementsOf(page).find(
    (el) => el.name === 'a' && el.children.some((child) => 'data' in child && child.data === text),
  )!;

const hero = choiceMarkup('experiment', 'hero-copy', [
  { arm: 'A', html: '<a href="/signup">Start A</a>' },
  { arm: 'B', html: '<a href="/signup">Start B</a>' },
]);
const banner = choiceMarkup('offer', 'welcome', [
  { arm: 'default', html: '<a href="/tour">Tour</a>' },
  { arm: 'back', html: '<a href="/pricing">Pricing</a>', attrs: `data-cta-when='{"returning":true}'` },
]);

describe('offers and experiments on a page', () => {
  it('finds each wrapper, its name, kind, alternatives and default', () => {
    const page = pageOf(`${hero}<a href="/x">Outside</a>${banner}`);
    const choices = choicesOf(page);
    expect(choices.map((choice) => [choice.kind, choice.name])).toEqual([
      ['experiment', 'hero-copy'],
      ['offer', 'welcome'],
    ]);
    expect(choices[0]!.alternatives.map((alternative) => [alternative.arm, alternative.isDefault])).toEqual([
      ['A', true],
      ['B', false],
    ]);
  });

  it('takes the outermost marked elements as alternatives: the CTAs inside carry data-cta-arm too', () => {
    const page = pageOf(
      choiceMarkup('experiment', 'e', [
        { arm: 'A', html: '<a href="/s" data-cta="s" data-cta-arm="A" data-cta-experiment="e">Start A</a>' },
        { arm: 'B', html: '<a href="/s" data-cta="s" data-cta-arm="B" data-cta-experiment="e">Start B</a>' },
      ]),
    );
    expect(choicesOf(page)[0]!.alternatives).toHaveLength(2);
    expect(alternativesAround(page, byText(page, 'Start B')).map((alternative) => alternative.arm)).toEqual(['B']);
  });

  it('accepts a CTA that is an alternative itself (the when prop on <CTA>)', () => {
    const page = pageOf(
      '<div data-cta-choose="offer" data-cta-experiment="o"><a href="/a" data-cta="a" data-cta-arm="x" data-cta-when=\'{"returning":true}\' hidden>Back again</a><a href="/a" data-cta="a" data-cta-arm="d" data-cta-default>First time</a></div>',
    );
    expect(choicesOf(page)[0]!.alternatives.map((alternative) => alternative.arm)).toEqual(['x', 'd']);
    expect(mutuallyExclusive(page, byText(page, 'Back again'), byText(page, 'First time'))).toBe(true);
  });

  it('keeps a nested offer’s alternatives its own', () => {
    const inner = choiceMarkup('offer', 'inner', [
      { arm: 'i1', html: '<a href="/1">One</a>' },
      { arm: 'i2', html: '<a href="/2">Two</a>', attrs: `data-cta-when='{"returning":true}'` },
    ]);
    const page = pageOf(
      choiceMarkup('experiment', 'outer', [
        { arm: 'A', html: inner },
        { arm: 'B', html: '<a href="/3">Three</a>' },
      ]),
    );
    const [outer, nested] = choicesOf(page);
    expect(outer!.alternatives.map((alternative) => alternative.arm)).toEqual(['A', 'B']);
    expect(nested!.alternatives.map((alternative) => alternative.arm)).toEqual(['i1', 'i2']);
    expect(alternativesAround(page, byText(page, 'Two')).map((alternative) => alternative.arm)).toEqual(['A', 'i2']);
    expect(inDefaultView(page, byText(page, 'One'))).toBe(true);
    expect(inDefaultView(page, byText(page, 'Two'))).toBe(false);
    expect(inDefaultView(page, byText(page, 'Three'))).toBe(false);
  });

  it('tells which elements are never shown together', () => {
    const page = pageOf(`${hero}<a href="/x">Outside</a>${banner}`);
    const [a, b, outside, tour, pricing] = ['Start A', 'Start B', 'Outside', 'Tour', 'Pricing'].map((text) =>
      byText(page, text),
    );
    expect(mutuallyExclusive(page, a!, b!)).toBe(true);
    expect(mutuallyExclusive(page, a!, outside!)).toBe(false);
    // Alternatives of two different offers can be shown together.
    expect(mutuallyExclusive(page, b!, pricing!)).toBe(false);
    expect(mutuallyExclusive(page, tour!, pricing!)).toBe(true);
  });

  it('lists every combination of alternatives a visitor can see', () => {
    const page = pageOf(`${hero}<a href="/x">Outside</a>${banner}`);
    const views = viewsOf(page);
    expect(views).toHaveLength(4);
    const shown = (text: string) => views.map((view) => view(byText(page, text)));
    expect(shown('Outside')).toEqual([true, true, true, true]);
    expect(shown('Start A').filter(Boolean)).toHaveLength(2);
    expect(shown('Start A').map((value, i) => value && shown('Start B')[i])).toEqual([false, false, false, false]);
    // A page without offers has one view that shows everything.
    expect(
      viewsOf(pageOf('<a href="/x">Outside</a>')).map((view) =>
        view(byText(pageOf('<a href="/x">Outside</a>'), 'Outside')),
      ),
    ).toEqual([true]);
  });

  it('falls back to one alternative at a time when the combinations are too many', () => {
    const offers = Array.from({ length: 7 }, (_, i) =>
      choiceMarkup('offer', `o${i}`, [
        { arm: 'd', html: `<a href="/d${i}">D${i}</a>` },
        { arm: 'x', html: `<a href="/x${i}">X${i}</a>`, attrs: `data-cta-when='{"returning":true}'` },
      ]),
    ).join('');
    // 2^7 = 128 combinations: the default view and each of the 7 other alternatives on its own.
    expect(viewsOf(pageOf(offers))).toHaveLength(8);
  });

  it('does not take an alternative hidden in the HTML for hidden from everyone', () => {
    const page = pageOf(`${hero}<p hidden id="gone">Gone</p>`);
    const hiddenArm = choicesOf(page)[0]!.alternatives[1]!.element;
    expect(isAlternativeElement(hiddenArm)).toBe(true);
    expect(hiddenFromEveryone(hiddenArm)).toBe(false);
    expect(hiddenFromEveryone(page.byId('gone')!)).toBe(true);
    // A hidden CTA inside an alternative is hidden: only the alternative itself is shown by the chooser.
    const inner = pageOf(
      choiceMarkup('experiment', 'e', [
        { arm: 'A', html: '<a href="/s" data-cta-arm="A" hidden id="h">Hidden</a>' },
        { arm: 'B', html: '<a href="/s">B</a>' },
      ]),
    );
    expect(hiddenFromEveryone(inner.byId('h')!)).toBe(true);
  });
});
