import type { CtaRow } from './query.ts';

export const percent = (value: number | null, digits = 1): string => (value === null ? '–' : `${(value * 100).toFixed(digits)}%`);

export const pageLabel = (row: CtaRow): string => row.page ?? 'all pages';
export const variantLabel = (row: CtaRow): string => (row.variant === null ? 'all' : row.variant === '' ? '(none)' : row.variant);
export const intervalLabel = (row: CtaRow): string => (row.ctrLow === null ? '–' : `${percent(row.ctrLow)}–${percent(row.ctrHigh)}`);
