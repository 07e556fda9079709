import { describe, expect, it } from 'vitest';
import { AUDIT_ERROR, auditHtml } from '../engine.ts';
import { rules } from './index.ts';

// Every rule on hostile input: no rule may throw (that would be an audit-error finding) or hang.
const everything = [
  '<a class="btn btn-primary" href="#">Learn more</a>',
  '<a class="btn" href="/x"><button>Only 3 left</button></a>',
  '<div class="countdown" aria-live="polite">02:14:33</div>',
  '<figure class="testimonial"><blockquote>Acme doubled our sign-ups in a month.</blockquote><figcaption>Jane</figcaption></figure>',
  '<p>12 people are viewing this</p>',
  '<script type="application/ld+json">{"@type":"Organization","aggregateRating":{"@type":"AggregateRating","ratingValue":9}}</script>',
  '<div data-cta-choose="experiment" data-cta-experiment="e" data-cta-ends="2020-01-01T00:00:00Z"><div data-cta-arm="A" data-cta-default data-cta-when="{"><p>Hello</p></div><div data-cta-arm="B" data-cta-personalised data-cta-when=\'{"viewed":"nope"}\' hidden><p>10% off for you</p><a class="btn" href="/a">Take 10% off</a></div></div>',
].join('');

function audit(html: string) {
  return auditHtml(html, rules);
}

// Generous timeouts: these inputs are pathological, the machine is shared, and a hang would still be caught.
describe('all rules on hostile input', { timeout: 60_000 }, () => {
  const nested = (depth: number) =>
    `<!doctype html><html lang="en"><body><main>${'<div>'.repeat(depth)}${everything}${'</div>'.repeat(depth)}</main></body></html>`;

  it('find every problem in content nested 400 levels deep', () => {
    const findings = audit(nested(400));
    expect(new Set(findings.map((finding) => finding.ruleId))).toEqual(
      new Set([
        'cta-dead-target',
        'cta-generic-text',
        'cta-nested-interactive',
        'countdown-evergreen',
        'countdown-no-terms',
        'countdown-a11y',
        'testimonial-unattributed',
        'scarcity-unsourced',
        'ld-review-required',
        'ld-rating-bounds',
        'ld-visible-mismatch',
        'ld-self-serving',
        'choice-invalid',
        'experiment-arm-no-cta',
        'experiment-ended-still-splitting',
        'offer-unknown-item',
        'offer-personalised-undisclosed',
      ]),
    );
  });

  it('survive markup nested 10,000 levels deep (the parser flattens it past 512 levels, as browsers do)', () => {
    const findings = audit(nested(10_000));
    expect(findings.filter((finding) => finding.ruleId === AUDIT_ERROR)).toEqual([]);
    expect(findings.length).toBeGreaterThan(0);
  });

  it('survive truncated, unclosed and garbage markup', () => {
    for (const html of [
      '',
      '<',
      '<main><a class="btn" href="',
      '<main><div class="countdown" data-cta-countdown="',
      '<script type="application/ld+json">{"@graph": [',
      '<blockquote><blockquote><blockquote>',
      '\u0000\uFFFD<main>\u0000<a class="btn" href="\u0000">\u0000</a>',
      `<main>${'<a class="btn" href="/x">'.repeat(500)}`,
      `<main><p>${'Only 3 left '.repeat(20_000)}</p></main>`,
    ]) {
      expect(
        audit(html).filter((finding) => finding.ruleId === AUDIT_ERROR),
        html.slice(0, 40),
      ).toEqual([]);
    }
  });

  it('report nothing on an empty but valid page except the missing CTA', () => {
    expect(
      audit(
        '<!doctype html><html lang="en"><head><title>x</title></head><body><main><p>Hello</p></main></body></html>',
      ).map((finding) => finding.ruleId),
    ).toEqual(['page-no-cta']);
  });
});
