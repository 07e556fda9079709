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

/**
 * The classes that keep a content stylesheet off a styled component's parts: Tailwind Typography's `prose` styles
 * every link, heading, quote and figure inside it (`.prose :where(a)`, a class, so it beats the kit's cascade layer)
 * unless they sit in `not-prose`; Starlight's Markdown content styles (borders on quotes, margins between siblings)
 * skip what sits in `not-content`. These are their documented ways out. Without them, a primary CTA in an MDX post
 * took the prose link colour on its own blue (1.3:1). Unstyled components leave them out: the site styles them.
 */
export function contentStylesOptOut(kit: string | undefined): 'not-prose not-content' | undefined {
  return kit === undefined ? undefined : 'not-prose not-content';
}

export function unstyledProblem(value: unknown): PropProblem | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  return {
    prop: 'unstyled',
    problem: `${JSON.stringify(value)} is not true or false.`,
    fix: "write `unstyled` (or unstyled={true}) to render without the kit's CSS; leave it out to keep it.",
  };
}
