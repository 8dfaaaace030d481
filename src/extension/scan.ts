// "Production Audit: Scan Workspace": every folder with its own settings, progress with files
// done/total, cancellable (the worker stops at once; what was found so far stays).
import * as vscode from 'vscode';
import type { AnalysisError, SkippedFile } from '../core/model';
import type { AnalysisService } from './analysisService';
import { CancelledError, type WorkerClient } from './workerClient';

export interface ScanSummary {
  filesScanned: number;
  findings: number;
  errors: AnalysisError[];
  skipped: SkippedFile[];
  cancelled: boolean;
  folders: number;
}

export async function scanWorkspace(worker: WorkerClient, analysis: AnalysisService, token?: vscode.CancellationToken): Promise<ScanSummary> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  const summary: ScanSummary = { filesScanned: 0, findings: 0, errors: [], skipped: [], cancelled: false, folders: folders.length };
  if (!folders.length) {
    void vscode.window.showInformationMessage('Production Audit: open a folder on disk to scan it; open editors are analysed as you type.');
    return summary;
  }
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Production Audit', cancellable: true },
    async (progress, progressToken) => {
      for (const folder of folders) {
        if (summary.cancelled) break;
        await analysis.configure(folder, true);
        let total = 0;
        let last = 0;
        const run = worker.scan(
          folder.uri.toString(),
          (t) => {
            total = t;
            progress.report({ message: `${folder.name}: 0/${t} files` });
          },
          (p) => {
            for (const f of p.files) {
              analysis.publishScanned(vscode.Uri.joinPath(folder.uri, f.file), f.findings);
              summary.findings += f.findings.length;
            }
            summary.errors.push(...p.errors);
            summary.skipped.push(...p.skipped);
            summary.filesScanned += p.files.length;
            progress.report({ message: `${folder.name}: ${p.done}/${total} files`, increment: total ? ((p.done - last) / total / folders.length) * 100 : 0 });
            last = p.done;
          },
        );
        const cancel = () => {
          summary.cancelled = true;
          run.cancel();
        };
        const subs = [progressToken.onCancellationRequested(cancel), ...(token ? [token.onCancellationRequested(cancel)] : [])];
        if (progressToken.isCancellationRequested || token?.isCancellationRequested) cancel();
        try {
          await run.done;
        } catch (err) {
          if (!(err instanceof CancelledError)) summary.errors.push({ file: folder.name, message: (err as Error).message });
        } finally {
          for (const s of subs) s.dispose();
        }
      }
    },
  );
  const what = `${summary.findings} finding${summary.findings === 1 ? '' : 's'} in ${summary.filesScanned} file${summary.filesScanned === 1 ? '' : 's'}`;
  const extra = [summary.skipped.length ? `${summary.skipped.length} skipped` : '', summary.errors.length ? `${summary.errors.length} errors` : ''].filter(Boolean).join(', ');
  void vscode.window.setStatusBarMessage(`Production Audit: ${summary.cancelled ? 'scan cancelled — ' : ''}${what}${extra ? ` (${extra})` : ''}`, 10000);
  return summary;
}
