// The sidebar's commands. Each works from the UI (quick picks, input boxes, confirmations) and,
// for scripts and tests, from arguments that stand in for the answers. Every change goes through
// AuditService.update, i.e. through the store's merge-and-atomic-write, and is refused while
// audit.yaml on disk is invalid.
import * as vscode from 'vscode';
import type { ChecklistResult, FindingLocation, ManualFinding, TriageStatus } from '../../core/audit/auditRecord';
import { getItem } from '../../core/categories';
import { CATEGORY_TITLES, SEVERITIES, isCategoryId, isSeverity, type CategoryId, type Severity } from '../../core/model';
import { displayLabel } from '../../core/scoring';
import { SYSTEM_TYPES, isSystemTypeId, orderedCategories, type SystemTypeId } from '../../core/systemTypes';
import { Commands } from '../commands';
import type { AuditService } from './auditService';
import { CHECKLIST_RESULT_LIST, noteEntry, resultEntry, tickEntry } from './checklistModel';
import type { ChecklistNode, ChecklistProvider } from './checklistView';
import {
  MANUAL_RULE,
  ROW_STATUS_LIST,
  TRIAGE_STATUS_LIST,
  applyNote,
  applyStatus,
  expiryProblem,
  findingMarkdown,
  localDate,
  rowRule,
  statusLabel,
  type FindingFilter,
  type FindingRow,
  type RowStatus,
} from './findingRows';
import type { FindingsProvider, FindingsViewNode } from './findingsView';
import type { SummaryProvider } from './summaryView';

export interface AuditSidebarParts {
  readonly audit: AuditService;
  readonly checklist: ChecklistProvider;
  readonly findings: FindingsProvider;
  readonly summary: SummaryProvider;
}

type ItemNode = Extract<ChecklistNode, { kind: 'item' }>;
type RowNode = { readonly kind: 'finding' | 'evidence'; readonly row: FindingRow; readonly folderKey?: string };

/** The fields "Add Manual Finding…" asks for; any given here are not asked. */
export interface ManualFindingInput {
  title?: string;
  severity?: Severity;
  category?: CategoryId;
  description?: string;
  evidence?: string;
  impact?: string;
  recommendation?: string;
  effort?: string;
  status?: TriageStatus;
  justification?: string;
  expires?: string;
  location?: FindingLocation;
  /** Folder (URI string) whose audit.yaml receives the finding; default: the selection's folder, else the sidebar's. */
  folder?: string;
}

function isItemNode(node: unknown): node is ItemNode {
  return typeof node === 'object' && node !== null && (node as ItemNode).kind === 'item' && typeof (node as ItemNode).itemId === 'string';
}

function isRowNode(node: unknown): node is RowNode {
  const n = node as RowNode | null;
  return typeof n === 'object' && n !== null && (n.kind === 'finding' || n.kind === 'evidence') && typeof n.row === 'object';
}

/** `IN PROGRESS`, `in_progress`, `accepted risk` → the record's spelling. */
function normaliseStatus(value: unknown): TriageStatus | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toUpperCase().replace(/\s+/g, '_');
  return (TRIAGE_STATUS_LIST as readonly string[]).includes(v) ? (v as TriageStatus) : undefined;
}

function normaliseResult(value: unknown): ChecklistResult | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toUpperCase();
  const r = v === 'NA' ? 'N/A' : v.replace(/\s+/g, '_');
  return (CHECKLIST_RESULT_LIST as readonly string[]).includes(r) ? (r as ChecklistResult) : undefined;
}

interface Pick<T> extends vscode.QuickPickItem {
  value: T;
}

async function pickOne<T>(items: Pick<T>[], options: vscode.QuickPickOptions): Promise<T | undefined> {
  return (await vscode.window.showQuickPick(items, { ignoreFocusOut: true, ...options }))?.value;
}

