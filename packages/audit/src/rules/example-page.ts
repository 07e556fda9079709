/** Wraps a rule example snippet into the page it is checked in: the rule tests and the rule docs use the same page. */
export function examplePage(snippet: string, lang = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><title>Example</title></head><body><main>${snippet}</main></body></html>`;
}
