// Small VS Code helpers shared by the audit views.
import * as vscode from 'vscode';
import type { Severity } from '../../core/model';
import type { FindingRow } from './findingRows';

const SEVERITY_ICONS: Readonly<Record<Severity, vscode.ThemeIcon>> = {
  CRITICAL: new vscode.ThemeIcon('flame', new vscode.ThemeColor('list.errorForeground')),
  HIGH: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  MEDIUM: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  LOW: new vscode.ThemeIcon('info'),
};

export function severityIcon(severity: Severity): vscode.ThemeIcon {
  return SEVERITY_ICONS[severity];
}

/** The document a row points at, if it has a location. */
export function rowUri(folder: vscode.WorkspaceFolder, row: FindingRow): vscode.Uri | undefined {
  if (row.uri) return vscode.Uri.parse(row.uri);
  return row.file ? vscode.Uri.joinPath(folder.uri, row.file) : undefined;
}

/** The editor range of a row (1-based columns → 0-based positions). */
export function rowRange(row: FindingRow): vscode.Range | undefined {
  const r = row.range;
  if (!r) return undefined;
  return new vscode.Range(Math.max(0, r.line - 1), Math.max(0, r.column - 1), Math.max(0, r.endLine - 1), Math.max(0, r.endColumn - 1));
}

/** Click on a finding: open its file with the range selected. */
export function revealCommand(folder: vscode.WorkspaceFolder, row: FindingRow): vscode.Command | undefined {
  const uri = rowUri(folder, row);
  if (!uri) return undefined;
  const range = rowRange(row);
  return { command: 'vscode.open', title: 'Show', arguments: [uri, range ? { selection: range } : {}] };
}
