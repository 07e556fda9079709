/**
 * `keepQuery(names)`: a `destination` for `startBeacon()` that reports a link's origin and path plus the query
 * parameters named (a trailing `*` matches any ending: `'utm_*'`), in their order on the link. Everything else in
 * the query, the fragment, and the address of `mailto:`/`tel:` links stay on the page, as with the default.
 */
export function keepQuery(names: readonly string[]): (link: HTMLAnchorElement | HTMLAreaElement) => string | undefined {
  const kept = (key: string) =>
    names.some((name) => (name.endsWith('*') ? key.startsWith(name.slice(0, -1)) : key === name));
  return (link) => {
    // As the core's default: links without a host report their scheme; elements that are no links, nothing.
    if (!link.host) return link.protocol;
    const query = `${new URLSearchParams([...new URLSearchParams(link.search)].filter(([key]) => kept(key)))}`;
    return link.origin + link.pathname + (query && `?${query}`);
  };
}
