// The Checklist view: the 15 categories in the chosen system type's order, each with its tier,
// score and progress; their items with a checkbox (ticked = assessed, see checklistModel.ts), the
// result and the note; under an item backed by rules, the open findings of those rules (the
// evidence) or how many files the last scan looked at without finding any.
import * as vscode from 'vscode';
import type { AuditStoreError } from '../../core/audit/auditStore';
import { getCategory, getItem } from '../../core/categories';
import type { CategoryId } from '../../core/model';
import { displayLabel, type CategoryScore } from '../../core/scoring';
import type { ProbeOutcome } from '../../core/probes';
import { orderedCategories, type Tier } from '../../core/systemTypes';
import { Commands } from '../commands';
import type { AuditService, FolderAudit } from './auditService';
import { categoryDescription, categoryLabel, itemDescription, noFindingsText } from './checklistModel';
import { isOpenRow, localDate, locationText, type FindingRow } from './findingRows';
import { revealCommand, severityIcon } from './treeUtil';

export type ChecklistNode =
  | { readonly kind: 'problem'; readonly folderKey: string; readonly problem: AuditStoreError }
  | { readonly kind: 'category'; readonly folderKey: string; readonly category: CategoryId; readonly position: number; readonly tier: Tier }
  | { readonly kind: 'item'; readonly folderKey: string; readonly itemId: string }
  | { readonly kind: 'evidence'; readonly folderKey: string; readonly itemId: string; readonly row: FindingRow }
  | { readonly kind: 'no-evidence'; readonly folderKey: string; readonly itemId: string; readonly text: string; readonly scanned: boolean }
  | { readonly kind: 'probe'; readonly folderKey: string; readonly itemId: string; readonly outcome: ProbeOutcome }
  | { readonly kind: 'probes-pending'; readonly folderKey: string; readonly itemId: string };

const PROBE_ICONS: Readonly<Record<ProbeOutcome['status'], vscode.ThemeIcon>> = {
  pass: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  fail: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  unknown: new vscode.ThemeIcon('question'),
};

const SCORE_ICONS: Readonly<Record<CategoryScore, vscode.ThemeIcon>> = {
  PASS: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  PARTIAL: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  FAIL: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  NOT_ASSESSED: new vscode.ThemeIcon('circle-large-outline'),
};

