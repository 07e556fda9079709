// Realistic landing pages for the audit benchmark: header and navigation, a hero with CTAs, features, testimonials,
// pricing, FAQ and footer, padded with varied prose to 20-60 KB like real built pages (inline CSS classes, SVG icons).

const WORDS =
  'analytics team build ship faster private secure reliable insight dashboard customer growth launch pricing plan workflow integrate automate report share export invite support migrate scale'.split(
    ' ',
  );

function prose(seed: number, words: number): string {
  let text = '';
  for (let i = 0; i < words; i++) text += `${WORDS[(seed * 31 + i * 7) % WORDS.length]} `;
  return text.trim();
}

const ICON =
  '<svg aria-hidden="true" width="24" height="24" viewBox="0 0 24 24"><path d="M12 2l3 7h7l-5.5 4 2 7-6.5-4.5L5.5 20l2-7L2 9h7z"/></svg>';

export function landingPage(index: number, pageCount: number): string {
  const target = 20_000 + ((index * 7919) % 40_000);
  const next = `/p${(index + 1) % pageCount}/`;
  const features = Array.from(
    { length: 6 },
    (_, i) =>
      `<div class="col-md-4 feature"><div class="icon">${ICON}</div><h3 class="h5">${prose(index + i, 3)}</h3><p class="text-muted">${prose(index * 3 + i, 40)} <a href="/docs/feature-${i}/">Read the guide</a>.</p></div>`,
  ).join('\n');
  const testimonials = Array.from(
    { length: 3 },
    (_, i) =>
      `<figure class="testimonial" data-cta-proof="testimonial"><blockquote><p>${prose(index + i * 5, 30)}</p></blockquote><figcaption>Ana ${i}, CTO at Company ${i}</figcaption></figure>`,
  ).join('\n');
  const plans = ['Free', 'Team', 'Business']
    .map(
      (plan, i) =>
        `<div class="card plan"><h3>${plan}</h3><p class="price">$${i * 29}/month</p><ul>${Array.from({ length: 5 }, (_, j) => `<li>${prose(i + j, 6)}</li>`).join('')}</ul><a class="btn btn-outline-primary" href="/signup?plan=${plan.toLowerCase()}" data-cta="plan-${i}">Choose ${plan}</a></div>`,
    )
    .join('\n');
  let body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page ${index}</title><meta name="viewport" content="width=device-width"><link rel="stylesheet" href="/_astro/index.css"></head><body>
<header class="site-header"><nav class="navbar"><a href="/" class="brand">Acme</a><ul><li><a href="/features/">Features</a></li><li><a href="/pricing/">Pricing</a></li><li><a href="/docs/">Docs</a></li></ul><a class="btn btn-sm" href="/login/">Log in</a></nav></header>
<main>
<section class="hero"><h1>${prose(index, 8)}</h1><p class="lead">${prose(index + 1, 30)}</p>
<a class="btn btn-primary btn-lg" href="/signup/" data-cta="hero" data-cta-role="primary">Start your free trial</a>
<a class="btn btn-link" href="${next}">See how it works</a></section>
<section class="features"><div class="row">${features}</div></section>
<section class="proof">${testimonials}</section>
<section class="pricing" id="pricing">${plans}</section>
<section class="faq"><h2>Questions</h2>`;
  let i = 0;
  while (body.length < target - 1_500) {
    body += `<details><summary>${prose(index + i, 7)}?</summary><p>${prose(index * 13 + i, 60)} See <a href="/docs/faq-${i % 20}/">the docs</a>.</p></details>\n`;
    i++;
  }
  body += `</section></main>
<footer class="site-footer"><a href="/privacy/">Privacy</a> <a href="/terms/">Terms</a> <a href="/contact/">Contact</a></footer></body></html>`;
  return body;
}

/** Every other page the landing pages link to (home, features, docs, sign-up, legal), so that links resolve as on a real site. */
export const SUPPORT_ROUTES = [
  '/',
  '/features/',
  '/pricing/',
  '/docs/',
  '/login/',
  '/signup/',
  '/privacy/',
  '/terms/',
  '/contact/',
  ...Array.from({ length: 6 }, (_, i) => `/docs/feature-${i}/`),
  ...Array.from({ length: 20 }, (_, i) => `/docs/faq-${i}/`),
];

export function supportPage(route: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme ${route}</title></head><body>
<header class="site-header"><nav><a href="/">Acme</a> <a href="/pricing/">Pricing</a></nav></header>
<main><h1>${prose(route.length, 5)}</h1><p>${prose(route.length * 7, 80)}</p>
<a class="btn btn-primary" href="/signup/" data-cta="support-signup">Start your free trial</a></main></body></html>`;
}
