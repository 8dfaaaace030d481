// Hover on a flagged range: the rule's title, category, why it matters, how to fix, and its page.
import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import { getCategoryTitle } from './categoryTitles';
import { Commands } from './commands';
import { toRange } from './diagnostics';
import type { WorkerClient } from './workerClient';

export class ProductionAuditHover implements vscode.HoverProvider {
  constructor(
    private readonly analysis: AnalysisService,
    private readonly worker: WorkerClient,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const list = this.analysis.findings.get(document.uri.toString()) ?? [];
    const hits = list.map((s) => s.finding).filter((f) => !f.suppression && toRange(f).contains(position));
    if (!hits.length) return undefined;
    const rules = await this.worker.rules().catch(() => []);
    const parts: vscode.MarkdownString[] = [];
    for (const f of hits) {
      const rule = rules.find((r) => r.id === f.ruleId);
      const md = new vscode.MarkdownString(undefined, true);
      md.isTrusted = { enabledCommands: [Commands.showRuleDocs] };
      md.appendMarkdown(`**${rule?.title ?? f.ruleId}** — ${getCategoryTitle(f.category)} · ${f.severity}\n\n`);
      if (rule) {
        md.appendMarkdown(`**Why it matters in production.** ${rule.why}\n\n`);
        md.appendMarkdown(`**How to fix.** ${rule.fix}\n\n`);
      }
      const args = encodeURIComponent(JSON.stringify([f.ruleId]));
      md.appendMarkdown(`[Rule documentation: ${f.ruleId}](command:${Commands.showRuleDocs}?${args})`);
      parts.push(md);
    }
    return new vscode.Hover(parts, toRange(hits[0]));
  }
}
