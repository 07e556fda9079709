import { describe, expect, it } from 'vitest';
import { auditHtml } from '../engine.ts';
import { examplePage } from './example-page.ts';
import { rules } from './index.ts';

// The markup the kit's <Countdown> and <SocialProof> write (helper C's components, November 2026): a page built only
// from the kit must pass every honesty and structured-data rule, and its ended states must not read as expired.

const now = new Date('2026-11-26T06:00:00Z');
const honestyAndData = rules.filter(
  (rule) =>
    rule.meta.category === 'honesty' || rule.meta.category === 'structured-data' || rule.meta.id === 'countdown-a11y',
);
const audit = (snippet: string) =>
  auditHtml(examplePage(snippet), honestyAndData, { site: { now } }).map(
    (finding) => `${finding.ruleId}: ${finding.message}`,
  );

const countdown = ({
  deadline,
  ended = false,
  onExpire = 'hide',
}: {
  deadline: string;
  ended?: boolean;
  onExpire?: string;
}) => `
<span class="cta-kit cta-countdown" role="timer" aria-live="off"${ended && onExpire === 'hide' ? ' hidden' : ''} data-cta-countdown="${deadline}" data-cta-on-expire="${onExpire}">
  <span class="cta-countdown__running" data-cta-running${ended ? ' hidden' : ''}>
    <span class="cta-countdown__end">Ends <time datetime="${deadline}">Dec 31, 11:59 PM GMT+1</time></span>
    <span class="cta-countdown__remaining" data-cta-remaining aria-hidden="true">&nbsp;</span>
  </span>
  <span class="cta-countdown__ended" data-cta-ended${ended && onExpire !== 'hide' ? '' : ' hidden'}>Offer ended</span>
</span>`;

const proof = `
<div class="cta-kit cta-proof">
  <figure class="cta-proof__testimonial" data-cta-proof="testimonial">
    <blockquote class="cta-proof__quote" cite="https://www.g2.com/products/acme/reviews/1"><p>Acme doubled our sign-ups in a month.</p></blockquote>
    <figcaption class="cta-proof__person">
      <img class="cta-proof__avatar" src="/jane.jpg" alt="" width="40" height="40">
      <span class="cta-proof__who">
        <span class="cta-proof__author">Jane Doe</span>
        <span class="cta-proof__role">CTO, Globex</span>
        <span class="cta-proof__provenance"><a href="https://www.g2.com/products/acme/reviews/1">via g2.com</a>, <time datetime="2026-03-02">Mar 2, 2026</time></span>
      </span>
    </figcaption>
  </figure>
  <p class="cta-proof__rating" data-cta-proof="rating"><span class="cta-proof__stars" aria-hidden="true">★★★★★</span> <span class="cta-proof__rating-text">4.8 out of 5 from 212 reviews</span></p>
  <p class="cta-proof__count" data-cta-proof="count" data-cta-source="billing database"><strong class="cta-proof__count-value">2,431</strong> teams, as of November 2026</p>
  <script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Acme","aggregateRating":{"@type":"AggregateRating","ratingValue":4.8,"reviewCount":212}}</script>
</div>`;

describe('the kit’s own markup', () => {
  it('passes with a running countdown and social proof', () => {
    expect(audit(`${countdown({ deadline: '2026-12-31T23:59:00+01:00' })}${proof}`)).toEqual([]);
  });

  it('is honest once the deadline passed: hidden, or showing "Offer ended"', () => {
    expect(audit(countdown({ deadline: '2026-11-01T00:00:00+01:00', ended: true, onExpire: 'hide' }))).toEqual([]);
    expect(audit(countdown({ deadline: '2026-11-01T00:00:00+01:00', ended: true, onExpire: 'replace' }))).toEqual([]);
  });

  it('reports a countdown still shown running after its deadline (e.g. a stale build of hand-copied markup)', () => {
    expect(audit(countdown({ deadline: '2026-11-01T00:00:00+01:00' })).map((line) => line.split(':')[0])).toEqual([
      'countdown-expired',
    ]);
  });

  it('reads the author alone as the name, so the same person with a longer role is not "two names"', () => {
    const twice = `${proof}${proof.replace('CTO, Globex', 'CTO and co-founder, Globex Inc.')}`;
    expect(audit(twice)).toEqual([]);
  });
});
