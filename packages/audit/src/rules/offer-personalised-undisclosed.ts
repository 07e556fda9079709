import { CHOICE_WHEN, OFFER_DISCLOSURE, OFFER_PERSONALISED } from '@astro-cta/contract';
import type { Element } from 'domhandler';
import { attr, closestAncestor, has, isVisuallyHidden } from '../dom.ts';
import type { PageContext, Rule } from '../types.ts';
import { type Alternative, alternativesAround, choicesOf, hiddenFromEveryone } from './support/choices.ts';
import { elementsOf, pageSubtree, subtree } from './support/elements.ts';
import { statesPriceOrDiscount } from './support/price.ts';
import { claimedText } from './support/visible.ts';

/** Shorter than this, a disclosure cannot say that the price was personalised by automated decision-making. */
const MIN_DISCLOSURE_CHARS = 12;

const EXAMPLE_DISCLOSURE =
  '<p data-cta-disclosure>Personalised for you from your browsing on this device.</p> (the disclosure prop of <Offer>)';

type Found = 'visible' | 'hidden' | 'missing';

/** Whether the scope holds a disclosure a sighted visitor reads: rendered, not visually hidden, with words in it. */
function disclosureIn(scope: Element): Found {
  const disclosures = subtree(scope).filter((element) => has(element, OFFER_DISCLOSURE));
  if (disclosures.length === 0) return 'missing';
  const readable = disclosures.some(
    (element) =>
      !closestAncestor(element, (el) => el !== scope && (hiddenFromEveryone(el) || isVisuallyHidden(el))) &&
      !isVisuallyHidden(element) &&
      claimedText(element).length >= MIN_DISCLOSURE_CHARS,
  );
  return readable ? 'visible' : 'hidden';
}

/** Where a personalised element's disclosure belongs: the innermost alternative around it, else the element. */
function scopeOf(page: PageContext, element: Element): Element {
  return alternativesAround(page, element).at(-1)?.element ?? element;
}

function onlyCampaign(condition: string): boolean {
  try {
    const parsed: unknown = JSON.parse(condition);
    return typeof parsed === 'object' && parsed !== null && Object.keys(parsed).join() === 'campaign';
  } catch {
    return false;
  }
}

function isHandWrittenPersonalised(page: PageContext, alternative: Alternative): boolean {
  if (alternative.choice.kind !== 'offer' || !has(alternative.element, CHOICE_WHEN)) return false;
  // Declared ones are judged as declared.
  if (pageSubtree(page, alternative.element).some((el) => has(el, OFFER_PERSONALISED))) return false;
  // A price for everyone who follows a campaign's link is that campaign's advertised price, not one derived from the
  // visitor's behaviour.
  if (onlyCampaign(attr(alternative.element, CHOICE_WHEN) ?? '')) return false;
  return statesPriceOrDiscount(claimedText(alternative.element));
}

