import type { Page } from '@playwright/test';

/**
 * Records every layout shift of the page from its start (Layout Instability API, buffered), as Chromium reports it
 * for CLS. Call before `page.goto`.
 */
export async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Rect = { x: number; y: number; width: number; height: number };
    type Shift = {
      value: number;
      hadRecentInput: boolean;
      startTime: number;
      sources?: Array<{ node?: Node | null; previousRect: Rect; currentRect: Rect }>;
    };
    const shifts: Array<{ value: number; hadRecentInput: boolean; moved: string[] }> = [];
    (window as unknown as { ctaShifts: typeof shifts }).ctaShifts = shifts;
    // What moved, for the failure message: the shifted elements' tags and classes.
    const nameOf = (node?: Node | null) =>
      node instanceof Element ? `${node.tagName.toLowerCase()}.${[...node.classList].join('.')}` : String(node);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Shift[])
        shifts.push({
          value: entry.value,
          hadRecentInput: entry.hadRecentInput,
          moved: (entry.sources ?? []).map(
            ({ node, previousRect: a, currentRect: b }) =>
              `${nameOf(node)} ${a.x},${a.y} ${a.width}x${a.height} -> ${b.x},${b.y} ${b.width}x${b.height} ` +
              `at ${Math.round(entry.startTime)} ms`,
          ),
        });
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The page's cumulative layout shift so far (shifts after input excluded, as CLS does), after two more frames. */
export async function cumulativeLayoutShift(page: Page): Promise<number> {
  return (await layoutShifts(page)).cls;
}

/** The same, with what moved in each shift ("tag.classes x,y wxh -> x,y wxh at t ms"). */
export async function layoutShifts(page: Page): Promise<{ cls: number; moved: string[] }> {
  const { cls, shifts } = await page.evaluate(async () => {
    await document.fonts.ready;
    // Lazy images below the fold never load, so only the others are waited for.
    const eager = [...document.images].filter((image) => image.loading !== 'lazy');
    await Promise.all(eager.map((image) => image.decode().catch(() => undefined)));
    for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
    type Recorded = { value: number; hadRecentInput: boolean; moved: string[] };
    const shifts = (window as unknown as { ctaShifts: Recorded[] }).ctaShifts.filter((shift) => !shift.hadRecentInput);
    return { cls: shifts.reduce((sum, shift) => sum + shift.value, 0), shifts };
  });
  if (shifts.length) console.log(`layout shifts on ${page.url()}: ${JSON.stringify(shifts)}`);
  return { cls, moved: shifts.flatMap((shift) => shift.moved) };
}
