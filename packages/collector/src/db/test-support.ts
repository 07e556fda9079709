import fc from 'fast-check';

// Random beacon events for the rollup property tests: few page views, CTAs, visits and experiments, so that keys
// repeat and every rollup path (first exposure, repeat click, new visit, experiment arm) is taken.
const PAGE_OF: Record<string, string> = { pa: '/', pb: '/pricing/', pc: '/welcome/', pd: '/', pe: '/pricing/' };

/** Events as the collector's validation lets them through; `maxSeq` bounds sequence numbers, `goals` adds `g`. */
export function arbitraryEvent({ maxSeq, goals = false }: { maxSeq: number; goals?: boolean }) {
  return fc
    .record({
      t: fc.constantFrom('impression', 'impression', 'click', 'custom', 'conversion', 'engaged'),
      id: fc.constantFrom('hero', 'footer', 'signup'),
      pv: fc.constantFrom('pa', 'pb', 'pc', 'pd', 'pe'),
      s: fc.integer({ min: 0, max: maxSeq }),
      vi: fc.option(fc.constantFrom('va', 'vb', 'vc'), { nil: undefined }),
      g: goals ? fc.constantFrom('signup', 'buy') : fc.constant(undefined),
      // Experiments (migration 5): an arm only with an experiment, as the collector's validation requires, and
      // never on an engaged event.
      x: fc.option(fc.constantFrom('hero-copy', 'pricing'), { nil: undefined }),
      a: fc.option(fc.constantFrom('A', 'B'), { nil: undefined }),
    })
    .map(({ x, a, vi, g, ...event }) => ({
      ...event,
      // A page view is one page load: all its events name one page.
      p: PAGE_OF[event.pv]!,
      ...(vi ? { vi } : {}),
      ...(g ? { g } : {}),
      ...(x && event.t !== 'engaged' ? { x, ...(a ? { a } : {}) } : {}),
    }));
}
