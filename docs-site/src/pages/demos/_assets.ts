// Made-up brands and people for the demo pages, drawn as tiny inline SVGs so the demos need no image files.
const svg = (body: string, width: number, height: number) =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`)}`;

/** A wordmark logo: the company's name set in a neutral grey that reads on light and dark backgrounds. */
export const wordmark = (name: string) =>
  svg(`<text x="0" y="24" font-family="system-ui, sans-serif" font-size="22" font-weight="700" fill="#6b7280">${name}</text>`, name.length * 14 + 4, 32);

/** A round avatar with initials. */
export const avatar = (initials: string, hue: number) =>
  svg(`<circle cx="20" cy="20" r="20" fill="hsl(${hue} 60% 40%)"/><text x="20" y="26" text-anchor="middle" font-family="system-ui, sans-serif" font-size="15" font-weight="700" fill="#fff">${initials}</text>`, 40, 40);

export const customerLogos = ['Northwind', 'Globex', 'Initech', 'Umbrella'].map((name) => ({ src: wordmark(name), alt: name, width: name.length * 14 + 4, height: 32 }));
