/**
 * The remaining-time text, shared by the enhancer (which shows it) and the server (which reserves its width).
 * Pure and tiny: it is part of the enhancer's size budget (countdown.size.test.ts).
 */

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;

/**
 * "2d 03h 04m 05s", or "2d 03h 04m" at minute resolution (`step` = MINUTE). Rounded up, so it shows zero only at
 * the deadline itself; units are spelled out (no "1m" that a reader could take for a metre or a month).
 */
export function formatRemaining(milliseconds: number, step: number): string {
  const seconds = Math.ceil(milliseconds / step) * (step / SECOND);
  const days = Math.floor(seconds / 86400);
  const pad = (value: number, unit: string) => `${String(Math.floor(value)).padStart(2, '0')}${unit}`;
  return (
    (days ? `${days}d ` : '') +
    pad((seconds / 3600) % 24, 'h') +
    ' ' +
    pad((seconds / 60) % 60, 'm') +
    (step === SECOND ? ` ${pad(seconds % 60, 's')}` : '')
  );
}