function short(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function registerAuditCommands(parts: AuditSidebarParts): vscode.Disposable[] {
  const { audit, findings } = parts;

  const folderByKey = (key: string | undefined): vscode.WorkspaceFolder | undefined => (key ? audit.folders().find((f) => f.uri.toString() === key) : undefined) ?? audit.activeFolder();

  const useFromMenu = (what: string, where: string): false => {
    void vscode.window.showInformationMessage(`Production Audit: ${what} works on ${where}: right-click it in the Production Audit sidebar.`);
    return false;
  };

  /** Ticks or unticks items (the checkbox handler and the toggleItem command). */
  const setChecked = async (changes: readonly (readonly [ItemNode, boolean])[]): Promise<boolean> => {
    let ok = true;
    const byFolder = new Map<string, (readonly [ItemNode, boolean])[]>();
    for (const c of changes) byFolder.set(c[0].folderKey, [...(byFolder.get(c[0].folderKey) ?? []), c]);
    for (const [key, list] of byFolder) {
      ok =
        (await audit.update(folderByKey(key), list.length === 1 ? 'The tick' : 'The ticks', (d) => {
          for (const [node, checked] of list) d.checklist[node.itemId] = tickEntry(d.checklist[node.itemId], checked);
        })) && ok;
    }
    return ok;
  };

  const resolveRow = (node: RowNode): { folder: vscode.WorkspaceFolder | undefined; row: FindingRow } => ({ folder: folderByKey(node.folderKey), row: node.row });

  const askJustification = () =>
    vscode.window.showInputBox({
      title: 'Accept the risk: why?',
      prompt: 'Why is it acceptable to ship with this finding? Kept in audit.yaml and shown in reports.',
      placeHolder: 'e.g. internal tool behind the VPN; replaced by the new client in Q3',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim().length < 3 ? 'Accepting a risk needs a justification.' : undefined),
    });

  const askExpiry = (today: string) =>
    vscode.window.showInputBox({
      title: 'Accept the risk: until when? (optional)',
      prompt: 'After this date (YYYY-MM-DD) the finding counts as open again. Leave empty for no expiry.',
      placeHolder: 'YYYY-MM-DD',
      ignoreFocusOut: true,
      validateInput: (v) => expiryProblem(v, today),
    });

  return [
    vscode.commands.registerCommand(Commands.toggleItem, async (node: unknown, checked?: unknown) => {
      if (!isItemNode(node)) return useFromMenu('Ticking an item', 'a checklist item');
      const current = audit.get(folderByKey(node.folderKey))?.record.checklist[node.itemId]?.checked ?? false;
      return setChecked([[node, typeof checked === 'boolean' ? checked : !current]]);
    }),

    vscode.commands.registerCommand(Commands.setItemResult, async (node: unknown, resultArg?: unknown) => {
      if (!isItemNode(node)) return useFromMenu('Set Result', 'a checklist item');
      const folder = folderByKey(node.folderKey);
      const current = audit.get(folder)?.record.checklist[node.itemId]?.result ?? 'NOT_ASSESSED';
      let result = normaliseResult(resultArg);
      if (resultArg !== undefined && !result) {
        void vscode.window.showErrorMessage(`Production Audit: "${String(resultArg)}" is not a result; use PASS, FAIL, N/A or NOT ASSESSED.`);
        return false;
      }
      result ??= await pickOne(
        CHECKLIST_RESULT_LIST.map((r) => ({ label: displayLabel(r), description: r === current ? 'current' : undefined, value: r })),
        { title: `Result: ${short(getItem(node.itemId)?.text ?? node.itemId)}`, placeHolder: 'PASS, FAIL and N/A tick the item; NOT ASSESSED unticks it' },
      );
      if (!result) return false;
      const chosen = result;
      return audit.update(folder, 'The result', (d) => {
        d.checklist[node.itemId] = resultEntry(d.checklist[node.itemId], chosen);
      });
    }),

    vscode.commands.registerCommand(Commands.editItemNote, async (node: unknown, noteArg?: unknown) => {
      if (!isItemNode(node)) return useFromMenu('Add/Edit Note', 'a checklist item');
      const folder = folderByKey(node.folderKey);
      const note =
        typeof noteArg === 'string'
          ? noteArg
          : await vscode.window.showInputBox({
              title: `Note: ${short(getItem(node.itemId)?.text ?? node.itemId)}`,
              prompt: 'What did you observe? (empty removes the note)',
              value: audit.get(folder)?.record.checklist[node.itemId]?.note ?? '',
              ignoreFocusOut: true,
            });
      if (note === undefined) return false;
      return audit.update(folder, 'The note', (d) => {
        d.checklist[node.itemId] = noteEntry(d.checklist[node.itemId], note);
      });
    }),

    vscode.commands.registerCommand(Commands.setFindingStatus, async (node: unknown, statusArg?: unknown, justificationArg?: unknown, expiresArg?: unknown) => {
      if (!isRowNode(node)) return useFromMenu('Set Status', 'a finding');
      const { folder, row } = resolveRow(node);
      let status = normaliseStatus(statusArg);
      if (statusArg !== undefined && !status) {
        void vscode.window.showErrorMessage(`Production Audit: "${String(statusArg)}" is not a status; use OPEN, IN PROGRESS, FIXED or ACCEPTED RISK.`);
        return false;
      }
      status ??= await pickOne(
        TRIAGE_STATUS_LIST.map((s) => ({
          label: displayLabel(s),
          description: s === row.status ? 'current' : undefined,
          detail: s === 'ACCEPTED_RISK' ? 'Needs a justification; takes the finding out of the open count (until an optional expiry date).' : undefined,
          value: s,
        })),
        { title: `Status: ${row.title} (${row.file ?? 'no location'})` },
      );
      if (!status) return false;
      let justification = typeof justificationArg === 'string' ? justificationArg : undefined;
      let expires = typeof expiresArg === 'string' ? expiresArg : undefined;
      const today = localDate(new Date());
      if (status === 'ACCEPTED_RISK') {
        if (justification === undefined) {
          justification = await askJustification();
          if (justification === undefined) return false;
          if (expires === undefined) {
            expires = await askExpiry(today);
            if (expires === undefined) return false;
          }
        }
        if (!justification.trim()) {
          void vscode.window.showErrorMessage('Production Audit: accepting a risk needs a justification; the status was not changed.');
          return false;
        }
        const bad = expiryProblem(expires ?? '', today);
        if (bad) {
          void vscode.window.showErrorMessage(`Production Audit: ${bad} The status was not changed.`);
          return false;
        }
      }
      const chosen = status;
      if (row.source === 'scanner') {
        return audit.update(folder, 'The status', (d) => {
          d.triage[row.key] = applyStatus({ ...(d.triage[row.key] ?? { status: 'OPEN' }) }, chosen, justification, expires);
        });
      }
      return audit.update(folder, 'The status', (d) => {
        const f = d.findings.find((x) => x.id === row.key);
        if (!f) throw new Error(`the manual finding ${row.key} is no longer in audit.yaml`);
        applyStatus(f, chosen, justification, expires);
      });
    }),

    vscode.commands.registerCommand(Commands.addFindingNote, async (node: unknown, noteArg?: unknown) => {
      if (!isRowNode(node)) return useFromMenu('Add Note', 'a finding');
      const { folder, row } = resolveRow(node);
      const note =
        typeof noteArg === 'string'
          ? noteArg
          : await vscode.window.showInputBox({ title: `Note: ${row.title}`, prompt: 'A note on this finding (empty removes it)', value: row.note ?? '', ignoreFocusOut: true });
      if (note === undefined) return false;
      if (row.source === 'scanner') {
        return audit.update(folder, 'The note', (d) => {
          d.triage[row.key] = applyNote({ ...(d.triage[row.key] ?? { status: 'OPEN' }) }, note);
        });
      }
      return audit.update(folder, 'The note', (d) => {
        const f = d.findings.find((x) => x.id === row.key);
        if (!f) throw new Error(`the manual finding ${row.key} is no longer in audit.yaml`);
        applyNote(f, note);
      });
    }),

    vscode.commands.registerCommand(Commands.copyFindingAsMarkdown, async (node: unknown) => {
      if (!isRowNode(node)) return useFromMenu('Copy as Markdown', 'a finding');
      const text = findingMarkdown(node.row);
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage('Production Audit: finding copied as Markdown', 3000);
      return text;
    }),

    vscode.commands.registerCommand(Commands.addManualFinding, async (arg?: unknown) => addManualFinding(audit, arg instanceof vscode.Uri ? {} : ((arg as ManualFindingInput | undefined) ?? {}))),

    vscode.commands.registerCommand(Commands.setSystemType, async (idArg?: unknown) => {
      const state = await audit.ensure();
      if (!state) return useFromMenu('Set System Type', 'a workspace folder on disk');
      let id: SystemTypeId | undefined;
      if (idArg !== undefined) {
        if (!isSystemTypeId(idArg)) {
          void vscode.window.showErrorMessage(`Production Audit: "${String(idArg)}" is not a system type; use one of ${SYSTEM_TYPES.map((t) => t.id).join(', ')}.`);
          return false;
        }
        id = idArg;
      } else {
        const current = audit.systemType(state);
        const suggested = state.suggestion?.type;
        const ordered = [...SYSTEM_TYPES].sort((a, b) => (a.id === suggested ? -1 : b.id === suggested ? 1 : 0));
        const items = ordered.map((t) => ({
          label: `${t.id === suggested ? '$(lightbulb) ' : ''}${t.title}`,
          description: [t.id === suggested ? 'suggested' : '', t.id === current.id && current.source !== 'default' ? 'current' : ''].filter(Boolean).join(', ') || undefined,
          detail: t.id === suggested && state.suggestion ? `From package.json: ${state.suggestion.reasons.join('; ')}` : `${t.examples}. First: ${orderedCategories(t.id).slice(0, 3).map((c) => c.category.title).join(', ')}`,
          value: t.id,
        }));
        id = await pickOne(items, { title: 'System type of this workspace', placeHolder: 'Orders the 15 categories and sets their tiers (saved in audit.yaml)', matchOnDetail: true });
      }
      if (!id) return false;
      const chosen = id;
      return audit.update(state.folder, 'The system type', (d) => {
        d.systemType = chosen;
      });
    }),

    vscode.commands.registerCommand(Commands.startNewAudit, async (confirmed?: unknown) => {
      const state = await audit.ensure();
      if (!state) return useFromMenu('Start New Audit', 'a workspace folder on disk');
      if (confirmed !== true) {
        const go = await vscode.window.showWarningMessage(
          'Start a new audit round?',
          {
            modal: true,
            detail: `Every checklist tick, result and note is cleared. The system type, manual findings and triage decisions stay. The current ${audit.relative(state.fileUri)} is kept as a dated copy next to it.`,
          },
          'Start New Audit',
        );
        if (go !== 'Start New Audit') return false;
      }
      const archived = await audit.startNewAudit(state.folder);
      if (archived === undefined) return false;
      void vscode.window.showInformationMessage(archived ? `Production Audit: new audit round started; the previous one is kept as ${audit.relative(vscode.Uri.file(archived))}.` : 'Production Audit: new audit round started.');
      return true;
    }),

    vscode.commands.registerCommand(Commands.openAuditFile, async (line?: unknown, column?: unknown) => {
      const state = await audit.ensure();
      if (!state) return useFromMenu('Open Audit File', 'a workspace folder on disk');
      if (!state.exists && !state.problem) {
        // the file lists every checklist item from the start (see auditRecord.ts on merges)
        if (!(await audit.update(state.folder, 'Creating the audit file', () => undefined))) return false;
      }
      await audit.openAt(state.fileUri, typeof line === 'number' ? line : 1, typeof column === 'number' ? column : 1);
      return true;
    }),

    vscode.commands.registerCommand(Commands.groupFindingsByFile, () => findings.setMode('file')),
    vscode.commands.registerCommand(Commands.groupFindingsByCategory, () => findings.setMode('category')),

    vscode.commands.registerCommand(Commands.filterFindings, async (kindArg?: unknown, valuesArg?: unknown) => {
      const state = await audit.ensure();
      const kind =
        kindArg === 'severity' || kindArg === 'status' || kindArg === 'rule'
          ? kindArg
          : await pickOne<'severity' | 'status' | 'rule'>(
              [
                { label: 'Severity', description: findings.filter.severities?.join(', '), value: 'severity' },
                { label: 'Status', description: findings.filter.statuses?.map(statusLabel).join(', '), value: 'status' },
                { label: 'Rule', description: findings.filter.rules?.join(', '), value: 'rule' },
              ],
              { title: 'Filter findings by…' },
            );
      if (!kind) return false;
      let values: string[] | undefined = Array.isArray(valuesArg) ? valuesArg.filter((v): v is string => typeof v === 'string') : undefined;
      if (!values) {
        const current: readonly string[] = (kind === 'severity' ? findings.filter.severities : kind === 'status' ? findings.filter.statuses : findings.filter.rules) ?? [];
        const options: { label: string; value: string }[] =
          kind === 'severity'
            ? SEVERITIES.map((s) => ({ label: s, value: s }))
            : kind === 'status'
              ? ROW_STATUS_LIST.map((s) => ({ label: statusLabel(s), value: s }))
              : [...new Set([...(state ? audit.rows(state).rows.map(rowRule) : []), ...current])].sort().map((r) => ({ label: r === MANUAL_RULE ? 'manual findings' : r, value: r }));
        const picked = await vscode.window.showQuickPick(
          options.map((o) => ({ ...o, picked: current.includes(o.value) })),
          { canPickMany: true, title: `Show findings with these ${kind === 'status' ? 'statuses' : kind === 'severity' ? 'severities' : 'rules'}`, placeHolder: 'None picked = no filter on this' },
        );
        if (!picked) return false;
        values = picked.map((p) => p.value);
      }
      const next: { -readonly [K in keyof FindingFilter]: FindingFilter[K] } = { ...findings.filter };
      if (kind === 'severity') next.severities = values.filter(isSeverity);
      else if (kind === 'status') next.statuses = values.filter((v): v is RowStatus => (ROW_STATUS_LIST as readonly string[]).includes(v));
      else next.rules = values;
      findings.setFilter(next);
      void vscode.commands.executeCommand('productionAudit.findings.focus').then(undefined, () => undefined);
      return true;
    }),

    vscode.commands.registerCommand(Commands.clearFindingFilters, () => {
      findings.setFilter({});
      return true;
    }),

    vscode.commands.registerCommand(Commands.chooseAuditFolder, async (folderArg?: unknown) => {
      const folders = audit.folders();
      const folder =
        folderArg instanceof vscode.Uri
          ? folders.find((f) => f.uri.toString() === folderArg.toString())
          : await pickOne(
              folders.map((f) => ({ label: f.name, description: f.uri.fsPath, value: f })),
              { title: 'Which folder does the audit sidebar show?' },
            );
      if (!folder) return false;
      await audit.setActiveFolder(folder);
      return true;
    }),
  ];
}

