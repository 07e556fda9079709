import { describe, expect, it } from 'vitest';
import { offerPersonalisedUndisclosed } from './offer-personalised-undisclosed.ts';
import { choiceMarkup, findingsFor } from './support/test-helpers.ts';

const ids = (snippet: string) => findingsFor(offerPersonalisedUndisclosed, snippet).map((finding) => finding.messageId);
const VIEWED = `data-cta-when='{"viewed":"fjord-jacket","within":"7d"}'`;
const offer = (html: string, attrs = VIEWED) =>
  choiceMarkup('offer', 'jacket', [
    { arm: 'default', html: '<p>Free returns on every jacket.</p>' },
    { arm: 'viewed', html, attrs },
  ]);
const DISCLOSURE = '<p data-cta-disclosure>Personalised for you from your browsing on this device.</p>';

describe('offer-personalised-undisclosed', () => {
  it('flags an alternative marked personalised without a disclosure, once however many marks it holds', () => {
    expect(
      ids(offer('<p data-cta-personalised>10% off the jacket you viewed</p>', `${VIEWED} data-cta-personalised`)),
    ).toEqual(['undisclosed']);
  });

  it('accepts a readable disclosure inside the alternative, even while the alternative is hidden in the HTML', () => {
    expect(ids(offer(`<p>10% off the jacket you viewed</p>${DISCLOSURE}`, `${VIEWED} data-cta-personalised`))).toEqual(
      [],
    );
  });

  it('flags a disclosure that is hidden, visually hidden or says nothing', () => {
    for (const disclosure of [
      '<p data-cta-disclosure hidden>Personalised for you from your browsing.</p>',
      '<p data-cta-disclosure class="visually-hidden">Personalised for you from your browsing.</p>',
      '<div class="sr-only"><p data-cta-disclosure>Personalised for you from your browsing.</p></div>',
      '<p data-cta-disclosure style="display:none">Personalised for you from your browsing.</p>',
      '<p data-cta-disclosure>*</p>',
    ]) {
      expect(ids(offer(`<p>10% off</p>${disclosure}`, `${VIEWED} data-cta-personalised`)), disclosure).toEqual([
        'hiddenDisclosure',
      ]);
    }
  });

  it('flags hand-written personalised prices and discounts: a conditional alternative stating one', () => {
    for (const text of [
      '10% off the Fjord jacket you viewed',
      'Still thinking? Take €15 off today.',
      'Now 49 EUR instead of 59 EUR',
      'Your code JACKET gives you a discount',
      'Nur für dich: 10 Prozent Rabatt',
      'Une remise de 15 € sur la veste',
    ]) {
      const found = findingsFor(offerPersonalisedUndisclosed, offer(`<p>${text}</p>`));
      expect(
        found.map((finding) => finding.messageId),
        text,
      ).toEqual(['handWritten']);
      expect(found[0]!.message).toContain(text.slice(0, 20));
    }
  });

  it('leaves conditional alternatives without a price, defaults and experiments alone', () => {
    expect(ids(offer('<p>Back for the Fjord jacket? It is in stock in your size.</p>'))).toEqual([]);
    // The default is shown to everyone: a price there is not personalised.
    expect(
      ids(
        choiceMarkup('offer', 'jacket', [
          { arm: 'default', html: '<p>10% off every jacket this week.</p>' },
          { arm: 'back', html: '<p>Welcome back.</p>', attrs: `data-cta-when='{"returning":true}'` },
        ]),
      ),
    ).toEqual([]);
    expect(
      ids(
        choiceMarkup('experiment', 'price-copy', [
          { arm: 'A', html: '<p>From €9 a month</p>' },
          { arm: 'B', html: '<p>Save 20% with yearly billing</p>' },
        ]),
      ),
    ).toEqual([]);
  });

  it('leaves a campaign’s advertised price alone, but not a campaign combined with behaviour', () => {
    expect(
      ids(offer('<p>Newsletter readers: €180 instead of €210</p>', `data-cta-when='{"campaign":"spring"}'`)),
    ).toEqual([]);
    expect(
      ids(
        offer(
          '<p>Newsletter readers: €180 instead of €210</p>',
          `data-cta-when='{"campaign":"spring","returning":true}'`,
        ),
      ),
    ).toEqual(['handWritten']);
  });

  it('accepts a hand-written personalised offer with its disclosure', () => {
    expect(ids(offer(`<p>10% off the jacket you viewed</p>${DISCLOSURE}`))).toEqual([]);
  });

  it('checks a personalised element outside any offer against its own content', () => {
    expect(ids('<div data-cta-personalised><p>10% off for you</p></div>')).toEqual(['undisclosed']);
    expect(ids(`<div data-cta-personalised><p>10% off for you</p>${DISCLOSURE}</div>`)).toEqual([]);
  });
});
