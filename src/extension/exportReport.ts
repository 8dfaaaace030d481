// "Production Audit: Export Report…": format → scope → save dialog → Open / Reveal. The worker
// renders from the saved scan (findings.json, written after every scan) and audit.yaml.
import * as vscode from 'vscode';
import type { WorkerClient } from './workerClient';

export type ExportFormat = 'markdown' | 'html' | 'sarif' | 'csv' | 'json';

const FORMATS: { format: ExportFormat; label: string; detail: string; ext: string }[] = [
  { format: 'markdown', label: 'Markdown audit report', detail: 'The audit template: findings with their fields, checklist results, scoring matrix and rating', ext: 'md' },
  { format: 'html', label: 'HTML audit report', detail: 'One self-contained page with the matrix, a severity chart and code snippets; prints well', ext: 'html' },
  { format: 'sarif', label: 'SARIF 2.1.0', detail: 'For GitHub code scanning and SARIF viewers', ext: 'sarif' },
  { format: 'csv', label: 'CSV', detail: 'One row per finding, for spreadsheets', ext: 'csv' },
  { format: 'json', label: 'JSON', detail: 'The scan, the audit record and the scores', ext: 'json' },
];

export interface ExportOptions {
  format?: ExportFormat;
  /** 'all' or a workspace folder's name. */
  scope?: string;
  /** Skips the save dialog (tests, automation). */
  target?: vscode.Uri;
  /** Scan first when a folder has no saved scan, without asking. */
  scanIfMissing?: boolean;
}

export async function exportReport(worker: WorkerClient, scan: () => Promise<unknown>, options: ExportOptions = {}): Promise<vscode.Uri | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (!folders.length) {
    void vscode.window.showErrorMessage('Production Audit: open a folder on disk to export a report.');
    return undefined;
  }
  const format = options.format ?? (await vscode.window.showQuickPick(FORMATS.map((f) => ({ ...f, description: `.${f.ext}` })), { title: 'Export Report: format', placeHolder: 'Which format?' }))?.format;
  if (!format) return undefined;
  let chosen = folders;
  if (folders.length > 1) {
    const scope =
      options.scope ??
      (
        await vscode.window.showQuickPick([{ label: 'All folders', id: 'all' }, ...folders.map((f) => ({ label: f.name, id: f.name, description: f.uri.fsPath }))], {
          title: 'Export Report: scope',
        })
      )?.id;
    if (!scope) return undefined;
    chosen = scope === 'all' ? folders : folders.filter((f) => f.name === scope);
    if (!chosen.length) {
      void vscode.window.showErrorMessage(`Production Audit: no workspace folder named "${scope}".`);
      return undefined;
    }
  }
  const date = new Date().toISOString().slice(0, 10);
  const ext = FORMATS.find((f) => f.format === format)!.ext;
  const request = () => worker.report({ folders: chosen.map((f) => ({ root: f.uri.fsPath, name: f.name })), format, date });
  let result = await request();
  if (result.missing?.length) {
    const go =
      options.scanIfMissing ||
      (await vscode.window.showInformationMessage(`Production Audit: ${result.missing.join(', ')} ${result.missing.length > 1 ? 'have' : 'has'} not been scanned yet. Scan now and export?`, { modal: true }, 'Scan and Export')) === 'Scan and Export';
    if (!go) return undefined;
    await scan();
    result = await request();
    if (result.text === undefined) {
      void vscode.window.showErrorMessage('Production Audit: the scan did not produce a saved result to export.');
      return undefined;
    }
  }
  const target =
    options.target ??
    (await vscode.window.showSaveDialog({
      title: 'Export Report',
      defaultUri: vscode.Uri.joinPath(chosen[0].uri, '.production-audit', 'reports', `audit-${date}.${ext}`),
      filters: { [FORMATS.find((f) => f.format === format)!.label]: [ext] },
    }));
  if (!target) return undefined;
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
  await vscode.workspace.fs.writeFile(target, Buffer.from(result.text ?? '', 'utf8'));
  if (!options.target) {
    const actions = ['Open', 'Reveal'];
    if (format === 'sarif' && vscode.extensions.getExtension(SARIF_VIEWER)) actions.push('Open in SARIF Viewer');
    void vscode.window.showInformationMessage(`Production Audit: report saved to ${vscode.workspace.asRelativePath(target)}`, ...actions).then((choice) => {
      if (choice === 'Open') void (format === 'html' ? vscode.env.openExternal(target) : vscode.window.showTextDocument(target));
      else if (choice === 'Reveal') void vscode.commands.executeCommand('revealFileInOS', target).then(undefined, () => vscode.commands.executeCommand('revealInExplorer', target));
      else if (choice === 'Open in SARIF Viewer') void openInSarifViewer(target);
    });
  }
  return target;
}

export const SARIF_VIEWER = 'MS-SarifVSCode.sarif-viewer';

/** Opens a SARIF log in Microsoft's SARIF Viewer (its API: `openLogs(uris)`). */
export async function openInSarifViewer(uri: vscode.Uri): Promise<void> {
  const ext = vscode.extensions.getExtension<{ openLogs(logs: vscode.Uri[]): Promise<void> }>(SARIF_VIEWER);
  if (!ext) {
    void vscode.window.showInformationMessage('Production Audit: install the SARIF Viewer extension (MS-SarifVSCode.sarif-viewer) to browse SARIF logs.');
    return;
  }
  const api = await ext.activate();
  await api.openLogs([uri]);
}
