/**
 * Keeps the chooser's mark on <html> on pages swapped in by Astro's client-side router. The chooser (choose.ts) sets
 * `data-cta-chooser` on <html> once, when it runs in the head; the router gives <html> the attributes of the next
 * page's markup, which has no such mark, and does not run a head script twice. Without the mark, choose.css shows
 * every offer's default although the chooser has marked the visitor's alternative: a visitor kept in arm B saw arm A
 * from their second page with the experiment on. astro:before-swap lets a script edit the incoming document before
 * it replaces the page (Astro's documented way to keep a root attribute, such as a theme class, across navigations).
 */
export const CHOOSER_MARK = 'data-cta-chooser';

export function keepChooserMark(): void {
  document.addEventListener('astro:before-swap', (event) => {
    // Defined: the chooser ran on an earlier page. Otherwise it runs after this swap and sets the mark itself.
    if (customElements.get('cta-choose'))
      (event as Event & { newDocument: Document }).newDocument.documentElement.setAttribute(CHOOSER_MARK, '');
  });
}
