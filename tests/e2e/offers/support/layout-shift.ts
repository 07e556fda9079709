import type { Page } from '@playwright/test';

/**
 * Records every layout shift of the page from its start (Layout Instability API, buffered), as Chromium reports it
 * for CLS. Call before `page.goto`.
 */
export async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: Array<{ value: number; hadRecentInput: boolean }> = [];
    (window as unknown as { ctaShifts: typeof shifts }).ctaShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Array<{ value: number; hadRecentInput: boolean }>)
        shifts.push({ value: entry.value, hadRecentInput: entry.hadRecentInput });
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The page's cumulative layout shift so far (shifts after input excluded, as CLS does), after two more frames. */
export async function cumulativeLayoutShift(page: Page): Promise<number> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    // Lazy images below the fold never load, so only the others are waited for.
    const eager = [...document.images].filter((image) => image.loading !== 'lazy');
    await Promise.all(eager.map((image) => image.decode().catch(() => undefined)));
    for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
    const shifts = (window as unknown as { ctaShifts: Array<{ value: number; hadRecentInput: boolean }> }).ctaShifts;
    return shifts.filter((shift) => !shift.hadRecentInput).reduce((sum, shift) => sum + shift.value, 0);
  });
}