export const offerPersonalisedUndisclosed: Rule = {
  meta: {
    id: 'offer-personalised-undisclosed',
    severity: 'error',
    category: 'honesty',
    description:
      'A price or discount personalised from behaviour signals without a visible notice saying so (data-cta-disclosure).',
    rationale:
      'An offer chosen from what a visitor did ("10% off the jacket you viewed") is a personalised price. The EU ' +
      'Consumer Rights Directive, Art. 6(1)(ea) as amended by the Omnibus Directive (EU) 2019/2161, requires traders ' +
      'to tell consumers that a price was personalised on the basis of automated decision-making; the notice must be ' +
      'shown with the offer, not buried in a policy. The rule checks alternatives marked data-cta-personalised, and ' +
      'hand-written offer alternatives (data-cta-when) whose text states a price, a percentage or a discount (except ' +
      'those chosen by campaign alone: the price advertised to everyone following a link); each ' +
      'needs a data-cta-disclosure inside that is rendered, not visually hidden, and says something. <Offer ' +
      'personalised> writes one that authors can reword but not remove.',
    examples: {
      fail: [
        '<div data-cta-choose="offer" data-cta-experiment="jacket-offer"><div data-cta-arm="viewed" data-cta-when=\'{"viewed":"fjord-jacket","within":"7d"}\' data-cta-personalised><p>10% off the Fjord jacket you viewed</p><a href="/jacket" data-cta="jacket" data-cta-experiment="jacket-offer" data-cta-arm="viewed">Buy the jacket</a></div><div data-cta-arm="default" data-cta-default><a href="/jacket" data-cta="jacket" data-cta-experiment="jacket-offer" data-cta-arm="default">Buy the jacket</a></div></div>',
        '<div data-cta-choose="offer" data-cta-experiment="jacket-offer"><div data-cta-arm="viewed" data-cta-when=\'{"viewed":"fjord-jacket"}\' hidden><p>Still thinking? Take €15 off the Fjord jacket today.</p><a href="/jacket" data-cta="jacket" data-cta-experiment="jacket-offer" data-cta-arm="viewed">Buy the jacket</a></div><div data-cta-arm="default" data-cta-default><a href="/jacket" data-cta="jacket" data-cta-experiment="jacket-offer" data-cta-arm="default">Buy the jacket</a></div></div>',
        '<div data-cta-choose="offer" data-cta-experiment="jacket-offer"><div data-cta-arm="viewed" data-cta-when=\'{"viewed":"fjord-jacket"}\' data-cta-personalised><p>10% off the Fjord jacket you viewed</p><p class="sr-only" data-cta-disclosure>Personalised from your browsing on this device.</p></div><div data-cta-arm="default" data-cta-default><p>Free returns on every jacket.</p></div></div>',
      ],
      pass: [
        '<div data-cta-choose="offer" data-cta-experiment="jacket-offer"><div data-cta-arm="viewed" data-cta-when=\'{"viewed":"fjord-jacket","within":"7d"}\' data-cta-personalised hidden><p>10% off the Fjord jacket you viewed</p><p data-cta-disclosure>Personalised for you from your browsing on this device.</p><a href="/jacket" data-cta="jacket" data-cta-experiment="jacket-offer" data-cta-arm="viewed">Buy the jacket</a></div><div data-cta-arm="default" data-cta-default><a href="/jacket" data-cta="jacket" data-cta-experiment="jacket-offer" data-cta-arm="default">Buy the jacket</a></div></div>',
        '<div data-cta-choose="offer" data-cta-experiment="welcome-back"><div data-cta-arm="returning" data-cta-when=\'{"returning":true}\'><p>Welcome back! Pick up where you left off.</p></div><div data-cta-arm="default" data-cta-default><p>New here? Take the tour.</p></div></div>',
      ],
    },
    messages: {
      undisclosed:
        'This alternative is marked personalised (data-cta-personalised) but shows no notice that its price or ' +
        `discount was personalised. Add one inside it: ${EXAMPLE_DISCLOSURE}.`,
      handWritten:
        'This offer alternative is chosen from behaviour signals (data-cta-when) and states a price or discount ' +
        '("{text}"): a personalised price, which must say so. Mark it data-cta-personalised and add a notice inside: ' +
        `${EXAMPLE_DISCLOSURE}.`,
      hiddenDisclosure:
        'The notice that this price or discount was personalised (data-cta-disclosure) is hidden, visually hidden or ' +
        `too short to say so (under ${MIN_DISCLOSURE_CHARS} characters): visitors must be able to read it. Show it ` +
        'with the offer, e.g. "Personalised for you from your browsing on this device."',
    },
  },
  check(page, report) {
    const seen = new Set<Element>();
    for (const element of elementsOf(page)) {
      if (!has(element, OFFER_PERSONALISED)) continue;
      const scope = scopeOf(page, element);
      // Several marks in one alternative (the alternative and its incentive) are one offer.
      if (seen.has(scope)) continue;
      seen.add(scope);
      const found = disclosureIn(scope);
      if (found !== 'visible') {
        report({ element: scope, messageId: found === 'hidden' ? 'hiddenDisclosure' : 'undisclosed' });
      }
    }
    for (const choice of choicesOf(page)) {
      for (const alternative of choice.alternatives) {
        if (seen.has(alternative.element) || !isHandWrittenPersonalised(page, alternative)) continue;
        const found = disclosureIn(alternative.element);
        if (found === 'visible') continue;
        const text = claimedText(alternative.element).slice(0, 80);
        report({
          element: alternative.element,
          messageId: found === 'hidden' ? 'hiddenDisclosure' : 'handWritten',
          data: { text },
        });
      }
    }
  },
};
