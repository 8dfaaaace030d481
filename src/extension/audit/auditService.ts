// The host side of the workspace audit files. One AuditStore per workspace folder on disk
// (`<folder>/.production-audit/audit.yaml`), created and loaded on first use — the store pulls in
// the YAML parser and the schema validator, so activate() never loads it. A file watcher picks up
// changes made on disk (git checkout, a hand edit, another window).
//
// A file that does not parse or validate is never written over (the store refuses, and we do
// not try to work around it): the error names the file, line and problem and offers "Open File";
// the views stay on the last good record, read-only; the next valid version of the file (seen by
// the watcher) lifts that.
//
// After a completed workspace scan, the folder's `.production-audit/findings.json` is written.
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { AuditRecord } from '../../core/audit/auditRecord';
import type { AuditMutator, AuditStore, AuditStoreError } from '../../core/audit/auditStore';
import type { FailOn } from '../../core/audit/config';
import { AUDIT_FILE, CONFIG_DIR, CONFIG_FILE } from '../../core/audit/names';
import { ALL_ITEMS } from '../../core/categories';
import { checklistStates, scoreAudit, type AuditScore } from '../../core/scoring';
import { suggestSystemType, type SystemTypeId, type SystemTypeSuggestion } from '../../core/systemTypes';
import type { AnalysisService } from '../analysisService';
import type { ScanSummary } from '../scan';
import { chooseSystemType, type SystemTypeSource } from './checklistModel';
import { buildRows, localDate, toScoringFinding, type FindingRow, type ResolvedRow, type ScannerFinding } from './findingRows';
import type { ProbeOutcome } from '../../core/probes';

const ACTIVE_FOLDER_KEY = 'productionAudit.auditFolder';
const ITEM_IDS = ALL_ITEMS.map((i) => i.id);

export interface LastScan {
  readonly at: Date;
  readonly filesScanned: number;
}

/** The audit state of one workspace folder. */
export class FolderAudit {
  /** The last good record (empty while there is no file). */
  record: AuditRecord = { version: 1, checklist: {}, findings: [], triage: {} };
  /** The text the record came from ('' when there is no file). */
  text = '';
  exists = false;
  /** Set while the file on disk cannot be used: the views are read-only on `record`. */
  problem: AuditStoreError | undefined;
  configSystemType: string | undefined;
  failOn: FailOn = 'high';
  suggestion: SystemTypeSuggestion | undefined;
  /** Bumped whenever `record` changes (cache key of the rows). */
  version = 0;

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    readonly store: AuditStore,
  ) {}

  get key(): string {
    return this.folder.uri.toString();
  }

  get fileUri(): vscode.Uri {
    return vscode.Uri.joinPath(this.folder.uri, CONFIG_DIR, AUDIT_FILE);
  }
}

export class AuditService implements vscode.Disposable {
  private readonly states = new Map<string, Promise<FolderAudit>>();
  private readonly loaded = new Map<string, FolderAudit>();
  private readonly lastScans = new Map<string, LastScan>();
  /** Workspace evidence (probes) per folder: computed in the worker on first need, again after each scan. */
  private readonly probeOutcomes = new Map<string, ProbeOutcome[]>();
  private readonly probesRunning = new Set<string>();
  private probeRunner: ((root: string) => Promise<ProbeOutcome[]>) | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly errorEmitter = new vscode.EventEmitter<string>();
  private readonly disposables: vscode.Disposable[] = [this.emitter, this.errorEmitter];
  private watching = false;
  private findingsVersion = 0;
  private rowsCache: { key: string; value: { rows: FindingRow[]; resolved: ResolvedRow[] } } | undefined;
  /** Problems already announced on load (so a watcher firing again does not repeat the message). */
  private readonly announced = new Map<string, string>();
  /** The last error message shown (for tests and the API). */
  lastError: string | undefined;
  /** Fires after the audit record, the active folder, a scan or the system type suggestion changed. */
  readonly onDidChange = this.emitter.event;
  /** Fires with the text of every error message the sidebar shows. */
  readonly onDidShowError = this.errorEmitter.event;

