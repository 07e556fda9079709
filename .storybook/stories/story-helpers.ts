const DAY = 86_400_000;

/**
 * A deadline relative to when Storybook is built (stories are prerendered then): ISO 8601 in UTC ("Z"), whole
 * seconds, as an author would write it.
 */
export const deadlineIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Moves the rendered countdowns of a story to end `seconds` after the story is opened, so each onExpire mode can
 * be watched as it happens (the prerendered deadline lies in the past or far ahead by the time anyone looks).
 */
export async function endSoon(canvas: HTMLElement, seconds = 8): Promise<void> {
  // Imported here, not at the top: story files are also loaded in Node to prerender them, where there is no document.
  const { startCountdowns } = await import('../../packages/astro-cta/src/client/countdown.ts');
  const end = new Date(Date.now() + seconds * 1000);
  for (const root of canvas.querySelectorAll<HTMLElement>('[data-cta-countdown]')) {
    root.dataset.ctaCountdown = end.toISOString();
    const time = root.querySelector('time');
    if (time) {
      time.dateTime = end.toISOString();
      time.textContent = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short' }).format(end);
    }
  }
  startCountdowns();
}

/** Makes the enhancer see `prefers-reduced-motion: reduce` for one story; returns the cleanup Storybook calls. */
export function emulateReducedMotion(): () => void {
  const original = window.matchMedia;
  window.matchMedia = (query: string) =>
    query === '(prefers-reduced-motion: reduce)' ? ({ ...original.call(window, query), matches: true, media: query } as MediaQueryList) : original.call(window, query);
  return () => {
    window.matchMedia = original;
  };
}

export const LONG_LABEL =
  'Start your free fourteen-day trial of the complete professional plan, with every integration and priority support included';
