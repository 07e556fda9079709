import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import CTA from './CTA.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const render = (props: Record<string, unknown>, text = 'Start your free trial') =>
  container.renderToString(CTA, { props, slots: { default: text } });

describe('<CTA>', () => {
  it('renders a link that carries the markup contract', async () => {
    const html = await render({ id: 'start-trial', href: '/signup', goal: 'signup' });
    expect(html).toMatch(/<a [^>]*href="\/signup"/);
    expect(html).toContain('data-cta="start-trial"');
    expect(html).toContain('data-cta-role="primary"');
    expect(html).toContain('data-cta-variant="primary"');
    expect(html).toContain('data-cta-goal="signup"');
    expect(html).toContain('Start your free trial');
  });

  it('renders a button when given a type instead of href, secondary role for other variants', async () => {
    const html = await render({ id: 'subscribe', type: 'submit', variant: 'secondary' }, 'Subscribe');
    expect(html).toMatch(/<button [^>]*type="submit"/);
    expect(html).toContain('data-cta-role="secondary"');
  });

  it('ships no JavaScript of its own', async () => {
    expect(await render({ id: 'a', href: '/' })).not.toContain('<script');
  });

  it.each([
    [{ href: '/signup' }, /needs an `id`/],
    [{ id: 'start' }, /"start" has no target: give `href`/],
    [{ id: 'start', href: '/', variant: 'huge' }, /variant="huge": use one of primary, secondary, ghost, link/],
  ])('rejects %o with a message that says how to fix it', async (props, message) => {
    await expect(render(props)).rejects.toThrow(message);
  });
});
