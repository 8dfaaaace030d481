// Finding → vscode.Diagnostic: source, code with a link to the rule's page, category, related locations.
import * as vscode from 'vscode';
import type { Finding, Severity } from '../core/model';
import { getCategoryTitle } from './categoryTitles';
import { diagnosticSeverityIndex, type EditorSeverity } from './util/severityMapping';

const SEVERITIES = [vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Warning, vscode.DiagnosticSeverity.Information, vscode.DiagnosticSeverity.Hint];

let docsRoot: vscode.Uri | undefined;

/** Set once at activation: the folder holding the shipped docs/rules/*.md pages. */
export function setDocsRoot(extensionUri: vscode.Uri): void {
  docsRoot = vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
}

export function ruleDocsUri(ruleId: string): vscode.Uri {
  if (!docsRoot) throw new Error('docs root not set');
  return vscode.Uri.joinPath(docsRoot, `${ruleId}.md`);
}

export function toRange(f: { line: number; column: number; endLine: number; endColumn: number }): vscode.Range {
  return new vscode.Range(f.line - 1, f.column - 1, f.endLine - 1, f.endColumn - 1);
}

export function toDiagnostic(f: Finding, uri: vscode.Uri, map: Record<Severity, EditorSeverity>): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f), `${f.message} [${getCategoryTitle(f.category)} · ${f.severity}]`, SEVERITIES[diagnosticSeverityIndex(f.severity, map)]);
  d.source = 'Production Audit';
  d.code = { value: f.ruleId, target: ruleDocsUri(f.ruleId) };
  if (f.related.length) {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    d.relatedInformation = f.related.map((r) => {
      const target = r.file === f.file || !folder ? uri : vscode.Uri.joinPath(folder.uri, r.file);
      return new vscode.DiagnosticRelatedInformation(new vscode.Location(target, toRange(r)), r.message);
    });
  }
  return d;
}
