/**
 * Styled or unstyled: every style rule of the kit needs the `cta-kit` class on a component's root element, so
 * leaving that class out renders the same markup (with its `cta-…` classes as hooks) and none of the kit's look.
 * Unstyled comes from the component's `unstyled` prop, else from the integration's `unstyled` option.
 */
import type { PropProblem } from './validate.ts';

/** Set by the integration (`astroCta({ unstyled: true })`) through Vite's `define`; undefined without it. */
declare const __ASTRO_CTA_UNSTYLED__: boolean | undefined;

/** The class that switches the kit's styles on for one component, or undefined in unstyled mode. */
export function kitClass(unstyledProp: unknown): 'cta-kit' | undefined {
  const unstyled = unstyledProp ?? (typeof __ASTRO_CTA_UNSTYLED__ === 'boolean' ? __ASTRO_CTA_UNSTYLED__ : false);
  return unstyled === true ? undefined : 'cta-kit';
}

export function unstyledProblem(value: unknown): PropProblem | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  return {
    prop: 'unstyled',
    problem: `${JSON.stringify(value)} is not true or false.`,
    fix: "write `unstyled` (or unstyled={true}) to render without the kit's CSS; leave it out to keep it.",
  };
}
