// The made-up brands of the demo landing pages: name, logo, in-page navigation, the header's CTA and colours.
// A page picks one with `brand:` in its frontmatter; Landing.astro draws the header, footer and theme from it.

export interface NavCta {
  /** The header CTA's data-cta id (unique on the page). */
  id: string;
  href: string;
  label: string;
  goal?: string;
  /** Secondary when the page's primary action is elsewhere (a form), so the page keeps one primary. */
  variant?: 'primary' | 'secondary';
}

export interface Brand {
  name: string;
  /** Square logo mark in docs-site/public/demo-assets/brands/. */
  logo: string;
  /** Where the logo links: the brand's own landing page. */
  home: string;
  tagline: string;
  /** In-page sections the header links to (each id must exist on the page: the audit checks CTA targets). */
  nav: Array<[href: string, label: string]>;
  /** Colours: the brand (buttons, links), its dark ink (headings), a soft tint (bands) and an accent (highlights). */
  colors: { brand: string; brandHover: string; ink: string; soft: string; accent: string; accentInk: string };
}

export const brands = {
  acme: {
    name: 'Acme Pages',
    logo: '/demo-assets/brands/acme.svg',
    home: '/demos/saas/',
    tagline: 'Landing pages that people act on, measured by what they do.',
    nav: [
      ['/demos/saas/#features', 'Features'],
      ['/demos/saas/#customers', 'Customers'],
      ['/demos/saas/#pricing', 'Pricing'],
      ['/demos/saas/#faq', 'FAQ'],
    ],
    colors: {
      brand: '#4338ca', brandHover: '#312e81', ink: '#1e1b4b', soft: '#eef2ff', accent: '#fef3c7', accentInk: '#78350f',
    },
  },
  fjord: {
    name: 'Fjord Outfitters',
    logo: '/demo-assets/brands/fjord.svg',
    home: '/demos/sale/',
    tagline: 'Outdoor clothing made to last ten winters. Designed in Bergen, repaired for free.',
    nav: [
      ['/demos/sale/#jackets', 'Jackets'],
      ['/demos/sale/#sizes', 'Sizes'],
      ['/demos/sale/#reviews', 'Reviews'],
      ['/demos/sale/#faq', 'Delivery'],
    ],
    colors: {
      brand: '#0f5f5a', brandHover: '#0b3f3c', ink: '#0f2e2d', soft: '#e6f4f1', accent: '#fde047', accentInk: '#3f3a06',
    },
  },
  letter: {
    name: 'The Landing Letter',
    logo: '/demo-assets/brands/letter.svg',
    home: '/demos/newsletter/',
    tagline: 'One tested landing-page idea, every Tuesday.',
    nav: [
      ['/demos/newsletter/#inside', 'What’s inside'],
      ['/demos/newsletter/#issues', 'Past issues'],
      ['/demos/newsletter/#plans', 'Plans'],
      ['/demos/newsletter/#faq', 'FAQ'],
    ],
    colors: {
      brand: '#c2410c', brandHover: '#9a3412', ink: '#1c1917', soft: '#fff7ed', accent: '#ffedd5', accentInk: '#7c2d12',
    },
  },
  landingDay: {
    name: 'Landing Day',
    logo: '/demo-assets/brands/landing-day.svg',
    home: '/demos/event/',
    tagline: 'One day in Lisbon and online about pages people act on.',
    nav: [
      ['/demos/event/#programme', 'Programme'],
      ['/demos/event/#speakers', 'Speakers'],
      ['/demos/event/#tickets', 'Tickets'],
      ['/demos/event/#faq', 'FAQ'],
    ],
    colors: {
      brand: '#be185d', brandHover: '#831843', ink: '#2e1065', soft: '#fdf2f8', accent: '#fde68a', accentInk: '#713f12',
    },
  },
  kit: {
    name: 'astro-cta',
    logo: '/demo-assets/brands/astro-cta.svg',
    home: '/demos/',
    tagline: 'Calls to action for Astro: components, a build-time audit and a click beacon.',
    nav: [
      ['/getting-started/', 'Docs'],
      ['/rules/', 'Audit rules'],
      ['/components/cta/', 'Components'],
    ],
    colors: {
      brand: '#1d4ed8', brandHover: '#1e3a8a', ink: '#0b1220', soft: '#eff6ff', accent: '#fef3c7', accentInk: '#78350f',
    },
  },
} satisfies Record<string, Brand>;

export type BrandKey = keyof typeof brands;

/** The demos, for the strip above every demo's own header. */
export const demos: Array<[href: string, label: string]> = [
  ['/demos/', 'All demos'],
  ['/demos/saas/', 'SaaS'],
  ['/demos/sale/', 'Sale'],
  ['/demos/newsletter/', 'Newsletter'],
  ['/demos/event/', 'Event'],
];
