import { Parser } from 'htmlparser2';

/**
 * The `#fragment` targets of a page: every element id, and the names of `<a name>` anchors (the old way). A
 * DOM-free scan, for pages a link points to rather than pages being audited. Never throws.
 */
export function fragmentTargets(html: string): Set<string> {
  const ids = new Set<string>();
  const parser = new Parser({
    onopentag(name, attributes) {
      if (attributes.id) ids.add(attributes.id);
      if (name === 'a' && attributes.name) ids.add(attributes.name);
    },
  });
  try {
    parser.end(html);
  } catch {
    // htmlparser2 does not throw on markup; whatever was read before anything else went wrong is still good.
  }
  return ids;
}
