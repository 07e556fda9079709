/** What `<Offer>` and `<Experiment>` share: reading their rendered alternatives and failing on mistakes in them. */

import { readAlternatives, type WrapperContent } from './alternatives.ts';
import { authoringError, type RenderPlace } from './authoring-error.ts';
import { claimAlternative, claimChooserName } from './page-registry.ts';

type Place = RenderPlace & { request: Request };

export function checkedAlternatives(
  component: 'Offer' | 'Experiment',
  place: Place,
  name: string,
  html: string,
): WrapperContent {
  if (!claimChooserName(place.request, name))
    throw authoringError(
      component,
      place,
      'name',
      `the page has two offers or experiments named "${name}"; their events would be counted as one.`,
      `give each its own name, e.g. name="${name}-2".`,
    );
  const content = readAlternatives(html, name);
  for (const alternative of content.alternatives)
    if (alternative.token) claimAlternative(place.request, alternative.token);
  const child = component === 'Offer' ? '<Choice>, or <Incentive>/<CTA> with `when` or `arm`' : '<Arm name="…">';
  if (content.stray !== undefined)
    throw authoringError(
      component,
      place,
      'children',
      `"${content.stray}" is not an alternative: everything inside <${component}> is one of its alternatives.`,
      `wrap it in ${child}, or move it outside <${component}>.`,
    );
  const least = component === 'Offer' ? 1 : 2;
  if (content.alternatives.length < least)
    throw authoringError(
      component,
      place,
      'children',
      `"${name}" has ${content.alternatives.length} alternative(s).`,
      component === 'Offer' ? 'put at least one <Choice when={…}> inside.' : 'give it at least two <Arm>s to compare.',
    );
  const seen = new Set<string>();
  for (const alternative of content.alternatives) {
    if (seen.has(alternative.arm))
      throw authoringError(
        component,
        place,
        component === 'Offer' ? 'arm' : 'name',
        `two alternatives of "${name}" are named "${alternative.arm}"; the report could not tell them apart.`,
        'give each its own name.',
      );
    seen.add(alternative.arm);
  }
  const defaults = content.alternatives.filter((alternative) => alternative.isDefault);
  if (defaults.length > 1)
    throw authoringError(
      component,
      place,
      component === 'Offer' ? 'when' : 'default',
      `"${name}" has ${defaults.length} defaults (${defaults.map((d) => `"${d.arm}"`).join(', ')}).`,
      component === 'Offer' ? 'give every alternative but one a `when`.' : 'mark one arm `default`.',
    );
  if (component === 'Offer') {
    const conditions = new Set<string>();
    for (const alternative of content.alternatives) {
      if (alternative.when === undefined) continue;
      if (conditions.has(alternative.when))
        throw authoringError(
          'Offer',
          place,
          'when',
          `two alternatives of "${name}" have the same condition ${alternative.when}, so the second can never show.`,
          'change or remove one of them.',
        );
      conditions.add(alternative.when);
    }
  }
  return content;
}
