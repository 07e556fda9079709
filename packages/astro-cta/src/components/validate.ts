import { CTA_VARIANTS } from '@astro-cta/contract';

/** Checks a CTA's props; returns what is wrong and how to fix it, or undefined. */
export function ctaPropsError(props: { id?: unknown; href?: unknown; type?: unknown; variant?: unknown }): string | undefined {
  if (typeof props.id !== 'string' || props.id.trim() === '') {
    return 'needs an `id`: a stable analytics id such as id="start-trial", unique on the page.';
  }
  if (props.href === undefined && props.type === undefined) {
    return `"${props.id}" has no target: give \`href\` for a link or \`type="button"\`/\`type="submit"\` for a button.`;
  }
  if (props.variant !== undefined && !(CTA_VARIANTS as readonly unknown[]).includes(props.variant)) {
    return `"${props.id}" has variant="${String(props.variant)}": use one of ${CTA_VARIANTS.join(', ')}.`;
  }
  return undefined;
}
