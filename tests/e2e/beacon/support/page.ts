import type { Page } from '@playwright/test';

/**
 * Resolves once the page's intersection observers have processed the current layout: a fresh observer's first
 * callback comes in the same update as (and after) those of observers created earlier, such as the beacon's.
 */
export async function intersectionsSettled(page: Page, selector: string): Promise<void> {
  await page.evaluate(
    (target) =>
      new Promise<void>((resolve) => {
        const observer = new IntersectionObserver(() => {
          observer.disconnect();
          resolve();
        });
        observer.observe(document.querySelector(target)!);
      }),
    selector,
  );
}

/** Scrolls so that exactly `share` of the element's height shows at the bottom of the viewport. */
export async function showShare(page: Page, selector: string, share: number): Promise<void> {
  await page.evaluate(
    ([target, visible]) => {
      const element = document.querySelector(target as string)!;
      const top = element.getBoundingClientRect().top + scrollY;
      scrollTo(0, top - (innerHeight - (visible as number) * element.getBoundingClientRect().height));
    },
    [selector, share] as const,
  );
  await intersectionsSettled(page, selector);
}

/** Makes the tab look hidden (or visible again) to the page, as switching tabs does, and fires visibilitychange. */
export async function setTabHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((value) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => value });
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (value ? 'hidden' : 'visible'),
    });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  }, hidden);
}
