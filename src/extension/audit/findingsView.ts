// The Findings view: scanner findings (every file the analysis has results for) and the manual
// findings of audit.yaml, grouped category → severity → file, or by file; triaged findings that no
// longer appear under "Resolved". Filters by severity, status and rule show in the view's
// description. The tree itself is built by findingRows.ts (pure, unit-tested).
import * as vscode from 'vscode';
import { displayLabel } from '../../core/scoring';
import { orderedCategories } from '../../core/systemTypes';
import type { AuditService } from './auditService';
import {
  applyFilter,
  describeFilter,
  groupRows,
  isFilterActive,
  isOpenRow,
  localDate,
  locationText,
  rowStatus,
  statusLabel,
  type FindingFilter,
  type FindingNode,
  type FindingsTreeNode,
  type GroupMode,
} from './findingRows';
import { revealCommand, severityIcon } from './treeUtil';

export type FindingsViewNode = FindingsTreeNode | { readonly kind: 'message'; readonly id: string; readonly label: string; readonly command?: vscode.Command };

export class FindingsProvider implements vscode.TreeDataProvider<FindingsViewNode> {
  private readonly changed = new vscode.EventEmitter<FindingsViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private modeValue: GroupMode = 'category';
  private filterValue: FindingFilter = {};
  private parents = new Map<string, FindingsViewNode>();
  /** Set by the sidebar: where the active filter is shown. */
  view: vscode.TreeView<FindingsViewNode> | undefined;

  constructor(private readonly audit: AuditService) {}

  get mode(): GroupMode {
    return this.modeValue;
  }

  get filter(): FindingFilter {
    return this.filterValue;
  }

  setMode(mode: GroupMode): void {
    this.modeValue = mode;
    void vscode.commands.executeCommand('setContext', 'productionAudit.findingsGroupedByFile', mode === 'file');
    this.refresh();
  }

  setFilter(filter: FindingFilter): void {
    this.filterValue = filter;
    void vscode.commands.executeCommand('setContext', 'productionAudit.findingsFiltered', isFilterActive(filter));
    this.refresh();
  }

  refresh(): void {
    if (this.view) this.view.description = describeFilter(this.filterValue) || undefined;
    this.changed.fire(undefined);
  }

  async getChildren(node?: FindingsViewNode): Promise<FindingsViewNode[]> {
    if (node) return node.kind === 'group' ? [...node.children] : [];
    const state = await this.audit.ensure();
    if (!state) return [];
    const today = localDate(new Date());
    const { rows, resolved } = this.audit.rows(state);
    const scanned = this.audit.lastScan(state) !== undefined;
    const filtered = applyFilter(rows, this.filterValue);
    // a filter applies to findings; the resolved list only shows without one
    const groups = groupRows(
      filtered,
      isFilterActive(this.filterValue) ? [] : resolved,
      this.modeValue,
      orderedCategories(this.audit.systemType(state).id).map((c) => c.category.id),
      today,
      scanned ? 'Resolved' : 'Triaged, not in the current findings',
    );
    this.parents = new Map();
    const index = (parent: FindingsViewNode, children: readonly FindingsViewNode[]) => {
      for (const c of children) {
        this.parents.set(c.id, parent);
        if (c.kind === 'group') index(c, c.children);
      }
    };
    for (const g of groups) index(g, g.children);
    if (groups.length === 0 && isFilterActive(this.filterValue)) {
      return [{ kind: 'message', id: 'no-match', label: `No finding matches the filter (${rows.length} in all) — click to clear it`, command: { command: 'productionAudit.clearFindingFilters', title: 'Clear Filters' } }];
    }
    return groups;
  }

  getParent(node: FindingsViewNode): FindingsViewNode | undefined {
    return this.parents.get(node.id);
  }

