import { describe, expect, it } from 'vitest';
import { experimentArmNoCta } from './experiment-arm-no-cta.ts';
import { armCta, choiceMarkup, findingsFor } from './support/test-helpers.ts';

const flagged = (snippet: string) => findingsFor(experimentArmNoCta, snippet);
const cta = (arm: string) =>
  armCta({ id: 'hero', href: '/signup', text: 'Start your free trial', experiment: 'e', arm });

describe('experiment-arm-no-cta', () => {
  it('flags each arm without a CTA and names it', () => {
    const found = flagged(
      choiceMarkup('experiment', 'e', [
        { arm: 'A', html: cta('A') },
        { arm: 'B', html: '<h2>Ship faster</h2>' },
        { arm: 'C', html: '<p>Deploy on Fridays.</p>' },
      ]),
    );
    expect(found.map((finding) => finding.message.slice(0, 7))).toEqual(['Arm "B"', 'Arm "C"']);
  });

  it('counts a hand-written button or a form submit as the arm’s CTA', () => {
    expect(
      flagged(
        choiceMarkup('experiment', 'e', [
          { arm: 'A', html: '<a class="btn btn-primary" href="/signup">Start your free trial</a>' },
          { arm: 'B', html: '<form action="/subscribe"><input name="email"><button>Subscribe</button></form>' },
        ]),
      ),
    ).toEqual([]);
  });

  it('leaves offers alone: an offer’s alternative may be a notice without a CTA', () => {
    expect(
      flagged(
        choiceMarkup('offer', 'o', [
          { arm: 'default', html: cta('default') },
          { arm: 'back', html: '<p>Welcome back.</p>', attrs: `data-cta-when='{"returning":true}'` },
        ]),
      ),
    ).toEqual([]);
  });
});