  constructor(
    private readonly analysis: AnalysisService,
    private readonly memento: vscode.Memento,
    private readonly toolVersion: string,
  ) {
    this.disposables.push(
      analysis.onDidChangeFindings(() => this.findingsVersion++),
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) {
          this.states.delete(f.uri.toString());
          this.loaded.delete(f.uri.toString());
        }
        this.emitter.fire();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.emitter.fire()),
    );
  }

  // ------------------------------------------------------------ folders

  /** Workspace folders that can hold audit files (on disk). */
  folders(): vscode.WorkspaceFolder[] {
    return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  }

  /** The folder the sidebar shows: the one chosen last (multi-root), else the first on disk. */
  activeFolder(): vscode.WorkspaceFolder | undefined {
    const folders = this.folders();
    const chosen = this.memento.get<string>(ACTIVE_FOLDER_KEY);
    return folders.find((f) => f.uri.toString() === chosen) ?? folders[0];
  }

  async setActiveFolder(folder: vscode.WorkspaceFolder): Promise<void> {
    await this.memento.update(ACTIVE_FOLDER_KEY, folder.uri.toString());
    await this.ensure(folder);
    this.emitter.fire();
  }

  /** The folder's state if it is loaded already (views use it synchronously). */
  get(folder = this.activeFolder()): FolderAudit | undefined {
    return folder ? this.loaded.get(folder.uri.toString()) : undefined;
  }

  /** The folder's state, creating the store and loading audit.yaml on first use. */
  ensure(folder = this.activeFolder()): Promise<FolderAudit | undefined> {
    if (!folder || folder.uri.scheme !== 'file') return Promise.resolve(undefined);
    const key = folder.uri.toString();
    let p = this.states.get(key);
    if (!p) {
      p = this.create(folder);
      this.states.set(key, p);
      p.catch(() => this.states.delete(key));
    }
    return p;
  }

  private async create(folder: vscode.WorkspaceFolder): Promise<FolderAudit> {
    const { AuditStore } = await import('../../core/audit/auditStore');
    this.startWatching();
    const state = new FolderAudit(folder, AuditStore.forWorkspace(folder.uri.fsPath, { user: userName() }));
    await this.readConfig(state);
    await this.load(state);
    this.loaded.set(state.key, state);
    void this.suggest(state);
    this.emitter.fire();
    return state;
  }

  /** Reads audit.yaml again; with `fresh`, through a new store (as a new window would), forgetting what this one loaded. */
  async reload(folder = this.activeFolder(), fresh = false): Promise<void> {
    const state = await this.ensure(folder);
    if (!state) return;
    if (fresh) {
      const { AuditStore } = await import('../../core/audit/auditStore');
      const next = new FolderAudit(state.folder, AuditStore.forWorkspace(state.folder.uri.fsPath, { user: userName() }));
      next.configSystemType = state.configSystemType;
      next.failOn = state.failOn;
      next.suggestion = state.suggestion;
      next.version = state.version + 1;
      await this.load(next);
      this.loaded.set(next.key, next);
      this.states.set(next.key, Promise.resolve(next));
    } else {
      await this.load(state);
    }
    this.emitter.fire();
  }

  private async load(state: FolderAudit): Promise<void> {
    const r = await state.store.load();
    if (r.ok) {
      const wasBroken = state.problem?.kind === 'invalid';
      if (r.text !== state.text || r.exists !== state.exists) {
        state.record = r.record;
        state.text = r.text;
        state.exists = r.exists;
        state.version++;
      }
      state.problem = undefined;
      this.announced.delete(state.key);
      if (wasBroken) void vscode.window.showInformationMessage(`Production Audit: ${this.relative(state.fileUri)} is valid again; the sidebar saves changes again.`);
    } else {
      state.problem = r.error;
      const text = this.problemText(r.error);
      if (this.announced.get(state.key) !== text) {
        this.announced.set(state.key, text);
        this.showProblem(state, r.error, 'The sidebar shows the last valid state and saves nothing until the file is fixed.');
      }
    }
  }

  private startWatching(): void {
    if (this.watching) return;
    this.watching = true;
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_DIR}/*.yaml`);
    const onFile = (uri: vscode.Uri) => {
      const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      const state = folder && this.loaded.get(folder.uri.toString());
      if (!state) return;
      if (name === AUDIT_FILE && uri.fsPath === state.fileUri.fsPath) void this.load(state).then(() => this.emitter.fire());
      else if (name === CONFIG_FILE) void this.readConfig(state).then(() => this.emitter.fire());
    };
    this.disposables.push(watcher, watcher.onDidChange(onFile), watcher.onDidCreate(onFile), watcher.onDidDelete(onFile));
  }

  /** The system type and CI threshold of config.yaml (the analysis worker validates the rest). */
  private async readConfig(state: FolderAudit): Promise<void> {
    state.configSystemType = undefined;
    state.failOn = 'high';
    let text: string;
    try {
      text = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(state.folder.uri, CONFIG_DIR, CONFIG_FILE))).toString('utf8');
    } catch {
      return; // no config.yaml: defaults
    }
    try {
      const { parse } = await import('yaml');
      const value = parse(text) as { systemType?: unknown; failOn?: unknown } | null;
      if (typeof value?.systemType === 'string') state.configSystemType = value.systemType;
      if (typeof value?.failOn === 'string' && ['critical', 'high', 'medium', 'low', 'none'].includes(value.failOn)) state.failOn = value.failOn as FailOn;
    } catch {
      // an unreadable config.yaml is reported on the file by the analysis; here it just gives no hints
    }
  }

  /** Suggests a system type from the folder's package.json files (shown, never applied). */
  private async suggest(state: FolderAudit): Promise<void> {
    try {
      const files = await vscode.workspace.findFiles(new vscode.RelativePattern(state.folder, '**/package.json'), '**/node_modules/**', 50);
      const texts = await Promise.all(files.map(async (u) => Buffer.from(await vscode.workspace.fs.readFile(u)).toString('utf8')));
      state.suggestion = suggestSystemType(texts);
      if (state.suggestion) this.emitter.fire();
    } catch {
      // no suggestion
    }
  }

  // ------------------------------------------------------------ derived state

  systemType(state: FolderAudit): { id: SystemTypeId; source: SystemTypeSource } {
    return chooseSystemType(state.record.systemType, state.configSystemType);
  }

  /** How probes run (the analysis worker); set once at activation. */
  setProbeRunner(run: (root: string) => Promise<ProbeOutcome[]>): void {
    this.probeRunner = run;
  }

  /** The folder's probe outcomes, or undefined while they are being computed (a change event follows). */
  probes(state: FolderAudit): ProbeOutcome[] | undefined {
    const key = state.key;
    const known = this.probeOutcomes.get(key);
    if (known || state.folder.uri.scheme !== 'file' || !this.probeRunner || this.probesRunning.has(key)) return known;
    this.probesRunning.add(key);
    this.probeRunner(state.folder.uri.fsPath).then(
      (outcomes) => {
        this.probesRunning.delete(key);
        this.probeOutcomes.set(key, outcomes);
        this.emitter.fire();
      },
      () => this.probesRunning.delete(key),
    );
    return undefined;
  }

  lastScan(state: FolderAudit): LastScan | undefined {
    return this.lastScans.get(state.key);
  }

  /** Scanner findings of the folder: every file the analysis has results for (scanned or open). */
  scannerFindings(state: FolderAudit): ScannerFinding[] {
    const out: ScannerFinding[] = [];
    for (const [key, list] of this.analysis.findings) {
      const first = list[0];
      if (!first) continue;
      if (vscode.workspace.getWorkspaceFolder(first.uri)?.uri.toString() !== state.key) continue;
      for (const s of list) out.push({ finding: s.finding, uri: key });
    }
    return out;
  }

  rows(state: FolderAudit): { rows: FindingRow[]; resolved: ResolvedRow[] } {
    const key = `${state.key}|${state.version}|${this.findingsVersion}`;
    if (this.rowsCache?.key !== key) this.rowsCache = { key, value: buildRows(this.scannerFindings(state), state.record) };
    return this.rowsCache.value;
  }

  score(state: FolderAudit, today = localDate(new Date())): AuditScore {
    return scoreAudit({
      findings: this.rows(state).rows.map(toScoringFinding),
      checklist: checklistStates(state.record.checklist),
      today,
      systemType: this.systemType(state).id,
    });
  }

  // ------------------------------------------------------------ writes

  /**
   * Changes audit.yaml through the store (merged with what is on disk, written atomically).
   * `what` names the change in error messages. False when nothing was saved (the reason shown).
   */
  async update(folder: vscode.WorkspaceFolder | undefined, what: string, mutator: AuditMutator): Promise<boolean> {
    const state = await this.ensure(folder ?? this.activeFolder());
    if (!state) {
      void vscode.window.showInformationMessage('Production Audit: open a folder on disk to keep an audit; the audit files live in its .production-audit/ folder.');
      return false;
    }
    if (!vscode.workspace.isTrusted) {
      this.error('Production Audit: writing the audit files needs a trusted workspace (Restricted Mode is on).');
      return false;
    }
    const { ensureChecklistItems } = await import('../../core/audit/auditRecord');
    let r: Awaited<ReturnType<AuditStore['update']>>;
    try {
      r = await state.store.update((draft) => {
        ensureChecklistItems(draft, ITEM_IDS);
        return mutator(draft);
      });
    } catch (e) {
      this.error(`Production Audit: ${what} was not saved: ${(e as Error).message}.`);
      this.emitter.fire();
      return false;
    }
    if (r.ok) {
      state.record = r.record;
      state.text = r.text;
      state.exists = true;
      state.problem = undefined;
      state.version++;
      this.emitter.fire();
      return true;
    }
    if (r.error.kind === 'invalid') {
      state.problem = r.error;
      this.announced.set(state.key, this.problemText(r.error));
    }
    this.showProblem(state, r.error, `${what} was not saved.`);
    this.emitter.fire(); // views go back to the record (e.g. a checkbox that was clicked)
    return false;
  }

  /** Starts a new audit round (keeps a dated copy of the file). Returns the copy's path, '' when there was no file, undefined on failure. */
  async startNewAudit(folder?: vscode.WorkspaceFolder): Promise<string | undefined> {
    const state = await this.ensure(folder ?? this.activeFolder());
    if (!state) return undefined;
    if (!vscode.workspace.isTrusted) {
      this.error('Production Audit: writing the audit files needs a trusted workspace (Restricted Mode is on).');
      return undefined;
    }
    const r = await state.store.startNewAudit(ITEM_IDS);
    if (!r.ok) {
      if (r.error.kind === 'invalid') state.problem = r.error;
      this.showProblem(state, r.error, 'No new audit was started.');
      this.emitter.fire();
      return undefined;
    }
    state.record = r.record;
    state.text = r.text;
    state.exists = true;
    state.problem = undefined;
    state.version++;
    this.emitter.fire();
    return r.archivedAs ?? '';
  }

  /** After a workspace scan: remembers it per folder and writes each completed folder's findings.json. */
  async scanFinished(summary: ScanSummary): Promise<void> {
    const written: string[] = [];
    for (const result of summary.results ?? []) {
      if (!result.completed) continue;
      this.lastScans.set(result.folder.uri.toString(), { at: new Date(), filesScanned: result.filesScanned });
      this.probeOutcomes.delete(result.folder.uri.toString());
      if (!vscode.workspace.isTrusted) continue;
      try {
        const state = await this.ensure(result.folder);
        const { buildFindingsDocument, writeFindingsFile } = await import('../../core/audit/findingsFile');
        const doc = buildFindingsDocument(result.findings, {
          tool: { name: 'production-audit', version: this.toolVersion },
          root: '.',
          filesScanned: result.filesScanned,
          rulesRun: result.rulesRun,
          errors: result.errors,
          skipped: result.skipped,
          failOn: state?.failOn ?? 'high',
        });
        written.push(await writeFindingsFile(result.folder.uri.fsPath, doc));
      } catch (e) {
        this.error(`Production Audit: could not write ${CONFIG_DIR}/findings.json in ${result.folder.name}: ${(e as Error).message}`);
      }
    }
    this.emitter.fire();
  }

  // ------------------------------------------------------------ messages

  relative(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  }

  private problemText(p: AuditStoreError): string {
    return `${this.relative(vscode.Uri.file(p.file))}:${p.line}:${p.column}: ${p.message}`;
  }

  private showProblem(state: FolderAudit, p: AuditStoreError, consequence: string): void {
    const where = this.problemText(p);
    const text = p.kind === 'invalid' ? `Production Audit: ${where}. ${consequence}` : `Production Audit: ${this.relative(state.fileUri)}: ${p.message}. ${consequence}`;
    this.lastError = text;
    this.errorEmitter.fire(text);
    void vscode.window.showErrorMessage(text, 'Open File').then((choice) => {
      if (choice === 'Open File') void this.openAt(vscode.Uri.file(p.file), p.line, p.column);
    });
  }

  private error(text: string): void {
    this.lastError = text;
    this.errorEmitter.fire(text);
    void vscode.window.showErrorMessage(text);
  }

  async openAt(uri: vscode.Uri, line: number, column: number): Promise<void> {
    const pos = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos) });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function userName(): string | undefined {
  try {
    return os.userInfo().username || undefined;
  } catch {
    return process.env.USER || process.env.USERNAME || undefined;
  }
}
