import type { Rule, Severity } from '../types.ts';
import { rules as builtInRules } from './index.ts';

/** A built-in rule at a configured severity: all a worker thread needs to run the very same rule. */
export interface RuleSetting {
  id: string;
  severity: Severity;
}

const builtIn = new Map(builtInRules.map((rule) => [rule.meta.id, rule]));
/** Rules made by `withSeverity`, with the built-in rule each one runs. */
const baseOf = new WeakMap<Rule, Rule>();

/** The same rule reporting at another severity; its check still runs with the rule as `this`. */
export function withSeverity(rule: Rule, severity: Severity): Rule {
  const configured: Rule = {
    meta: { ...rule.meta, severity },
    check: (page, report, site) => rule.check(page, report, site),
  };
  if (rule.afterAll) configured.afterAll = (report, site) => rule.afterAll!(report, site);
  baseOf.set(configured, baseOf.get(rule) ?? rule);
  return configured;
}

/**
 * The settings that recreate these rules in another thread, or undefined when one of them is not a built-in rule
 * (a custom rule in a test, say): functions cannot be sent to a worker, so such a run stays on this thread.
 */
export function settingsOf(rules: readonly Rule[]): RuleSetting[] | undefined {
  const settings: RuleSetting[] = [];
  for (const rule of rules) {
    const base = baseOf.get(rule) ?? rule;
    if (builtIn.get(base.meta.id) !== base) return undefined;
    settings.push({ id: rule.meta.id, severity: rule.meta.severity });
  }
  return settings;
}

/** The rules `settingsOf` described, in the same order. */
export function rulesFrom(settings: readonly RuleSetting[]): Rule[] {
  return settings.map(({ id, severity }) => {
    const rule = builtIn.get(id);
    if (!rule) throw new Error(`unknown rule "${id}"`);
    return rule.meta.severity === severity ? rule : withSeverity(rule, severity);
  });
}
