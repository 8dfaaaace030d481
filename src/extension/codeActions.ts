// Quick fixes: suppress with a reason, show the rule's documentation, and per-rule fixes whose
// edits the worker computes on text (src/core/fixes, unit-tested without VS Code).
import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import { Commands } from './commands';
import { readSettings } from './settings';
import type { WorkerClient } from './workerClient';

const FIXABLE = new Set(['missing-timeout', 'swallowed-exception']);

export class ProductionAuditCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly analysis: AnalysisService,
    private readonly worker: WorkerClient,
  ) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== 'Production Audit') continue;
      const finding = this.analysis.findingFor(document.uri, diagnostic);
      if (!finding) continue;
      if (FIXABLE.has(finding.ruleId)) {
        const version = document.version;
        const r = await this.worker.fix({ ruleId: finding.ruleId, file: document.uri.path, text: document.getText(), line: finding.line, column: finding.column, timeoutMs: readSettings(document.uri).quickFixTimeoutMs }).catch(() => undefined);
        if (r?.edits && r.title && document.version === version) {
          const fix = new vscode.CodeAction(r.title, vscode.CodeActionKind.QuickFix);
          const we = new vscode.WorkspaceEdit();
          for (const e of r.edits) we.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
          fix.edit = we;
          fix.diagnostics = [diagnostic];
          fix.isPreferred = true;
          // completes the walkthrough's "fix or suppress a finding" step
          fix.command = { command: 'setContext', title: '', arguments: ['productionAudit.fixedOrSuppressed', true] };
          actions.push(fix);
        }
      }
      const suppress = new vscode.CodeAction(`Suppress ${finding.ruleId} here with a reason…`, vscode.CodeActionKind.QuickFix);
      suppress.diagnostics = [diagnostic];
      suppress.command = { command: Commands.suppressFinding, title: suppress.title, arguments: [document.uri, finding.ruleId, finding.line] };
      actions.push(suppress);
      const docs = new vscode.CodeAction(`Show documentation for ${finding.ruleId}`, vscode.CodeActionKind.QuickFix);
      docs.diagnostics = [diagnostic];
      docs.command = { command: Commands.showRuleDocs, title: docs.title, arguments: [finding.ruleId] };
      actions.push(docs);
    }
    return actions;
  }
}
