/**
 * The chooser: a classic, render-blocking script in the <head> of pages with offers or experiments (the integration
 * puts it there: integration/chooser.ts). It picks one pre-rendered alternative of each `data-cta-choose` wrapper
 * before the browser first paints it:
 *
 * - it defines `<cta-choose>`, which the components put right after each wrapper: the parser runs its
 *   connectedCallback synchronously on reaching it, when every alternative is in the DOM and none is painted yet;
 * - it marks <html> with `data-cta-chooser`, so the kit's CSS (components/choose.css) hides every alternative until
 *   the element has been parsed, then shows the one marked `data-cta-shown`, or the default when none is. Without
 *   this script the default shows: no JavaScript, a blocked script, or an error before that line.
 *
 * Offers: the first alternative whose `data-cta-when` the recorder (signals.ts) found true for this moment: it
 * evaluates conditions after paint, where bytes do not matter, and stores each one's time window (`m`: condition →
 * [from, until]). Experiments: the arm stored for this visitor (`m`: name → arm, "" for the holdout); without one, a
 * weighted random pick when the script tag says storing needs no consent (`data-store`), which the recorder then
 * stores; after `data-cta-ends`, the winner. Nothing marked means the default. Whether a choice is counted in the
 * report is for choose-report.ts to say, before the beacon starts.
 *
 * Budget: 500 B gzip (choose.size.test.ts), so the code favours short statements and writes the contract's
 * attribute names as suffixes of "data-cta-" (choose.names.test.ts ties them to the contract). It stores nothing.
 * Foreign or corrupted storage, storage disabled, a clock set back or a bad date: the default, inside a try.
 */
import type { SignalsRecord } from '../offers/signals-format.ts';

{
  const storeAllowed = document.currentScript!.dataset.store;
  // Open the storage here, in the head, before the body is parsed: Chromium loads a page's localStorage on first
  // use (up to tens of ms on a cold load). Done in the first connectedCallback, that pause inside the parser made it
  // yield and paint the page cut off right after the first <cta-choose>; what followed (the rest of a hero, the
  // image beside it) then moved it (issue 12: CLS 0.0049 on the SaaS demo's hero). Storage disabled: it throws here.
  try {
    localStorage.ctaSignals;
  } catch {}
  const attribute = (name: string, element: Element) => element.getAttribute(`data-cta-${name}`)!;
  customElements.define(
    'cta-choose',
    class extends HTMLElement {
      connectedCallback() {
        const wrapper = this.previousElementSibling!;
        const name = attribute('experiment', wrapper);
        const alternatives = [...wrapper.children];
        // One variable for a window, then an arm's name, then the element: every declaration costs bytes.
        // biome-ignore lint/suspicious/noExplicitAny: it holds three types in turn, on purpose (above).
        let found: any;
        try {
          // Read here, per wrapper, not once: after a view transition the recorder may have written since.
          // Storage disabled or not our JSON: it throws, and the default shows.
          const memory: NonNullable<SignalsRecord['m']> = JSON.parse(localStorage.ctaSignals || '{}').m || {};
          const now = Date.now();
          if (attribute('choose', wrapper) == 'offer')
            found = alternatives.find(
              (alternative) => (found = memory[attribute('when', alternative)]) && found[0] <= now && now < found[1],
            );
          else {
            found = Date.parse(attribute('ends', wrapper)) <= now ? attribute('winner', wrapper) || '' : memory[name];
            if (found == null && storeAllowed) {
              const holdout = +attribute('holdout', wrapper);
              const weights = alternatives.map((alternative) => +attribute('weight', alternative) || 1);
              const sum = weights.reduce((total, weight) => total + weight);
              // Uniform in (sum - sum / (1 - holdout), sum]: below 0 is the holdout's share.
              let point = sum - (Math.random() * sum) / (1 - holdout);
              found =
                point < 0 ? '' : attribute('arm', alternatives.find((_, index) => (point -= weights[index]!) < 0)!);
            }
            found = alternatives.find((alternative) => attribute('arm', alternative) == found);
          }
          // Nothing found (no match, the holdout, no arm yet): choose.css shows the default.
          found.setAttribute('data-cta-shown', '');
        } catch {
          // The default then, too.
        }
      }
    },
  );
  document.documentElement.setAttribute('data-cta-chooser', '');
}
