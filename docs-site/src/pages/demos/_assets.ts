// Made-up brands and people for the demo pages. The customer logos are SVG files drawn for the demos
// (docs-site/public/demo-assets/logos/); avatars are tiny inline SVGs with initials.
const svg = (body: string, width: number, height: number) =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`)}`;

/** A round avatar with initials. */
export const avatar = (initials: string, hue: number) =>
  svg(`<circle cx="20" cy="20" r="20" fill="hsl(${hue} 60% 40%)"/><text x="20" y="26" text-anchor="middle" font-family="system-ui, sans-serif" font-size="15" font-weight="700" fill="#fff">${initials}</text>`, 40, 40);

/** Fictitious companies, each with a logo drawn for the demos: [file name, company name, width at 40 px high]. */
const companies: Array<[string, string, number]> = [
  ['kestrel', 'Kestrel', 124],
  ['lumenworks', 'Lumenworks', 154],
  ['quarry', 'Quarry & Co', 152],
  ['parallax', 'Parallax', 130],
  ['fernway', 'Fernway', 130],
  ['orbitly', 'Orbitly', 116],
];

export const customerLogos = companies.map(([file, name, width]) => ({
  src: `/demo-assets/logos/${file}.svg`,
  alt: name,
  width,
  height: 40,
}));

/** Dates written in the page's own locale ("24 November 2026" on an en-GB page, "November 24, 2026" on en-US). */
export const longDate = (isoDay: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDay}T00:00:00Z`));
