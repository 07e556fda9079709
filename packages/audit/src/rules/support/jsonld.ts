import type { Element } from 'domhandler';
import { textContent } from 'domutils';
import { attr } from '../../dom.ts';
import type { PageContext } from '../../types.ts';

export type JsonObject = Record<string, unknown>;

/** One typed node of a page's JSON-LD, wherever it sits (top level, `@graph`, or nested in another node). */
export interface LdNode {
  node: JsonObject;
  types: string[];
  /** The node it is nested in (e.g. the Product an `aggregateRating` belongs to): its implicit `itemReviewed`. */
  parent: JsonObject | undefined;
  /** The `<script type="application/ld+json">` it came from. */
  script: Element;
}

export interface LdBlockError {
  script: Element;
  message: string;
}

export interface PageJsonLd {
  nodes: LdNode[];
  /** `@id` → node, to follow references such as `"itemReviewed": { "@id": "#org" }`. */
  byId: Map<string, JsonObject>;
  errors: LdBlockError[];
}

/** Every JSON-LD block of a page, parsed: `page.jsonLd`, parsed once per page. */
export function jsonLdOf(page: PageContext): PageJsonLd {
  return page.jsonLd;
}

/** Parses every JSON-LD block of a page; a block that is not valid JSON is recorded, never thrown. */
export function parseJsonLd(page: Pick<PageContext, 'elements'>): PageJsonLd {
  const result: PageJsonLd = { nodes: [], byId: new Map(), errors: [] };
  const scripts = page.elements.filter(
    (el) => el.name === 'script' && (attr(el, 'type') ?? '').trim().toLowerCase() === 'application/ld+json',
  );
  for (const script of scripts) {
    const source = textContent(script).trim();
    if (!source) {
      result.errors.push({ script, message: 'is empty' });
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(source);
    } catch (error) {
      result.errors.push({
        script,
        message: `is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      });
      continue;
    }
    collect(data, undefined, script, result, 0);
  }
  return result;
}

/** Deep enough for any real graph; a pathological one must not overflow the stack. */
const MAX_DEPTH = 64;

function collect(
  value: unknown,
  parent: JsonObject | undefined,
  script: Element,
  result: PageJsonLd,
  depth: number,
): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, parent, script, result, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  const types = typesOf(value);
  if (typeof value['@id'] === 'string' && types.length > 0) result.byId.set(value['@id'], value);
  if (types.length > 0) result.nodes.push({ node: value, types, parent, script });
  for (const [key, child] of Object.entries(value)) {
    if (key === '@context') continue;
    // @graph members are siblings, not children: they have no implicit parent.
    collect(child, key === '@graph' ? parent : types.length > 0 ? value : parent, script, result, depth + 1);
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `@type` as a list, without a `schema:` or URL prefix. */
export function typesOf(node: JsonObject): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list
    .filter((type): type is string => typeof type === 'string')
    .map((type) => type.replace(/^(?:https?:\/\/schema\.org\/|schema:)/, ''));
}

/** Follows an `{ "@id": … }` reference to the full node when the page defines it. */
export function resolve(value: unknown, byId: ReadonlyMap<string, JsonObject>): unknown {
  if (Array.isArray(value)) return value.length === 1 ? resolve(value[0], byId) : value;
  if (isObject(value) && typeof value['@id'] === 'string' && typesOf(value).length === 0)
    return byId.get(value['@id']) ?? value;
  return value;
}

/** A number from a JSON-LD value: numbers, numeric strings, decimal commas ("4,5"). */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*-?\d+(?:[.,]\d+)?\s*$/.test(value))
    return Number(value.trim().replace(',', '.'));
  return undefined;
}

export function hasValue(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(hasValue);
  return true;
}

export const RATING_TYPES = new Set([
  'AggregateRating',
  'Review',
  'EmployerAggregateRating',
  'CriticReview',
  'UserReview',
]);
