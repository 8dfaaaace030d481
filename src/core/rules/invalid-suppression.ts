// The engine reports suppression comments it cannot honour (no reason, no rule id, unknown rule
// id, bad `until` date). This rule carries the metadata; the engine produces the findings.
import { defineRule } from '../engine/rule';

export const invalidSuppression = defineRule({
  id: 'invalid-suppression',
  category: 'code-quality',
  defaultSeverity: 'LOW',
  title: 'Suppression comment without a reason or a known rule',
  requiresTypeInfo: false,
  options: {},
  docs: {
    summary: 'Flags `prodaudit-ignore-next-line` comments that give no reason, name no rule or an unknown one, or carry an invalid `until` date.',
    why: 'A suppression records a decision that a production risk is acceptable in one place. Without a reason, the next engineer or auditor cannot tell a considered decision from a hurried one, and the risk stays hidden from the audit. Such a comment therefore suppresses nothing.',
    fix: 'Name the rule and say why the code is safe: `// prodaudit-ignore-next-line missing-timeout -- the load balancer enforces a 2 s deadline`. Add `until YYYY-MM-DD` after the reason for a temporary exception.',
    invalid: [
      { code: 'export async function ping(url: string) {\n  // prodaudit-ignore-next-line missing-timeout\n  return fetch(url);\n}\n' },
      { code: 'export async function ping(url: string) {\n  // prodaudit-ignore-next-line no-such-rule -- reasons are not enough\n  return fetch(url, { signal: AbortSignal.timeout(1000) });\n}\n' },
    ],
    valid: [{ code: 'export async function ping(url: string) {\n  // prodaudit-ignore-next-line missing-timeout -- the load balancer enforces a 2 s deadline\n  return fetch(url);\n}\n' }],
  },
  create: () => ({}),
});
