/**
 * Authoring mistakes (a missing id, a rating above `best`, an offer without terms…) fail the build with one error
 * shape: the component, the prop, the page and the fix. Components call `authoringError` and throw what it returns.
 */

/** The parts of the `Astro` global an error needs to say where it happened. */
export interface RenderPlace {
  props: Record<string, unknown>;
  url: URL;
  routePattern?: string;
}

/**
 * Where the page comes from. MDX pages get their source file and line from the auto-import remark plugin (the
 * `__ctaSource` prop it adds to kit components); other pages are named by their route, which Astro gives every
 * component, so the author can find the file under src/pages.
 */
export function describePage(place: RenderPlace): string {
  const source = place.props[SOURCE_PROP];
  const route = safeRoute(place);
  if (typeof source === 'string' && source) return route ? `${source} (route ${route})` : source;
  return route ? `the page for route ${route} (${place.url.pathname})` : `the page ${place.url.pathname}`;
}

/** The prop the remark plugin adds to kit components in MDX: "docs/src/pages/sale.mdx:12:1". */
export const SOURCE_PROP = '__ctaSource';

export class CtaAuthoringError extends Error {
  override name = 'CtaAuthoringError';
  constructor(
    readonly component: string,
    readonly prop: string,
    readonly page: string,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`<${component}> \`${prop}\` on ${page}: ${problem} Fix: ${fix}`);
  }
}

export function authoringError(
  component: string,
  place: RenderPlace,
  prop: string,
  problem: string,
  fix: string,
): CtaAuthoringError {
  return new CtaAuthoringError(component, prop, describePage(place), problem, fix);
}

function safeRoute(place: RenderPlace): string | undefined {
  try {
    return place.routePattern || undefined;
  } catch {
    // The Container API and some render paths throw when routePattern is read outside a routed request.
    return undefined;
  }
}

/** Props the kit consumes itself and never spreads onto HTML. */
export function withoutKitProps<T extends Record<string, unknown>>(props: T): Omit<T, typeof SOURCE_PROP> {
  const { [SOURCE_PROP]: _source, ...rest } = props;
  return rest;
}
