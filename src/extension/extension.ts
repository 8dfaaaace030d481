// Activation only wires things together; the worker (and with it ts-morph) starts on first use.
import * as vscode from 'vscode';
import { suppressionEdit } from '../core/fixes/textEdits';
import { SEVERITIES } from '../core/model';
import { AnalysisService } from './analysisService';
import { registerAuditSidebar, type AuditApi } from './audit/sidebar';
import { ProductionAuditCodeActions } from './codeActions';
import { Commands } from './commands';
import { ruleDocsUri, setDocsRoot } from './diagnostics';
import { ProductionAuditHover } from './hover';
import { scanWorkspace, type ScanSummary } from './scan';
import { exportReport, openInSarifViewer, SARIF_VIEWER, type ExportOptions } from './exportReport';
import { KeyedDebouncer } from './util/debouncer';
import { WorkerClient } from './workerClient';

const SELECTOR: vscode.DocumentSelector = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'].map((language) => ({ language }));

/** What the extension returns from activate(), for other extensions and the integration tests. */
export interface ProductionAuditApi {
  scanWorkspace(token?: vscode.CancellationToken): Promise<ScanSummary>;
  readonly onDidChangeFindings: vscode.Event<void>;
  /** Milliseconds activate() took. */
  readonly activationMs: number;
  /** The audit sidebar's state (checklist, triage, score). */
  readonly audit: AuditApi;
}

export function activate(context: vscode.ExtensionContext): ProductionAuditApi {
  const t0 = performance.now();
  setDocsRoot(context.extensionUri);
  const worker = WorkerClient.forExtension(context.extensionPath);
  const analysis = new AnalysisService(worker);
  const status = vscode.window.createStatusBarItem('productionAudit.status', vscode.StatusBarAlignment.Left, 10);
  status.name = 'Production Audit';
  status.command = 'workbench.view.extension.productionAudit';
  const updateStatus = () => {
    const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<(typeof SEVERITIES)[number], number>;
    for (const list of analysis.findings.values()) for (const { finding } of list) if (!finding.suppression) counts[finding.severity]++;
    const total = SEVERITIES.reduce((n, s) => n + counts[s], 0);
    status.text = total ? `$(shield) ${SEVERITIES.filter((s) => counts[s]).map((s) => `${counts[s]} ${s}`).join(' · ')}` : '$(shield) no findings';
    status.tooltip = `Production Audit: ${total} open finding${total === 1 ? '' : 's'}\n${SEVERITIES.map((s) => `${s}: ${counts[s]}`).join('\n')}\nClick to open the Production Audit sidebar.`;
    status.show();
  };
  const statusDebounce = new KeyedDebouncer<string>();
  const sidebar = registerAuditSidebar(context, analysis, (root) => worker.probes(root));
  const runScan = async (token?: vscode.CancellationToken) => {
    const summary = await scanWorkspace(worker, analysis, token);
    await sidebar.scanFinished(summary);
    return summary;
  };

  context.subscriptions.push(
    { dispose: () => worker.dispose() },
    analysis,
    status,
    // a scan publishes file by file: recount at most every 100 ms, not once per file
    analysis.onDidChangeFindings(() => statusDebounce.run('status', 100, updateStatus)),
    { dispose: () => statusDebounce.dispose() },
    vscode.languages.registerCodeActionsProvider(SELECTOR, new ProductionAuditCodeActions(analysis, worker), { providedCodeActionKinds: ProductionAuditCodeActions.kinds }),
    vscode.languages.registerHoverProvider(SELECTOR, new ProductionAuditHover(analysis, worker)),
    vscode.commands.registerCommand(Commands.scanWorkspace, () => runScan()),
    vscode.commands.registerCommand(Commands.showRuleDocs, async (ruleId?: string) => {
      const id = ruleId ?? (await vscode.window.showQuickPick((await worker.rules()).map((r) => r.id), { placeHolder: 'Which rule?' }));
      if (id) await vscode.commands.executeCommand('markdown.showPreview', ruleDocsUri(id));
    }),
    vscode.commands.registerCommand(Commands.suppressFinding, async (uri: vscode.Uri, ruleId: string, line: number, reasonArg?: string) => {
      const reason =
        reasonArg ??
        (await vscode.window.showInputBox({
          title: `Suppress ${ruleId}`,
          prompt: 'Why is this safe here? The reason is kept in the code and shown in audit reports.',
          placeHolder: 'e.g. the load balancer enforces a 2 s deadline on this call',
          validateInput: (v) => (v.trim().length < 3 ? 'A suppression needs a reason (at least a few words).' : undefined),
        }));
      if (!reason) return false;
      const doc = await vscode.workspace.openTextDocument(uri);
      const e = suppressionEdit(doc.getText(), line, ruleId, reason);
      const we = new vscode.WorkspaceEdit();
      we.insert(uri, doc.positionAt(e.start), e.newText);
      const ok = await vscode.workspace.applyEdit(we);
      if (ok) void vscode.commands.executeCommand('setContext', 'productionAudit.fixedOrSuppressed', true);
      return ok;
    }),
    vscode.commands.registerCommand(Commands.showFindings, () => vscode.commands.executeCommand('workbench.actions.view.problems', { filter: 'Production Audit' }).then(undefined, () => vscode.commands.executeCommand('workbench.actions.view.problems'))),
    vscode.commands.registerCommand(Commands.openConfig, async () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) return;
      const uri = vscode.Uri.joinPath(folder.uri, '.production-audit', 'config.yaml');
      try {
        await vscode.workspace.fs.stat(uri);
      } catch {
        await vscode.workspace.fs.writeFile(uri, Buffer.from('# Production Audit configuration — see the README for every key.\nversion: 1\n# failOn: high\n# exclude:\n#   - "legacy/**"\n# rules:\n#   n-plus-one: MEDIUM\n'));
      }
      await vscode.window.showTextDocument(uri);
    }),
    vscode.commands.registerCommand(Commands.clearDiagnostics, () => analysis.clear()),
    vscode.commands.registerCommand(Commands.exportReport, (options?: ExportOptions) => exportReport(worker, () => runScan(), options)),
    vscode.commands.registerCommand(Commands.openInSarifViewer, async (uri?: vscode.Uri) => {
      const target = uri ?? (await vscode.window.showOpenDialog({ filters: { SARIF: ['sarif', 'json'] }, canSelectMany: false }))?.[0];
      if (target) await openInSarifViewer(target);
    }),
  );
  const sarifViewer = () => void vscode.commands.executeCommand('setContext', 'productionAudit.sarifViewerInstalled', !!vscode.extensions.getExtension(SARIF_VIEWER));
  sarifViewer();
  context.subscriptions.push(vscode.extensions.onDidChange(sarifViewer));
  updateStatus();
  analysis.start();
  const activationMs = performance.now() - t0;
  return { scanWorkspace: (token) => runScan(token), onDidChangeFindings: analysis.onDidChangeFindings, activationMs, audit: sidebar.api };
}

export function deactivate(): void {
  // disposables in context.subscriptions stop the worker
}
