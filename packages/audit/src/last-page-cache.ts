/**
 * A cache for what rules derive from a page (its element list, countdowns, JSON-LD, visible text) that keeps only
 * the entry set last. The audit checks one page at a time, so the latest page's entry is the only one ever asked
 * for again; a page asked for after another one is simply computed anew, with the same result.
 *
 * A WeakMap keyed by the page's document did the same job, but its entries (whose values point back into the page's
 * tree) made garbage collection far more expensive: on the 1,000-page benchmark site, replacing the WeakMaps with
 * this cache cut the time per page roughly in half. The price is that the last page's entry stays in memory until
 * the next page replaces it.
 */
export class LastPageCache<K extends object, V> {
  #key: K | undefined;
  #value: V | undefined;

  get(key: K): V | undefined {
    return key === this.#key ? this.#value : undefined;
  }

  set(key: K, value: V): void {
    this.#key = key;
    this.#value = value;
  }
}
