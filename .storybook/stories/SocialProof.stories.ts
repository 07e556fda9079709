import SocialProof from '../../packages/astro-cta/src/components/SocialProof.astro';

export default { title: 'Components/SocialProof', component: SocialProof };

const acme = { type: 'SoftwareApplication', name: 'Acme' };
const logo = (name: string, hue: number) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="32"><rect width="120" height="32" rx="6" fill="hsl(${hue} 60% 45%)"/><text x="60" y="21" font-family="sans-serif" font-size="14" fill="#fff" text-anchor="middle">${name}</text></svg>`,
  )}`;
const testimonial = {
  quote: 'We shipped our launch page in a day, and the build told us which button nobody would click.',
  author: 'Dana Example',
  role: 'Head of Growth',
  company: 'Example GmbH',
  source: 'https://example.com/reviews/42',
  date: '2026-10-14',
  rating: 5,
};

export const Rating = { args: { rating: { value: 4.8, count: 1204, itemReviewed: acme } } };
export const Testimonial = { args: { testimonial, itemReviewed: acme } };
export const Testimonials = {
  args: {
    testimonials: [testimonial, { quote: 'Zero JavaScript and it still counts down. Lovely.', author: 'Sam Sample', company: 'Sample Ltd' }],
    itemReviewed: acme,
  },
};
export const Count = { args: { count: { value: 12000, label: 'teams', source: 'https://example.com/customers', asOf: '2026-10' } } };
export const Logos = {
  args: {
    logos: [
      { src: logo('Northwind', 210), alt: 'Northwind', width: 120, height: 32 },
      { src: logo('Contoso', 150), alt: 'Contoso', width: 120, height: 32, href: 'https://example.com/contoso' },
      { src: logo('Fabrikam', 20), alt: 'Fabrikam', width: 120, height: 32 },
    ],
  },
};
export const Everything = {
  args: {
    rating: { value: 4.8, count: 1204, itemReviewed: acme },
    testimonial,
    count: { value: 12000, label: 'teams', source: 'https://example.com/customers', asOf: '2026-10' },
  },
};
export const LongQuote = {
  args: {
    testimonial: {
      ...testimonial,
      quote:
        'We replaced three third-party widgets with this kit. Our landing pages got lighter, the countdown stopped jumping around, our screen-reader users stopped hearing a ticking clock, and the review stars finally have a text alternative that matches the structured data.',
    },
    itemReviewed: acme,
  },
};
