import type { AxeResults } from 'axe-core';

/**
 * What axe found wrong: its violations, plus the text it could only mark "needs review" for a 1:1 contrast ratio.
 * axe files text in the colour of its own background under `incomplete` (it might be decorative or hidden), so a
 * check of `violations` alone passes a button whose label is invisible, as a site's `a { color }` once made ours.
 */
export function axeProblems(results: AxeResults): { id: string; targets: string[] }[] {
  const invisibleText = results.incomplete
    .filter((result) => result.id === 'color-contrast')
    .map((result) => ({
      id: 'color-contrast (1:1, text in its background colour)',
      targets: result.nodes
        .filter((node) => node.any.some((check) => /\b1:1\b/.test(check.message)))
        .map((node) => node.target.join(' ')),
    }))
    .filter((problem) => problem.targets.length > 0);
  const violations = results.violations.map((violation) => ({
    id: violation.id,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
  return [...violations, ...invisibleText];
}
