// Finding severity → editor severity, from the `productionAudit.diagnostics.severity` setting.
import { isSeverity, type Severity } from '../../core/model';

export type EditorSeverity = 'error' | 'warning' | 'information' | 'hint';

export const DEFAULT_SEVERITY_MAP: Readonly<Record<Severity, EditorSeverity>> = { CRITICAL: 'warning', HIGH: 'warning', MEDIUM: 'information', LOW: 'hint' };

const EDITOR_SEVERITIES: readonly EditorSeverity[] = ['error', 'warning', 'information', 'hint'];

/** Reads the setting leniently: unknown keys and values fall back to the defaults. */
export function severityMap(setting: unknown): Record<Severity, EditorSeverity> {
  const out = { ...DEFAULT_SEVERITY_MAP };
  if (setting && typeof setting === 'object') {
    for (const [k, v] of Object.entries(setting as Record<string, unknown>)) {
      const key = k.toUpperCase();
      const value = typeof v === 'string' ? (v.toLowerCase() as EditorSeverity) : undefined;
      if (isSeverity(key) && value && EDITOR_SEVERITIES.includes(value)) out[key] = value;
    }
  }
  return out;
}

/** Index into vscode.DiagnosticSeverity (Error = 0, Warning = 1, Information = 2, Hint = 3). */
export function diagnosticSeverityIndex(severity: Severity, map: Record<Severity, EditorSeverity>): 0 | 1 | 2 | 3 {
  return EDITOR_SEVERITIES.indexOf(map[severity]) as 0 | 1 | 2 | 3;
}
