// Keeps diagnostics in step with the code: open editors are analysed from their unsaved text on
// open and on change (debounced), workspace folders are configured from config.yaml + settings,
// and a scan's results are kept for files that are not open.
import * as vscode from 'vscode';
import { CONFIG_DIR, CONFIG_FILE } from '../core/audit/names';
import { hasSourceExtension } from '../core/engine/extensions';
import type { Finding } from '../core/model';
import { toDiagnostic } from './diagnostics';
import { filesExclude, readSettings } from './settings';
import { KeyedDebouncer } from './util/debouncer';
import type { WorkerClient } from './workerClient';

export const SOURCE = 'Production Audit';
const LANGUAGES = new Set(['typescript', 'typescriptreact', 'javascript', 'javascriptreact']);

export interface StoredFinding {
  finding: Finding;
  uri: vscode.Uri;
}

/** Where a document lives: its workspace folder key and folder-relative path. */
export function locate(uri: vscode.Uri): { folder: string; folderUri?: vscode.Uri; root?: string; file: string } {
  const wf = vscode.workspace.getWorkspaceFolder(uri);
  if (wf) {
    const rel = uri.path.slice(wf.uri.path.replace(/\/$/, '').length + 1);
    return { folder: wf.uri.toString(), folderUri: wf.uri, root: wf.uri.scheme === 'file' ? wf.uri.fsPath : undefined, file: rel };
  }
  return { folder: '', file: uri.path.split('/').pop() ?? 'untitled.ts' };
}