  getTreeItem(node: FindingsViewNode): vscode.TreeItem {
    const state = this.audit.get();
    const today = localDate(new Date());
    switch (node.kind) {
      case 'message': {
        const t = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        t.id = `findings:${node.id}`;
        t.command = node.command;
        t.iconPath = new vscode.ThemeIcon('filter');
        return t;
      }
      case 'group': {
        const expanded = node.level === 'category' || node.level === 'severity' || (this.modeValue === 'file' && node.level === 'file');
        // a file shows its name, with its folder in front of the counts
        const slash = node.level === 'file' ? node.label.lastIndexOf('/') : -1;
        const t = new vscode.TreeItem(slash >= 0 ? node.label.slice(slash + 1) : node.label, node.level === 'resolved' ? vscode.TreeItemCollapsibleState.Collapsed : expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        t.id = `findings:${this.modeValue}:${node.id}`;
        t.description = slash >= 0 ? `${node.label.slice(0, slash)} · ${node.description}` : node.description;
        t.contextValue = `findingGroup.${node.level}`;
        if (node.level === 'severity' && node.severity) t.iconPath = severityIcon(node.severity);
        else if (node.level === 'file' && node.file && state && !node.file.startsWith('(')) t.resourceUri = vscode.Uri.joinPath(state.folder.uri, node.file);
        else if (node.level === 'resolved') {
          t.iconPath = new vscode.ThemeIcon('check-all');
          t.tooltip = state && this.audit.lastScan(state)
            ? 'Triage decisions whose finding the last scan no longer found: fixed in the code, or moved enough to get a new fingerprint. They stay in audit.yaml.'
            : 'Triage decisions whose finding is not among the current results. Run Scan Workspace to see which are really gone.';
        } else if (node.level === 'category') t.iconPath = new vscode.ThemeIcon('symbol-namespace');
        if (node.level === 'file') t.iconPath = vscode.ThemeIcon.File;
        return t;
      }
      case 'resolved': {
        const r = node.resolved;
        const t = new vscode.TreeItem(r.ruleId, vscode.TreeItemCollapsibleState.None);
        t.id = `findings:${this.modeValue}:${node.id}`;
        t.description = `${displayLabel(r.entry.status)}${r.entry.justification ? ` — ${r.entry.justification}` : r.entry.note ? ` — ${r.entry.note}` : ''}`;
        t.tooltip = new vscode.MarkdownString(`\`${r.fingerprint}\`\n\n**${displayLabel(r.entry.status)}**${r.entry.justification ? `\n\n*Justification:* ${r.entry.justification}` : ''}${r.entry.expires ? ` (until ${r.entry.expires})` : ''}${r.entry.note ? `\n\n*Note:* ${r.entry.note}` : ''}${r.entry.by || r.entry.at ? `\n\n*Last change:* ${[r.entry.by, r.entry.at].filter(Boolean).join(', ')}` : ''}`);
        t.iconPath = new vscode.ThemeIcon('pass');
        t.contextValue = 'finding.resolved';
        return t;
      }
      case 'finding':
        return this.findingItem(node, state?.folder, today);
    }
  }

  private findingItem(node: FindingNode, folder: vscode.WorkspaceFolder | undefined, today: string): vscode.TreeItem {
    const r = node.row;
    const line = r.range ? `${r.range.line}: ` : '';
    const t = new vscode.TreeItem(`${line}${r.title}`, vscode.TreeItemCollapsibleState.None);
    t.id = `findings:${this.modeValue}:${node.id}`;
    const status = rowStatus(r);
    const parts: string[] = [];
    if (this.modeValue === 'file') parts.push(r.severity);
    if (status !== 'OPEN') parts.push(statusLabel(status));
    if (r.source === 'manual') parts.push('manual');
    parts.push(firstSentence(r.message));
    t.description = parts.join(' · ');
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${r.severity}** · ${statusLabel(status)}${r.source === 'manual' ? ' · manual finding' : ''}\n\n`);
    md.appendText(r.message);
    md.appendMarkdown(`\n\n\`${locationText(r)}\``);
    if (r.suppressed) md.appendMarkdown(`\n\n*Suppressed in the code:* ${r.suppressed.reason}${r.suppressed.until ? ` (until ${r.suppressed.until})` : ''}`);
    if (r.justification) md.appendMarkdown(`\n\n*Accepted because:* ${r.justification}${r.expires ? ` (until ${r.expires})` : ''}`);
    if (r.note) md.appendMarkdown(`\n\n*Note:* ${r.note}`);
    if (r.by || r.at) md.appendMarkdown(`\n\n*Last change:* ${[r.by, r.at].filter(Boolean).join(', ')}`);
    t.tooltip = md;
    t.iconPath = isOpenRow(r, today) ? severityIcon(r.severity) : new vscode.ThemeIcon(status === 'FIXED' ? 'check' : status === 'SUPPRESSED' ? 'mute' : 'shield');
    t.contextValue = `finding.${r.source}`;
    t.command = folder ? revealCommand(folder, r) : undefined;
    return t;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function firstSentence(s: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(s);
  const first = m?.[1] ?? s;
  return first.length > 120 ? `${first.slice(0, 117)}…` : first;
}
