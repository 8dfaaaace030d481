// The Summary view: the overall rating with its reason, open findings by severity, category
// scores, the last scan, the system type (or the suggestion from package.json, which the auditor
// confirms with a click: it is never applied on its own) and the audit file.
import * as vscode from 'vscode';
import { SEVERITIES } from '../../core/model';
import { CATEGORY_SCORES, displayLabel, type OverallRating } from '../../core/scoring';
import { getSystemType } from '../../core/systemTypes';
import { Commands } from '../commands';
import type { AuditService } from './auditService';
import { severityIcon } from './treeUtil';

export interface SummaryNode {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string | vscode.MarkdownString;
  readonly icon?: vscode.ThemeIcon;
  readonly command?: vscode.Command;
  readonly children?: readonly SummaryNode[];
}

const RATING_ICONS: Readonly<Record<OverallRating, vscode.ThemeIcon>> = {
  PRODUCTION_READY: new vscode.ThemeIcon('verified-filled', new vscode.ThemeColor('testing.iconPassed')),
  CONDITIONALLY_READY: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  NOT_READY: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
};

export class SummaryProvider implements vscode.TreeDataProvider<SummaryNode> {
  private readonly changed = new vscode.EventEmitter<SummaryNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly audit: AuditService) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: SummaryNode): Promise<SummaryNode[]> {
    if (node) return [...(node.children ?? [])];
    const state = await this.audit.ensure();
    if (!state) return [];
    const score = this.audit.score(state);
    const nodes: SummaryNode[] = [];
    if (this.audit.folders().length > 1) {
      nodes.push({ id: 'folder', label: `Folder: ${state.folder.name}`, description: 'click to choose another', icon: new vscode.ThemeIcon('root-folder'), command: { command: Commands.chooseAuditFolder, title: 'Choose Audit Folder' } });
    }
    if (state.problem) {
      nodes.push({
        id: 'problem',
        label: `${this.audit.relative(vscode.Uri.file(state.problem.file))}:${state.problem.line} cannot be used`,
        description: `${state.problem.message} — read-only until fixed`,
        icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
        command: { command: Commands.openAuditFile, title: 'Open File', arguments: [state.problem.line, state.problem.column] },
      });
    }
    nodes.push({ id: 'rating', label: displayLabel(score.rating), description: score.reason, tooltip: `${displayLabel(score.rating)}: ${score.reason}`, icon: RATING_ICONS[score.rating] });
    const open = SEVERITIES.reduce((n, s) => n + score.totals[s], 0);
    nodes.push({
      id: 'open',
      label: 'Open findings',
      description: `${open}`,
      icon: new vscode.ThemeIcon('list-unordered'),
      children: SEVERITIES.map((s) => ({ id: `open.${s}`, label: s, description: `${score.totals[s]}`, icon: severityIcon(s), command: { command: Commands.filterFindings, title: 'Show', arguments: ['severity', [s]] } })),
    });
    nodes.push({
      id: 'categories',
      label: 'Categories',
      description: CATEGORY_SCORES.filter((s) => score.scoreCounts[s] > 0).map((s) => `${score.scoreCounts[s]} ${displayLabel(s)}`).join(' · '),
      icon: new vscode.ThemeIcon('checklist'),
      command: { command: 'productionAudit.checklist.focus', title: 'Show the checklist' },
    });
    const last = this.audit.lastScan(state);
    nodes.push(
      last
        ? { id: 'scan', label: 'Last scan', description: `${formatTime(last.at)} · ${last.filesScanned} file${last.filesScanned === 1 ? '' : 's'}`, icon: new vscode.ThemeIcon('history'), command: { command: Commands.scanWorkspace, title: 'Scan Workspace' }, tooltip: 'Click to scan again.' }
        : { id: 'scan', label: 'Last scan', description: 'none in this window — click to scan', icon: new vscode.ThemeIcon('search'), command: { command: Commands.scanWorkspace, title: 'Scan Workspace' } },
    );
    const type = this.audit.systemType(state);
    const typeTitle = getSystemType(type.id).title;
    const setType: vscode.Command = { command: Commands.setSystemType, title: 'Set System Type…' };
    if (type.source === 'default') {
      nodes.push({ id: 'type', label: 'System type', description: 'none chosen (general order)', icon: new vscode.ThemeIcon('symbol-class'), command: setType });
      const s = state.suggestion;
      if (s && s.type !== 'general') {
        const evidence = s.reasons.map((r) => r.split(' (')[0]).join(', ');
        nodes.push({
          id: 'suggestion',
          label: `Suggested: ${getSystemType(s.type).title} (${evidence})`,
          description: 'click to confirm',
          tooltip: `From the dependencies in package.json: ${s.reasons.join('; ')}. Nothing changes until you pick a system type.`,
          icon: new vscode.ThemeIcon('lightbulb'),
          command: setType,
        });
      }
    } else {
      nodes.push({ id: 'type', label: 'System type', description: `${typeTitle}${type.source === 'config' ? ' (from config.yaml)' : ''}`, icon: new vscode.ThemeIcon('symbol-class'), command: setType, tooltip: 'Orders the checklist categories and sets their tiers. Click to change.' });
    }
    nodes.push({
      id: 'file',
      label: 'Audit file',
      description: state.exists ? this.audit.relative(state.fileUri) : 'not created yet (the first change creates it)',
      icon: new vscode.ThemeIcon('file'),
      command: { command: Commands.openAuditFile, title: 'Open Audit File' },
    });
    return nodes;
  }

  getTreeItem(node: SummaryNode): vscode.TreeItem {
    const t = new vscode.TreeItem(node.label, node.children?.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    t.id = `summary:${node.id}`;
    t.description = node.description;
    t.tooltip = node.tooltip ?? (node.description ? `${node.label}: ${node.description}` : node.label);
    t.iconPath = node.icon;
    t.command = node.command;
    return t;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function formatTime(d: Date): string {
  const now = new Date();
  const sameDay = d.toDateString() === now.toDateString();
  const time = d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return sameDay ? `today ${time}` : `${d.toLocaleDateString()} ${time}`;
}