/** "Add Manual Finding…": asks for the template's fields not given in `input`; the editor selection becomes the location. */
async function addManualFinding(audit: AuditService, input: ManualFindingInput): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const selection = editor && !editor.selection.isEmpty && editor.document.uri.scheme === 'file' ? editor.selection : undefined;
  const selFolder = selection && editor ? vscode.workspace.getWorkspaceFolder(editor.document.uri) : undefined;
  const folder = (input.folder ? audit.folders().find((f) => f.uri.toString() === input.folder) : undefined) ?? (selFolder?.uri.scheme === 'file' ? selFolder : undefined) ?? audit.activeFolder();
  const state = await audit.ensure(folder);
  if (!state) {
    void vscode.window.showInformationMessage('Production Audit: open a folder on disk to record manual findings.');
    return undefined;
  }
  let location = input.location;
  let selectedCode: string | undefined;
  if (!location && selection && editor && selFolder?.uri.toString() === state.key) {
    location = {
      file: editor.document.uri.path.slice(state.folder.uri.path.replace(/\/$/, '').length + 1),
      line: selection.start.line + 1,
      column: selection.start.character + 1,
      endLine: selection.end.line + 1,
      endColumn: selection.end.character + 1,
    };
    selectedCode = editor.document.getText(selection);
  }
  const steps = 9;
  const where = location ? ` — ${location.file}:${location.line}` : '';
  const ask = (step: number, prompt: string, opts: vscode.InputBoxOptions = {}) =>
    vscode.window.showInputBox({ title: `Add Manual Finding (${step}/${steps})${where}`, prompt, ignoreFocusOut: true, ...opts });

  const title = input.title ?? (await ask(1, 'Title: a short name for what you found', { validateInput: (v) => (v.trim() ? undefined : 'A finding needs a title.') }));
  if (title === undefined) return undefined;
  const severity =
    input.severity ??
    (await pickOne(
      SEVERITIES.map((s) => ({ label: s, value: s })),
      { title: `Add Manual Finding (2/${steps})${where}`, placeHolder: 'Severity' },
    ));
  if (!severity) return undefined;
  const order = orderedCategories(audit.systemType(state).id);
  const category =
    input.category ??
    (await pickOne(
      order.map((c) => ({ label: `${c.position}. ${c.category.title}`, description: c.tier, detail: c.category.focus, value: c.category.id })),
      { title: `Add Manual Finding (3/${steps})${where}`, placeHolder: 'Which of the 15 categories?' },
    ));
  if (!category || !isCategoryId(category)) return undefined;
  const description = input.description ?? (await ask(4, 'Description: what was found'));
  if (description === undefined) return undefined;
  let evidence = input.evidence;
  if (evidence === undefined) {
    const lines = selectedCode ? selectedCode.split('\n').length : 0;
    evidence = await ask(5, selectedCode ? `Evidence: how it was observed (Enter keeps the selected code, ${lines} line${lines === 1 ? '' : 's'})` : 'Evidence: how it was observed or reproduced', {
      placeHolder: selectedCode ? short(selectedCode.replace(/\s+/g, ' '), 80) : undefined,
    });
    if (evidence === undefined) return undefined;
  }
  if (!evidence.trim() && selectedCode) evidence = selectedCode;
  const impact = input.impact ?? (await ask(6, 'Impact: what could happen in production'));
  if (impact === undefined) return undefined;
  const recommendation = input.recommendation ?? (await ask(7, 'Recommendation: how to fix it'));
  if (recommendation === undefined) return undefined;
  const effort = input.effort ?? (await ask(8, 'Effort: estimated hours or days to fix', { placeHolder: 'e.g. 2h, 1d' }));
  if (effort === undefined) return undefined;
  const status =
    input.status ??
    (await pickOne(
      TRIAGE_STATUS_LIST.map((s) => ({ label: displayLabel(s), value: s })),
      { title: `Add Manual Finding (9/${steps})${where}`, placeHolder: 'Status' },
    ));
  if (!status) return undefined;
  const today = localDate(new Date());
  let justification = input.justification;
  let expires = input.expires;
  if (status === 'ACCEPTED_RISK') {
    justification ??= await vscode.window.showInputBox({ title: 'Accept the risk: why?', ignoreFocusOut: true, validateInput: (v) => (v.trim().length < 3 ? 'Accepting a risk needs a justification.' : undefined) });
    if (!justification?.trim()) return undefined;
    if (input.justification === undefined && expires === undefined) {
      expires = await vscode.window.showInputBox({ title: 'Accept the risk: until when? (optional, YYYY-MM-DD)', ignoreFocusOut: true, validateInput: (v) => expiryProblem(v, today) });
      if (expires === undefined) return undefined;
    }
    const bad = expiryProblem(expires ?? '', today);
    if (bad) {
      void vscode.window.showErrorMessage(`Production Audit: ${bad} The finding was not added.`);
      return undefined;
    }
  }
  const { newManualFindingId } = await import('../../core/audit/auditRecord');
  let id = '';
  const ok = await audit.update(state.folder, 'The manual finding', (d) => {
    id = newManualFindingId(d);
    const f: ManualFinding = {
      id,
      title: title.trim(),
      severity,
      category,
      description: description.trim(),
      evidence,
      impact: impact.trim(),
      recommendation: recommendation.trim(),
      effort: effort.trim(),
      status: 'OPEN',
      ...(location ? { location } : {}),
    };
    applyStatus(f, status, justification, expires);
    d.findings.push(f);
  });
  if (!ok) return undefined;
  vscode.window.setStatusBarMessage(`Production Audit: manual finding ${id} added to ${CATEGORY_TITLES[category]}`, 4000);
  return id;
}

