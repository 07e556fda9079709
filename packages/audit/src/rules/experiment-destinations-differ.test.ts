import { describe, expect, it } from 'vitest';
import { experimentDestinationsDiffer } from './experiment-destinations-differ.ts';
import { armCta, choiceMarkup, messagesFor } from './support/test-helpers.ts';

const flagged = (snippet: string) => messagesFor(experimentDestinationsDiffer, snippet);
const cta = (arm: string, href: string) => armCta({ id: 'hero', href, text: `Go ${arm}`, experiment: 'e', arm });
const experiment = (hrefs: string[], wrapperAttrs = '') =>
  choiceMarkup(
    'experiment',
    'e',
    hrefs.map((href, i) => ({ arm: String.fromCharCode(65 + i), html: cta(String.fromCharCode(65 + i), href) })),
    wrapperAttrs,
  );

describe('experiment-destinations-differ', () => {
  it('flags each arm leading elsewhere than the default, naming both destinations', () => {
    const messages = flagged(experiment(['/signup', '/demo', '/signup/', '/pricing']));
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('arm "B" leads to /demo while arm "A" leads to /signup');
    expect(messages[1]).toContain('arm "D" leads to /pricing');
  });

  it('compares the default arm with the others wherever it is written', () => {
    const html = experiment(['/signup', '/demo'])
      .replace('data-cta-default', 'hidden')
      .replace('data-cta-arm="B" hidden', 'data-cta-arm="B" data-cta-default');
    expect(flagged(html)[0]).toContain('arm "A" leads to /signup while arm "B" leads to /demo');
  });

  it('flags an arm that drops one of the default’s destinations', () => {
    const twoLinks = `${cta('A', '/signup')}${cta('A', '/demo')}`;
    expect(
      flagged(
        choiceMarkup('experiment', 'e', [
          { arm: 'A', html: twoLinks },
          { arm: 'B', html: cta('B', '/signup') },
        ]),
      ),
    ).toHaveLength(1);
  });

  it('accepts arms declared to differ, the same place written differently, and buttons without destination', () => {
    expect(flagged(experiment(['/signup', '/demo'], 'data-cta-destinations="differ"'))).toEqual([]);
    expect(flagged(experiment(['/signup', '/signup/index.html', '/signup/']))).toEqual([]);
    expect(
      flagged(
        choiceMarkup('experiment', 'e', [
          {
            arm: 'A',
            html: '<button type="button" data-cta="chat" data-cta-experiment="e" data-cta-arm="A">Chat</button>',
          },
          {
            arm: 'B',
            html: '<button type="button" data-cta="chat" data-cta-experiment="e" data-cta-arm="B">Ask us</button>',
          },
        ]),
      ),
    ).toEqual([]);
  });

  it('leaves offers alone: an offer may lead its audience elsewhere', () => {
    expect(
      flagged(
        choiceMarkup('offer', 'o', [
          { arm: 'default', html: cta('default', '/signup') },
          { arm: 'back', html: cta('back', '/pricing'), attrs: `data-cta-when='{"returning":true}'` },
        ]),
      ),
    ).toEqual([]);
  });
});
