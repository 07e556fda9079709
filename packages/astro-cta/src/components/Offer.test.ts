import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Composed from '../../../../tests/fixtures/offer-components/Composed.astro';
import { CtaAuthoringError } from './authoring-error.ts';
import { unclaimedAlternative } from './page-registry.ts';

// <Offer>, <Choice>, <Experiment>, <Arm> and the `when`/`arm` props of <Incentive>/<CTA>, rendered as an author
// composes them (tests/fixtures/offer-components/Composed.astro), through Astro's Container API.
let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});
const render = (variant: string, request = new Request('http://x/sale/')) =>
  container.renderToString(Composed, { props: { variant }, request });

describe('offers and experiments render the markup contract', () => {
  it('an offer: its alternatives in one box, the default marked, CTAs carrying name and arm, a disclosure', async () => {
    const html = await render('ok');
    expect(html).toContain('<div class="cta-choose" data-cta-choose="offer" data-cta-experiment="jacket-deal">');
    expect(html).toContain(
      'data-cta-arm="viewed" data-cta-when="{&quot;viewed&quot;:&quot;fjord-jacket&quot;,&quot;within&quot;:&quot;7d&quot;,&quot;notPurchased&quot;:true}" data-cta-personalised',
    );
    expect(html).toMatch(
      /<a data-cta-experiment="jacket-deal" data-cta-arm="viewed" href="\/buy"[^>]*data-cta="buy-offer"/,
    );
    expect(html).toMatch(
      /<p class="cta-disclosure" data-cta-disclosure>Personalised for you: [^<]*automated decision-making/,
    );
    expect(html).toContain('<div class="cta-choice" data-cta-arm="standard" data-cta-default>');
    // Each wrapper is followed by the element whose parsing makes the choice.
    expect(html.match(/<\/div><cta-choose hidden(="true")?><\/cta-choose>/g)).toHaveLength(3);
    expect(html).not.toContain('data-cta-alternative');
  });

  it('the `when` shorthand: the content, and an empty default', async () => {
    const html = await render('ok');
    expect(html).toMatch(
      /data-cta-experiment="welcome-back"><div class="cta-choice" data-cta-arm="offer" data-cta-when="\{&quot;returning&quot;:true\}"><p>Welcome back<\/p><\/div><div class="cta-choice" data-cta-arm="nothing" data-cta-default><\/div>/,
    );
  });

  it('an experiment: weights, holdout, end; the first arm is the default', async () => {
    const html = await render('ok');
    expect(html).toContain(
      'data-cta-choose="experiment" data-cta-experiment="hero-copy" data-cta-ends="2099-01-31T23:59:00+01:00" data-cta-holdout="0.1"',
    );
    expect(html).toContain('<div class="cta-choice" data-cta-default data-cta-arm="A">');
    expect(html).toContain('<div class="cta-choice" data-cta-arm="B" data-cta-weight="2">');
    expect(html).toMatch(/<a data-cta-experiment="hero-copy" data-cta-arm="B"[^>]*data-cta="hero-b"/);
  });

  it('a decided experiment (winner, no end) renders the winner only, counted in no experiment', async () => {
    const html = await render('decided');
    expect(html).toContain('Try it free for 14 days');
    expect(html).not.toContain('Start your free trial');
    expect(html).not.toContain('data-cta-choose');
    expect(html).not.toContain('data-cta-experiment');
  });
});

describe('mistakes fail the build, naming the component, the prop and the fix', () => {
  it.each([
    ['winner-not-an-arm', 'Experiment', 'winner', /"C" is not an arm of "hero-copy"/],
    ['zero-weight', 'Arm', 'weight', /not a positive number/],
    ['one-arm', 'Experiment', 'children', /1 alternative/],
    ['same-arm-twice', 'Experiment', 'name', /two alternatives of "hero-copy" are named "A"/],
    ['duplicate-names', 'Offer', 'name', /two offers or experiments named "deal"/],
    ['unknown-key', 'Choice', 'when.seen', /"seen" is not a condition key/],
    ['bad-duration', 'Choice', 'when.within', /can never hold/],
    ['two-defaults', 'Offer', 'when', /2 defaults/],
    ['stray-content', 'Offer', 'children', /"<p>" is not an alternative/],
    ['removed-disclosure', 'Choice', 'disclosure', /reword it, do not remove it|too short/],
  ])('%s', async (variant, component, prop, problem) => {
    const error = await render(variant).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(CtaAuthoringError);
    const authoring = error as CtaAuthoringError;
    expect([authoring.component, authoring.prop]).toEqual([component, prop]);
    expect(authoring.message).toMatch(problem);
    expect(authoring.message).toContain('Fix:');
  });

  it('an alternative outside any offer is left unclaimed, for the middleware to fail the page with', async () => {
    const request = new Request('http://x/sale/');
    await render('stray-alternative', request);
    const error = unclaimedAlternative(request) as CtaAuthoringError;
    expect(error).toBeInstanceOf(CtaAuthoringError);
    expect([error.component, error.prop]).toEqual(['Incentive', 'personalised']);
    expect(error.message).toMatch(/not directly inside an <Offer name="…">.*everyone would see it/);
    // Claimed alternatives leave nothing behind.
    const fine = new Request('http://x/ok/');
    await render('ok', fine);
    expect(unclaimedAlternative(fine)).toBeUndefined();
  });
});
