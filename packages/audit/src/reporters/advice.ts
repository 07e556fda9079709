import type { Finding } from '../types.ts';

/**
 * A finding's message split into what is wrong (its first sentence) and the advice that follows, so a report
 * gives the advice once per rule instead of on every finding. "e.g." and "i.e." do not end a sentence.
 */
export function splitAdvice(message: string): { problem: string; advice: string } {
  const end = /(?<!\b(?:e\.g|i\.e|etc|vs))[.!?]["”’)]?\s+(?=["“(]?[A-Z])/.exec(message);
  if (!end) return { problem: message, advice: '' };
  const cut = end.index + end[0].trimEnd().length;
  return { problem: message.slice(0, cut), advice: message.slice(cut).trim() };
}

/**
 * The text to print for each finding: the whole message the first time a rule's advice appears, then only the
 * problem (with a pointer back) for later findings of that rule that repeat the same advice.
 */
export function onceAdvised(findings: readonly Finding[]): Map<Finding, string> {
  const given = new Set<string>();
  const texts = new Map<Finding, string>();
  for (const finding of findings) {
    const { problem, advice } = splitAdvice(finding.message);
    // Advice that differs only in the quoted names and numbers it cites is the same advice.
    const key = `${finding.ruleId}\u0000${advice.replace(/"[^"]*"|“[^”]*”|\d+/g, '…')}`;
    if (!advice || !given.has(key)) {
      given.add(key);
      texts.set(finding, finding.message);
    } else texts.set(finding, `${problem} (How to fix: as for the first ${finding.ruleId} above.)`);
  }
  return texts;
}
