// Turns a configuration into a ready analyser: which rules run, at which severity, with which
// options and recognisers. Shared by the CLI, the extension's worker, the tests and the benchmark.
import type { ProductionAuditConfig } from '../audit/config';
import { RULES } from '../rules/registry';
import { isSystemTypeId } from '../systemTypes';
import type { RuleDefinition } from './rule';
import { Analyzer, type ActiveRule, type AnalyzeResult } from './analyzer';
import { BUILTIN_RECOGNIZERS, RecognizerSet, recognizersFromConfig } from './recognizers';

export interface EngineOptions {
  /** Rules to choose from (default: every registered rule). */
  rules?: readonly RuleDefinition<any>[];
  /** Only these rule ids run (tests, `--rule`); default: every rule the config enables. */
  only?: readonly string[];
  today?: string;
  /** Benchmark only: per-rule time accumulates here. */
  profile?: Map<string, number>;
}

/** The active rules for a configuration, in registry order. */
export function activeRules(config: Pick<ProductionAuditConfig, 'rules'> | undefined, options: EngineOptions = {}): ActiveRule[] {
  const all = options.rules ?? RULES;
  const out: ActiveRule[] = [];
  for (const rule of all) {
    const setting = config?.rules?.[rule.id];
    if (options.only && !options.only.includes(rule.id) && rule.id !== 'invalid-suppression') continue;
    if (setting && setting.enabled === false) continue;
    out.push({
      rule,
      severity: setting?.severity ?? rule.defaultSeverity,
      severityFromConfig: !!setting?.severity,
      options: { ...rule.options, ...(setting?.options ?? {}) },
    });
  }
  return out;
}

export function createAnalyzer(config: (Pick<ProductionAuditConfig, 'rules' | 'recognizers'> & { systemType?: string }) | undefined, options: EngineOptions = {}): Analyzer {
  const rules = options.rules ?? RULES;
  return new Analyzer({
    rules: activeRules(config, options),
    recognizers: new RecognizerSet([...BUILTIN_RECOGNIZERS, ...recognizersFromConfig(config?.recognizers)]),
    knownRuleIds: new Set(rules.map((r) => r.id)),
    today: options.today,
    profile: options.profile,
    systemType: isSystemTypeId(config?.systemType) ? config.systemType : undefined,
  });
}

/** Convenience for tests and one-off calls: analyse one file's text with a fresh analyser. */
export function analyzeText(file: string, text: string, config?: Pick<ProductionAuditConfig, 'rules' | 'recognizers'>, options: EngineOptions = {}): AnalyzeResult {
  return createAnalyzer(config, options).analyze({ file, text });
}