export class ChecklistProvider implements vscode.TreeDataProvider<ChecklistNode> {
  private readonly changed = new vscode.EventEmitter<ChecklistNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly audit: AuditService) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  private state(folderKey: string): FolderAudit | undefined {
    return this.audit.folders().map((f) => this.audit.get(f)).find((s) => s?.key === folderKey);
  }

  async getChildren(node?: ChecklistNode): Promise<ChecklistNode[]> {
    if (!node) {
      const state = await this.audit.ensure();
      if (!state) return [];
      const top: ChecklistNode[] = [];
      if (state.problem) top.push({ kind: 'problem', folderKey: state.key, problem: state.problem });
      for (const c of orderedCategories(this.audit.systemType(state).id)) {
        top.push({ kind: 'category', folderKey: state.key, category: c.category.id, position: c.position, tier: c.tier });
      }
      return top;
    }
    if (node.kind === 'category') return getCategory(node.category).items.map((it) => ({ kind: 'item' as const, folderKey: node.folderKey, itemId: it.id }));
    if (node.kind === 'item') {
      const item = getItem(node.itemId);
      const state = this.state(node.folderKey);
      if (!item || !state || (item.rules.length === 0 && item.probes.length === 0)) return [];
      // workspace evidence first: what the probes found about the folder as a whole
      const probeNodes: ChecklistNode[] = [];
      if (item.probes.length) {
        const outcomes = this.audit.probes(state);
        if (!outcomes) probeNodes.push({ kind: 'probes-pending', folderKey: node.folderKey, itemId: node.itemId });
        else for (const o of outcomes.filter((x) => item.probes.includes(x.id))) probeNodes.push({ kind: 'probe', folderKey: node.folderKey, itemId: node.itemId, outcome: o });
      }
      if (item.rules.length === 0) return probeNodes;
      const today = localDate(new Date());
      const evidence = this.audit
        .rows(state)
        .rows.filter((r) => r.ruleId !== undefined && item.rules.includes(r.ruleId) && isOpenRow(r, today))
        .sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.range?.line ?? 0) - (b.range?.line ?? 0));
      if (evidence.length) return [...probeNodes, ...evidence.map((row) => ({ kind: 'evidence' as const, folderKey: node.folderKey, itemId: node.itemId, row }))];
      const last = this.audit.lastScan(state);
      return [...probeNodes, { kind: 'no-evidence', folderKey: node.folderKey, itemId: node.itemId, text: noFindingsText(last), scanned: last !== undefined }];
    }
    return [];
  }

  getTreeItem(node: ChecklistNode): vscode.TreeItem {
    const state = this.state(node.folderKey);
    switch (node.kind) {
      case 'problem': {
        const t = new vscode.TreeItem(`${this.audit.relative(vscode.Uri.file(node.problem.file))} cannot be used`, vscode.TreeItemCollapsibleState.None);
        t.id = `checklist:${node.folderKey}:problem`;
        t.description = `line ${node.problem.line}: ${node.problem.message} — read-only until fixed`;
        t.tooltip = new vscode.MarkdownString(`**${this.audit.relative(vscode.Uri.file(node.problem.file))}:${node.problem.line}:${node.problem.column}**\n\n${node.problem.message}\n\nThe sidebar shows the last valid state and saves nothing until the file is fixed. Click to open the file.`);
        t.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
        t.command = { command: Commands.openAuditFile, title: 'Open File', arguments: [node.problem.line, node.problem.column] };
        return t;
      }
      case 'category': {
        const category = getCategory(node.category);
        const result = state ? this.audit.score(state).categories.find((c) => c.category === node.category) : undefined;
        const t = new vscode.TreeItem(categoryLabel(node.position, category.title), vscode.TreeItemCollapsibleState.Collapsed);
        t.id = `checklist:${node.folderKey}:${node.category}`;
        t.contextValue = 'auditCategory';
        if (result) {
          t.description = categoryDescription(node.tier, result.score, result.assessedItems, result.totalItems);
          t.iconPath = SCORE_ICONS[result.score];
          t.tooltip = new vscode.MarkdownString(
            `**${category.number}. ${category.title}** — ${node.tier} tier\n\n${category.focus}\n\n*Without it:* ${category.risk}\n\n**${displayLabel(result.score)}**: ${result.reason}`,
          );
        }
        return t;
      }
      case 'item': {
        const item = getItem(node.itemId);
        const entry = state?.record.checklist[node.itemId];
        const t = new vscode.TreeItem(item?.text ?? node.itemId, item && (item.rules.length || item.probes.length) ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        t.id = `checklist:${node.folderKey}:${node.itemId}`;
        t.checkboxState = entry?.checked ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
        t.description = itemDescription(entry);
        t.contextValue = 'auditItem';
        const md = new vscode.MarkdownString(`${item?.text ?? node.itemId}\n\n**${itemDescription(entry).split(' — ')[0]}**`);
        if (entry?.note) md.appendMarkdown(`\n\n*Note:* ${escape(entry.note)}`);
        if (entry?.by || entry?.at) md.appendMarkdown(`\n\n*Last change:* ${[entry.by, entry.at].filter(Boolean).join(', ')}`);
        if (item?.rules.length) md.appendMarkdown(`\n\n*Evidence from:* ${item.rules.map((r) => `\`${r}\``).join(', ')}`);
        if (item?.probes.length) md.appendMarkdown(`\n\n*Workspace evidence:* ${item.probes.map((p) => `\`${p}\``).join(', ')}`);
        md.appendMarkdown(`\n\n\`${node.itemId}\``);
        t.tooltip = md;
        return t;
      }
      case 'evidence': {
        const r = node.row;
        const t = new vscode.TreeItem(`${r.ruleId}: ${locationText(r)}`, vscode.TreeItemCollapsibleState.None);
        t.id = `checklist:${node.folderKey}:${node.itemId}:${r.key}`;
        t.description = `${r.severity}${r.status !== 'OPEN' ? ` · ${displayLabel(r.status)}` : ''}`;
        t.tooltip = r.message;
        t.iconPath = severityIcon(r.severity);
        t.contextValue = `finding.${r.source}`;
        t.command = state ? revealCommand(state.folder, r) : undefined;
        return t;
      }
      case 'probe': {
        const o = node.outcome;
        const t = new vscode.TreeItem(o.title, vscode.TreeItemCollapsibleState.None);
        t.id = `checklist:${node.folderKey}:${node.itemId}:probe:${o.id}`;
        t.description = `${o.status.toUpperCase()} · ${o.summary}`;
        t.iconPath = PROBE_ICONS[o.status];
        const md = new vscode.MarkdownString(`**${o.title}**: ${o.status.toUpperCase()}\n\n${escape(o.summary)}\n\n*Looked at:*\n`);
        for (const e of o.evidence.slice(0, 12)) md.appendMarkdown(`\n- ${e.file ? `\`${e.file}${e.line ? `:${e.line}` : ''}\` — ` : ''}${escape(e.detail)}`);
        if (o.evidence.length > 12) md.appendMarkdown(`\n- … and ${o.evidence.length - 12} more`);
        t.tooltip = md;
        t.contextValue = 'auditProbe';
        const first = o.evidence.find((e) => e.file);
        if (first?.file && state) {
          const uri = vscode.Uri.joinPath(state.folder.uri, first.file);
          const line = Math.max(0, (first.line ?? 1) - 1);
          t.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: new vscode.Range(line, 0, line, 0) }] };
        }
        return t;
      }
      case 'probes-pending': {
        const t = new vscode.TreeItem('Checking the workspace…', vscode.TreeItemCollapsibleState.None);
        t.id = `checklist:${node.folderKey}:${node.itemId}:probes-pending`;
        t.iconPath = new vscode.ThemeIcon('loading~spin');
        return t;
      }
      case 'no-evidence': {
        const t = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        t.id = `checklist:${node.folderKey}:${node.itemId}:none`;
        t.iconPath = new vscode.ThemeIcon(node.scanned ? 'pass' : 'search');
        const rules = getItem(node.itemId)?.rules.join(', ') ?? '';
        t.tooltip = `No open finding of ${rules} in this folder: nothing the scan found, or every finding fixed, accepted or suppressed.`;
        if (!node.scanned) {
          t.tooltip = 'Run Scan Workspace to look for findings of the rules behind this item.';
          t.command = { command: Commands.scanWorkspace, title: 'Scan Workspace' };
        }
        return t;
      }
    }
  }

  getParent(node: ChecklistNode): ChecklistNode | undefined {
    if (node.kind === 'item') {
      const item = getItem(node.itemId);
      const state = this.state(node.folderKey);
      if (!item || !state) return undefined;
      const c = orderedCategories(this.audit.systemType(state).id).find((x) => x.category.id === item.category);
      return c ? { kind: 'category', folderKey: node.folderKey, category: item.category, position: c.position, tier: c.tier } : undefined;
    }
    if (node.kind === 'evidence' || node.kind === 'no-evidence' || node.kind === 'probe' || node.kind === 'probes-pending') return { kind: 'item', folderKey: node.folderKey, itemId: node.itemId };
    return undefined;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
