// What the tool says about itself (reports, SARIF, JSON output) and what configuration may name.
import type { KnownRule } from './audit/config';
import { RULES } from './rules/registry';

declare const PRODUCTION_AUDIT_VERSION: string | undefined;

/** Version from the build (esbuild `define`), or package.json when run from compiled sources. */
function version(): string {
  if (typeof PRODUCTION_AUDIT_VERSION === 'string') return PRODUCTION_AUDIT_VERSION;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('../../../package.json') as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export const TOOL = {
  name: 'production-audit',
  fullName: 'Production Audit',
  version: version(),
  informationUri: 'https://github.com/production-audit/production-audit',
} as const;

export function knownRules(): KnownRule[] {
  return RULES.map((r) => ({ id: r.id, options: r.options }));
}

export { SYSTEM_TYPE_IDS } from './model';
