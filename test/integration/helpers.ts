// Helpers for integration tests in the real extension host. Everything waits on events
// (diagnostics changes, findings changes), never on fixed sleeps; each wait has a deadline.
import * as vscode from 'vscode';
import type { ProductionAuditApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'production-audit.production-audit';

export async function activateExtension(): Promise<ProductionAuditApi> {
  const ext = vscode.extensions.getExtension<ProductionAuditApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} not found`);
  return ext.activate();
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Production Audit');
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Resolves when `check` returns a value (checked now and on every diagnostics change), or rejects after `ms`. */
export function waitForDiagnostics<T>(check: () => T | undefined | false, what: string, ms = 30000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const first = check();
    if (first) {
      resolve(first);
      return;
    }
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    const sub = vscode.languages.onDidChangeDiagnostics(() => {
      const v = check();
      if (v) {
        clearTimeout(timer);
        sub.dispose();
        resolve(v);
      }
    });
  });
}

export function folderUri(index = 0): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[index];
  if (!f) throw new Error('no workspace folder open');
  return f.uri;
}

export async function openDoc(rel: string, folder = 0): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folderUri(folder), rel));
  await vscode.window.showTextDocument(doc);
  return doc;
}

export async function diagnosticsOf(doc: vscode.TextDocument, ruleId: string, count = 1): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(() => {
    const d = ours(doc.uri).filter((x) => codeOf(x) === ruleId);
    return d.length === count ? d : undefined;
  }, `${count} ${ruleId} diagnostic(s) on ${vscode.workspace.asRelativePath(doc.uri)}`);
}

export async function noDiagnostics(doc: vscode.TextDocument, ruleId: string): Promise<void> {
  await waitForDiagnostics(() => ours(doc.uri).every((x) => codeOf(x) !== ruleId), `no ${ruleId} diagnostic on ${vscode.workspace.asRelativePath(doc.uri)}`);
}

/** Replaces the whole text of a document (as a user would by typing) and returns it saved-or-not. */
export async function replaceText(doc: vscode.TextDocument, text: string): Promise<void> {
  const we = new vscode.WorkspaceEdit();
  we.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  if (!(await vscode.workspace.applyEdit(we))) throw new Error('edit was not applied');
}

/** Reverts an editor to its text on disk and closes it. */
export async function revertAndClose(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
