import type { PropProblem } from './validate.ts';

/** Set by the integration (vite define) when its `offers` option is on; undefined where components run without it. */
declare const __ASTRO_CTA_OFFERS__: boolean | undefined;

/** Offers and experiments need the recorder and the chooser the integration adds with `offers: true`. */
export function offersEnabledProblem(): PropProblem | undefined {
  // Undefined outside the integration (the Container API): only the integration saying "off" is a mistake.
  if (typeof __ASTRO_CTA_OFFERS__ !== 'boolean' || __ASTRO_CTA_OFFERS__) return undefined;
  return {
    prop: 'name',
    problem:
      'offers and experiments need the integration to record signals and choose before first paint, and its `offers` option is off.',
    fix: 'turn it on in astro.config: astroCta({ offers: true }).',
  };
}
