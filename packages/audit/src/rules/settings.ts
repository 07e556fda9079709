import type { Rule, Severity } from '../types.ts';
import { rules as builtInRules } from './index.ts';

/** A built-in rule at a configured severity, with its configured options: all a worker needs to run the same rule. */
export interface RuleSetting {
  id: string;
  severity: Severity;
  /** Plain data (copied to worker threads). */
  options?: Readonly<Record<string, unknown>>;
}

const builtIn = new Map(builtInRules.map((rule) => [rule.meta.id, rule]));
/** Rules made by `withSeverity` or `withOptions`, with the built-in rule each one runs. */
const baseOf = new WeakMap<Rule, Rule>();

function derive(rule: Rule, meta: Rule['meta'], options: Rule['options']): Rule {
  const configured: Rule = {
    meta,
    check: (page, report, site) => rule.check(page, report, site),
  };
  if (options) configured.options = options;
  if (rule.afterAll) configured.afterAll = (report, site) => rule.afterAll!(report, site);
  baseOf.set(configured, baseOf.get(rule) ?? rule);
  return configured;
}

/** The same rule reporting at another severity; its check still runs with the rule as `this`. */
export function withSeverity(rule: Rule, severity: Severity): Rule {
  return derive(rule, { ...rule.meta, severity }, rule.options);
}

/** The same rule with option values set (over earlier ones); options its meta does not declare are an error. */
export function withOptions(rule: Rule, options: Readonly<Record<string, unknown>>): Rule {
  const unknown = Object.keys(options).filter((name) => !Object.hasOwn(rule.meta.options ?? {}, name));
  if (unknown.length > 0)
    throw new Error(`rule ${rule.meta.id} has no option ${unknown.map((name) => `"${name}"`).join(', ')}`);
  return derive(rule, rule.meta, { ...rule.options, ...options });
}

/**
 * Hands audit-wide option values (`{ requireCta: [...] }` from the configuration or a CLI flag) to every rule that
 * declares an option of that name, so no caller needs to know which rule takes which option. Undefined values
 * leave the rule's default.
 */
export function configureRules(rules: readonly Rule[], values: Readonly<Record<string, unknown>>): Rule[] {
  return rules.map((rule) => {
    const own = Object.entries(values).filter(
      ([name, value]) => value !== undefined && Object.hasOwn(rule.meta.options ?? {}, name),
    );
    return own.length === 0 ? rule : withOptions(rule, Object.fromEntries(own));
  });
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
    settings.push(
      rule.options
        ? { id: rule.meta.id, severity: rule.meta.severity, options: rule.options }
        : { id: rule.meta.id, severity: rule.meta.severity },
    );
  }
  return settings;
}

/** The rules `settingsOf` described, in the same order. */
export function rulesFrom(settings: readonly RuleSetting[]): Rule[] {
  return settings.map(({ id, severity, options }) => {
    const rule = builtIn.get(id);
    if (!rule) throw new Error(`unknown rule "${id}"`);
    const atSeverity = rule.meta.severity === severity ? rule : withSeverity(rule, severity);
    return options ? withOptions(atSeverity, options) : atSeverity;
  });
}