export class AnalysisService implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('production-audit');
  private readonly configDiagnostics = vscode.languages.createDiagnosticCollection('production-audit-config');
  private readonly debouncer = new KeyedDebouncer<string>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Findings per file URI, as last published (from an editor or a scan). */
  readonly findings = new Map<string, StoredFinding[]>();
  /** URIs whose diagnostics came from a workspace scan (kept when their editor closes). */
  private readonly scanned = new Set<string>();
  private readonly configured = new Map<string, Promise<void>>();
  /** The rules the worker runs per folder key, as last configured (findings.json records them). */
  readonly rulesRun = new Map<string, string[]>();
  private readonly changed = new vscode.EventEmitter<void>();
  private configWatchers: vscode.FileSystemWatcher[] = [];
  /** Fires whenever the set of findings changes. */
  readonly onDidChangeFindings = this.changed.event;

  constructor(private readonly worker: WorkerClient) {
    this.disposables.push(
      this.diagnostics,
      this.configDiagnostics,
      this.changed,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        const s = readSettings(e.document.uri);
        if (s.onType) this.schedule(e.document, s.debounceMs);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (!readSettings(d.uri).onType) this.schedule(d, 0);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.onClose(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('productionAudit') || e.affectsConfiguration('files.exclude')) void this.reconfigureAll();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reconfigureAll()),
    );
    const onConfigFile = (uri: vscode.Uri) => {
      const wf = vscode.workspace.getWorkspaceFolder(uri);
      if (wf) void this.configure(wf, true).then(() => this.reanalyseOpen(wf.uri.toString()));
    };
    // edits made outside VS Code (git checkout, another editor): one watcher per folder, on config.yaml,
    // audit.yaml (its system type raises severities) and their folder (deleting it reports only the folder)
    const watchFolders = () => {
      for (const w of this.configWatchers) w.dispose();
      this.configWatchers = (vscode.workspace.workspaceFolders ?? []).map((f) => {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(f, `${CONFIG_DIR}{,/${CONFIG_FILE},/audit.yaml}`));
        watcher.onDidChange(onConfigFile);
        watcher.onDidCreate(onConfigFile);
        watcher.onDidDelete(onConfigFile);
        return watcher;
      });
    };
    watchFolders();
    const isConfig = (uri: vscode.Uri) => uri.path.endsWith(`/${CONFIG_DIR}/${CONFIG_FILE}`) || uri.path.endsWith(`/${CONFIG_DIR}/audit.yaml`);
    this.disposables.push(
      { dispose: () => this.configWatchers.forEach((w) => w.dispose()) },
      vscode.workspace.onDidChangeWorkspaceFolders(watchFolders),
      // edits made in VS Code itself
      vscode.workspace.onDidSaveTextDocument((d) => isConfig(d.uri) && onConfigFile(d.uri)),
      vscode.workspace.onDidCreateFiles((e) => e.files.filter(isConfig).forEach(onConfigFile)),
      vscode.workspace.onDidDeleteFiles((e) => e.files.filter(isConfig).forEach(onConfigFile)),
    );
  }

  start(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private isAnalysable(d: vscode.TextDocument): boolean {
    if (!LANGUAGES.has(d.languageId)) return false;
    if (d.uri.scheme === 'git' || d.uri.scheme === 'output' || d.uri.scheme === 'vscode-scm') return false;
    return d.uri.scheme === 'untitled' || hasSourceExtension(d.uri.path) || d.uri.scheme !== 'file';
  }

  private schedule(d: vscode.TextDocument, ms: number): void {
    if (!this.isAnalysable(d)) return;
    this.debouncer.run(d.uri.toString(), ms, () => void this.analyse(d));
  }

  /** Configures a folder's worker state from config.yaml and the settings (once, or again when forced). */
  configure(wf: vscode.WorkspaceFolder | undefined, force = false): Promise<void> {
    const key = wf?.uri.toString() ?? '';
    const existing = this.configured.get(key);
    if (existing && !force) return existing;
    const s = readSettings(wf?.uri);
    const p = this.worker
      .configure({
        folder: key,
        root: wf && wf.uri.scheme === 'file' ? wf.uri.fsPath : undefined,
        overrides: s.overrides,
        maxFileSize: s.maxFileSize,
        exclude: [...s.scanExclude, ...filesExclude(wf?.uri)],
      })
      .then((r) => {
        this.rulesRun.set(key, r.rulesRun);
        if (!wf) return;
        const cfgUri = vscode.Uri.joinPath(wf.uri, CONFIG_DIR, CONFIG_FILE);
        this.configDiagnostics.set(
          cfgUri,
          r.problems.map((p) => {
            const pos = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.column - 1));
            const d = new vscode.Diagnostic(new vscode.Range(pos, pos.translate(0, 1)), `${p.message} — no rule runs in this folder until the file is fixed.`, vscode.DiagnosticSeverity.Error);
            d.source = SOURCE;
            return d;
          }),
        );
      });
    this.configured.set(key, p);
    return p;
  }

  private async reconfigureAll(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    await Promise.all([this.configure(undefined, true), ...folders.map((f) => this.configure(f, true))]);
    this.reanalyseOpen();
  }

  private reanalyseOpen(folder?: string): void {
    for (const d of vscode.workspace.textDocuments) {
      if (folder === undefined || locate(d.uri).folder === folder) this.schedule(d, 0);
    }
  }

  private async analyse(d: vscode.TextDocument): Promise<void> {
    if (d.isClosed) return;
    const where = locate(d.uri);
    const version = d.version;
    try {
      await this.configure(vscode.workspace.getWorkspaceFolder(d.uri));
      const r = await this.worker.analyze(where.folder, where.file, d.getText());
      if (d.isClosed || d.version !== version) return; // a newer edit will bring its own result
      this.publish(d.uri, r.findings);
    } catch {
      // the worker restarted (e.g. a cancelled scan): try again once it is back
      if (!d.isClosed && d.version === version) this.schedule(d, 50);
    }
  }

  /** Shows findings on a file, replacing what it had. */
  publish(uri: vscode.Uri, findings: Finding[]): void {
    const s = readSettings(uri);
    const key = uri.toString();
    this.findings.set(
      key,
      findings.map((f) => ({ finding: f, uri })),
    );
    this.diagnostics.set(
      uri,
      findings.filter((f) => !f.suppression).map((f) => toDiagnostic(f, uri, s.severity)),
    );
    this.changed.fire();
  }

  /** Results of a workspace scan for one file (skipped when the file is open: its editor text wins). */
  publishScanned(uri: vscode.Uri, findings: Finding[]): void {
    this.scanned.add(uri.toString());
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.isDirty)) return;
    this.publish(uri, findings);
  }

  private onClose(d: vscode.TextDocument): void {
    const key = d.uri.toString();
    this.debouncer.clear(key);
    if (this.scanned.has(key)) return;
    this.findings.delete(key);
    this.diagnostics.delete(d.uri);
    this.changed.fire();
  }

  clear(): void {
    this.findings.clear();
    this.scanned.clear();
    this.diagnostics.clear();
    this.changed.fire();
  }

  /** The finding a diagnostic stands for. */
  findingFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Finding | undefined {
    const list = this.findings.get(uri.toString()) ?? [];
    const code = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
    return list.find((s) => s.finding.ruleId === code && s.finding.line === diagnostic.range.start.line + 1 && s.finding.column === diagnostic.range.start.character + 1)?.finding;
  }

  dispose(): void {
    this.debouncer.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
