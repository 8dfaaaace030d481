// Wires the audit sidebar: the service, the three views (Summary, Checklist, Findings), their
// refreshes and the commands. Nothing is read from disk here: the first view or command that
// needs audit.yaml loads it (see AuditService.ensure).
import * as vscode from 'vscode';
import type { ProbeOutcome } from '../../core/probes';
import type { AuditStoreError } from '../../core/audit/auditStore';
import type { AuditScore } from '../../core/scoring';
import type { AnalysisService } from '../analysisService';
import type { ScanSummary } from '../scan';
import { KeyedDebouncer } from '../util/debouncer';
import { registerAuditCommands } from './auditCommands';
import { AuditService } from './auditService';
import { ChecklistProvider, type ChecklistNode } from './checklistView';
import { FindingsProvider, type FindingsViewNode } from './findingsView';
import { SummaryProvider } from './summaryView';

/** What the extension API exposes of the sidebar (integration tests observe state through it). */
export interface AuditApi {
  /** Fires after audit.yaml was loaded, reloaded or changed, after a scan, and when the folder or suggestion changes. */
  readonly onDidChange: vscode.Event<void>;
  /** Loads the sidebar's folder (if not yet) and resolves when its state is there. */
  ready(): Promise<void>;
  /** The score of the sidebar's folder right now (undefined before it is loaded or without a folder). */
  score(): AuditScore | undefined;
  /** Why audit.yaml cannot be used right now (the views are read-only meanwhile). */
  readonly problem: AuditStoreError | undefined;
  /** The last error message the sidebar showed. */
  readonly lastError: string | undefined;
  /** Fires with every error message the sidebar shows (e.g. a change refused because audit.yaml is invalid). */
  readonly onDidShowError: vscode.Event<string>;
  /** Reads audit.yaml again; `fresh` drops everything this window loaded, as a new window would. */
  reload(fresh?: boolean): Promise<void>;
  readonly views: {
    readonly summary: SummaryProvider;
    readonly checklist: ChecklistProvider;
    readonly findings: FindingsProvider;
    readonly checklistView: vscode.TreeView<ChecklistNode>;
    readonly findingsView: vscode.TreeView<FindingsViewNode>;
  };
}

export interface AuditSidebar {
  readonly api: AuditApi;
  /** Call after every workspace scan (writes findings.json, remembers the scan for the views). */
  scanFinished(summary: ScanSummary): Promise<void>;
}

export function registerAuditSidebar(context: vscode.ExtensionContext, analysis: AnalysisService, runProbes?: (root: string) => Promise<ProbeOutcome[]>): AuditSidebar {
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0');
  const audit = new AuditService(analysis, context.workspaceState, version);
  if (runProbes) audit.setProbeRunner(runProbes);
  const summary = new SummaryProvider(audit);
  const checklist = new ChecklistProvider(audit);
  const findings = new FindingsProvider(audit);
  const summaryView = vscode.window.createTreeView('productionAudit.summary', { treeDataProvider: summary });
  const checklistView = vscode.window.createTreeView('productionAudit.checklist', { treeDataProvider: checklist, manageCheckboxStateManually: true, showCollapseAll: true });
  const findingsView = vscode.window.createTreeView('productionAudit.findings', { treeDataProvider: findings, showCollapseAll: true });
  findings.view = findingsView;

  const refresh = () => {
    summary.refresh();
    checklist.refresh();
    findings.refresh();
  };
  // findings arrive file by file during a scan: redraw at most every 200 ms
  const debouncer = new KeyedDebouncer<string>();
  const onFindings = () => {
    if (!debouncer.pending('findings')) debouncer.run('findings', 200, refresh);
  };

  context.subscriptions.push(
    audit,
    summary,
    checklist,
    findings,
    summaryView,
    checklistView,
    findingsView,
    { dispose: () => debouncer.dispose() },
    audit.onDidChange(refresh),
    analysis.onDidChangeFindings(onFindings),
    checklistView.onDidChangeCheckboxState((e) => {
      for (const [node, state] of e.items) {
        if (node.kind === 'item') void vscode.commands.executeCommand('productionAudit.toggleItem', node, state === vscode.TreeItemCheckboxState.Checked);
      }
    }),
    ...registerAuditCommands({ audit, checklist, findings, summary }),
  );
  void vscode.commands.executeCommand('setContext', 'productionAudit.findingsGroupedByFile', false);

  const api: AuditApi = {
    onDidChange: audit.onDidChange,
    ready: async () => {
      await audit.ensure();
    },
    score: () => {
      const state = audit.get();
      return state ? audit.score(state) : undefined;
    },
    get problem() {
      return audit.get()?.problem;
    },
    get lastError() {
      return audit.lastError;
    },
    onDidShowError: audit.onDidShowError,
    reload: (fresh = false) => audit.reload(undefined, fresh),
    views: { summary, checklist, findings, checklistView, findingsView },
  };
  return { api, scanFinished: (s) => audit.scanFinished(s) };
}
