import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CtaAuthoringError } from './authoring-error.ts';
import Conversion from './Conversion.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const render = (props: Record<string, unknown>) => container.renderToString(Conversion, { props });

describe('<Conversion>', () => {
  it('renders an inert template with the goal, and value and currency when given', async () => {
    expect(await render({ goal: 'signup' })).toContain('<template data-cta-conversion="signup"></template>');
    const valued = await render({ goal: 'purchase', value: 49.9, currency: 'EUR' });
    expect(valued).toMatch(
      /<template data-cta-conversion="purchase" data-cta-conversion-value="49.9" data-cta-conversion-currency="EUR"><\/template>/,
    );
  });

  it.each([
    [{}, 'goal', /missing or empty/],
    [{ goal: '  ' }, 'goal', /missing or empty/],
    [{ goal: 'x'.repeat(129) }, 'goal', /longer than 128/],
    [{ goal: 'signup', value: -5, currency: 'EUR' }, 'value', /not a number from 0/],
    [{ goal: 'signup', value: '49', currency: 'EUR' }, 'value', /not a number from 0/],
    [{ goal: 'signup', value: 49 }, 'currency', /has no currency/],
    [{ goal: 'signup', currency: 'EUR' }, 'value', /without a value/],
    [{ goal: 'signup', value: 49, currency: 'eur' }, 'currency', /not an ISO 4217/],
    [{ goal: 'signup', value: 49, currency: 'XYZ' }, 'currency', /not an ISO 4217/],
  ])('refuses %o at build time naming the component, the prop and the page', async (props, prop, problem) => {
    const error = await render(props).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CtaAuthoringError);
    expect(error).toMatchObject({ component: 'Conversion', prop });
    expect((error as Error).message).toMatch(problem);
    expect((error as Error).message).toMatch(/^<Conversion> `\w+` on the page .*Fix: /);
  });

  it('warns at build time when the integration runs without a beacon, since nothing would report the conversion', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const global = globalThis as { __ASTRO_CTA_BEACON__?: boolean };
    try {
      global.__ASTRO_CTA_BEACON__ = true;
      await render({ goal: 'signup' });
      expect(warn).not.toHaveBeenCalled();
      global.__ASTRO_CTA_BEACON__ = false;
      await render({ goal: 'signup' });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toMatch(
        /<Conversion goal="signup"> on .*beacon is off.*beacon: \{ endpoint/,
      );
    } finally {
      delete global.__ASTRO_CTA_BEACON__;
      warn.mockRestore();
    }
  });
});
