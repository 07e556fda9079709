/**
 * The countdown enhancer: one module for every `<Countdown>` on a page (Astro bundles the component's <script> once).
 *
 * The server already rendered the truth (the absolute end in a `<time>`, or the ended state); this only adds the
 * remaining time. It is recomputed from the absolute deadline on every tick, so a throttled background tab can never
 * drift, and one shared timer serves all countdowns. Budget: 870 B gzip (countdown.size.test.ts), so no dependencies.
 *
 * Markup it reads (written by Countdown.astro; the names and the deadline parser come from the markup contract):
 *   [data-cta-countdown=RFC 3339 deadline][data-cta-on-expire=hide|replace|disable-cta][data-cta-for="cta ids"]
 *     [data-cta-running]   shown while the clock runs
 *       [data-cta-remaining]   the ticking text, in a box of reserved width
 *     [data-cta-ended]     the `expired` slot, shown at zero (replace, disable-cta)
 *
 * Loaded as an external module (Countdown.astro imports it dynamically), so a strict CSP (script-src 'self') allows it.
 */

import {
  COUNTDOWN_DEADLINE,
  COUNTDOWN_ENDED,
  COUNTDOWN_FOR,
  COUNTDOWN_ON_EXPIRE,
  COUNTDOWN_REMAINING,
  COUNTDOWN_RUNNING,
  CTA_GROUP,
  CTA_ID,
  deadlineInstant,
} from '@astro-cta/contract';
import { formatRemaining, MINUTE, SECOND } from './countdown-format.ts';

let timer: ReturnType<typeof setTimeout> | undefined;

/** Stops ticking; the page keeps the last rendered text. */
export function stopCountdowns(): void {
  clearTimeout(timer);
}

// A background tab gets no ticks (browsers throttle them anyway); coming back recomputes at once.
document.addEventListener('visibilitychange', startCountdowns);
// Astro view transitions: stop before the old page is swapped out, start on the new page.
document.addEventListener('astro:before-swap', stopCountdowns);
document.addEventListener('astro:page-load', startCountdowns);
startCountdowns();

/**
 * Shows the remaining time of every countdown on the page and schedules the next tick. Runs when the module loads,
 * when a hidden tab becomes visible again and after every view-transition navigation; calling it again is harmless.
 */
export function startCountdowns(): void {
  stopCountdowns();
  // Under reduced motion the text changes once a minute instead of every second.
  const step = matchMedia('(prefers-reduced-motion: reduce)').matches ? MINUTE : SECOND;
  const now = Date.now();
  let next = 0;
  for (const root of document.querySelectorAll<HTMLElement>(`[${COUNTDOWN_DEADLINE}]`)) {
    const left = deadlineInstant(root.getAttribute(COUNTDOWN_DEADLINE)!) - now;
    // An unreadable deadline (NaN, hand-written markup) matches neither branch: left as the server rendered it.
    if (left > 0) {
      const remaining = root.querySelector(`[${COUNTDOWN_REMAINING}]`);
      if (remaining) remaining.textContent = formatRemaining(left, step);
      // Wake exactly when the shown value changes (it is rounded up, so it reaches zero only at the deadline).
      const wait = left % step || step;
      next = Math.min(next || wait, wait);
    } else if (left <= 0) {
      expire(root);
    }
  }
  if (next && !document.hidden) timer = setTimeout(startCountdowns, next);
}

function expire(root: HTMLElement): void {
  const mode = root.getAttribute(COUNTDOWN_ON_EXPIRE);
  if (mode === 'hide') {
    root.hidden = true;
    return;
  }
  // Hand-written contract markup may lack these parts: then there is simply nothing to swap.
  for (const part of root.querySelectorAll<HTMLElement>(`[${COUNTDOWN_RUNNING}],[${COUNTDOWN_ENDED}]`)) {
    part.hidden = part.hasAttribute(COUNTDOWN_RUNNING);
  }
  if (mode !== 'disable-cta') return;
  const group = root.closest(`[${CTA_GROUP}]`);
  const named = (root.getAttribute(COUNTDOWN_FOR) ?? '').split(' ');
  for (const cta of document.querySelectorAll<HTMLElement>(`[${CTA_ID}]`)) {
    if (!group?.contains(cta) && !named.includes(cta.getAttribute(CTA_ID)!)) continue;
    if ('disabled' in cta) {
      cta.disabled = true;
    } else {
      // A link cannot be disabled: without href it no longer navigates or takes focus; role and aria-disabled
      // keep it announced as an unavailable link.
      cta.removeAttribute('href');
      cta.setAttribute('role', 'link');
      cta.setAttribute('aria-disabled', 'true');
    }
  }
}
