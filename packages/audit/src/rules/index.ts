import type { Rule } from '../types.ts';
import { pageNoCta } from './page-no-cta.ts';
import { ctaGenericText } from './cta-generic-text.ts';

/** Every rule the audit knows, in the order their findings are reported. */
export const rules: readonly Rule[] = [pageNoCta, ctaGenericText];
