// "Production Audit: Scan Workspace": every folder with its own settings, progress with files
// done/total, cancellable (the worker stops at once; what was found so far stays).
import * as vscode from 'vscode';
import type { AnalysisError, Finding, SkippedFile } from '../core/model';
import type { AnalysisService } from './analysisService';
import { readSettings } from './settings';
import { shardCount } from './util/shards';
import { CancelledError, type WorkerClient } from './workerClient';

export interface ScanSummary {
  filesScanned: number;
  findings: number;
  errors: AnalysisError[];
  skipped: SkippedFile[];
  cancelled: boolean;
  folders: number;
  /** Per folder, what the scan found (findings.json is written from these). */
  results: FolderScanResult[];
  /** Worker threads the scan used per folder (`productionAudit.scan.workers`). */
  workers: number;
}

export interface FolderScanResult {
  folder: vscode.WorkspaceFolder;
  findings: Finding[];
  filesScanned: number;
  errors: AnalysisError[];
  skipped: SkippedFile[];
  rulesRun: string[];
  /** False when the scan of this folder was cancelled or a worker failed. */
  completed: boolean;
}

export async function scanWorkspace(worker: WorkerClient, analysis: AnalysisService, token?: vscode.CancellationToken): Promise<ScanSummary> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  const summary: ScanSummary = { filesScanned: 0, findings: 0, errors: [], skipped: [], cancelled: false, folders: folders.length, results: [], workers: 0 };
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
        const result: FolderScanResult = { folder, findings: [], filesScanned: 0, errors: [], skipped: [], rulesRun: analysis.rulesRun.get(folder.uri.toString()) ?? [], completed: true };
        summary.results.push(result);
        // split the folder over worker threads (see shardCount); the first is the long-lived
        // analysis worker, the others live for this scan only
        const count = shardCount(readSettings(folder.uri).scanWorkers);
        summary.workers = Math.max(summary.workers, count);
        const extra = Array.from({ length: count - 1 }, () => worker.sibling());
        const clients = [worker, ...extra];
        const totals = new Array<number>(count).fill(0);
        const done = new Array<number>(count).fill(0);
        const report = () => {
          const total = totals.reduce((a, b) => a + b, 0);
          const d = done.reduce((a, b) => a + b, 0);
          progress.report({ message: `${folder.name}: ${d}/${total} files`, increment: total ? ((d - reported) / total / folders.length) * 100 : 0 });
          reported = d;
        };
        let reported = 0;
        const runs = clients.map((client, index) =>
          client.scan(
            folder.uri.toString(),
            (t) => {
              totals[index] = t;
              report();
            },
            (p) => {
              for (const f of p.files) {
                analysis.publishScanned(vscode.Uri.joinPath(folder.uri, f.file), f.findings);
                summary.findings += f.findings.length;
                result.findings.push(...f.findings);
              }
              summary.errors.push(...p.errors);
              summary.skipped.push(...p.skipped);
              summary.filesScanned += p.files.length;
              result.errors.push(...p.errors);
              result.skipped.push(...p.skipped);
              result.filesScanned += p.files.length;
              done[index] = p.done;
              report();
            },
            count > 1 ? { index, count } : undefined,
          ),
        );
        const cancel = () => {
          summary.cancelled = true;
          result.completed = false;
          for (const r of runs) r.cancel();
        };
        const subs = [progressToken.onCancellationRequested(cancel), ...(token ? [token.onCancellationRequested(cancel)] : [])];
        if (progressToken.isCancellationRequested || token?.isCancellationRequested) cancel();
        try {
          const results = await Promise.allSettled(runs.map((r) => r.done));
          for (const r of results) {
            if (r.status === 'rejected') result.completed = false;
            if (r.status === 'rejected' && !(r.reason instanceof CancelledError)) summary.errors.push({ file: folder.name, message: (r.reason as Error).message });
          }
        } finally {
          for (const s of subs) s.dispose();
          for (const c of extra) c.dispose();
        }
      }
    },
  );
  const what = `${summary.findings} finding${summary.findings === 1 ? '' : 's'} in ${summary.filesScanned} file${summary.filesScanned === 1 ? '' : 's'}`;
  const extra = [summary.skipped.length ? `${summary.skipped.length} skipped` : '', summary.errors.length ? `${summary.errors.length} errors` : ''].filter(Boolean).join(', ');
  void vscode.window.setStatusBarMessage(`Production Audit: ${summary.cancelled ? 'scan cancelled — ' : ''}${what}${extra ? ` (${extra})` : ''}`, 10000);
  return summary;
}
