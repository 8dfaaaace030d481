// Typed access to `productionAudit.*` settings, always read per resource (never cached globally).
import * as vscode from 'vscode';
import type { RuleOverride } from './protocol';
import { severityMap, type EditorSeverity } from './util/severityMapping';
import type { Severity } from '../core/model';

export const SECTION = 'productionAudit';

export interface Settings {
  onType: boolean;
  debounceMs: number;
  maxFileSize: number;
  severity: Record<Severity, EditorSeverity>;
  quickFixTimeoutMs: number;
  overrides: Record<string, RuleOverride>;
  scanExclude: string[];
  /** Worker threads for a workspace scan; 0 = automatic (see shardCount). */
  scanWorkers: number;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const num = (key: string, def: number, min: number) => {
    const v = c.get<number>(key, def);
    return typeof v === 'number' && Number.isFinite(v) && v >= min ? v : def;
  };
  const overrides: Record<string, RuleOverride> = {};
  const raw = c.get<Record<string, unknown>>('rules.overrides', {}) ?? {};
  for (const [id, v] of Object.entries(raw)) {
    if (typeof v !== 'string') continue;
    const value = (['off', 'on'].includes(v.toLowerCase()) ? v.toLowerCase() : v.toUpperCase()) as RuleOverride;
    if (['off', 'on', 'CRITICAL', 'HIGH', 'MEDIUM', 'LOW'].includes(value)) overrides[id] = value;
  }
  return {
    onType: c.get<boolean>('analysis.onType', true) !== false,
    debounceMs: num('analysis.debounceMs', 300, 0),
    maxFileSize: num('analysis.maxFileSizeKb', 2048, 1) * 1024,
    severity: severityMap(c.get('diagnostics.severity')),
    quickFixTimeoutMs: num('quickFix.timeoutMs', 10000, 1),
    overrides,
    scanExclude: (c.get<string[]>('scan.exclude', []) ?? []).filter((x) => typeof x === 'string'),
    scanWorkers: Math.floor(num('scan.workers', 0, 0)),
  };
}

/** The `files.exclude` globs that are switched on, for a folder. */
export function filesExclude(scope?: vscode.ConfigurationScope): string[] {
  const ex = vscode.workspace.getConfiguration('files', scope).get<Record<string, unknown>>('exclude', {}) ?? {};
  return Object.entries(ex)
    .filter(([, v]) => v === true)
    .map(([k]) => k);
}
