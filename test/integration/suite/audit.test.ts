// The audit sidebar in the real extension host: the Checklist, Findings and Summary tree providers
// as VS Code calls them, the sidebar's commands as a user runs them (with the answers to their
// prompts passed as arguments), and audit.yaml / findings.json on disk. Waits on the extension's
// events (audit.onDidChange, onDidChangeFindings), never on fixed sleeps. Every file written is
// removed again at the end.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { parseAuditRecord, serializeAuditRecord, type AuditRecord } from '../../../src/core/audit/auditRecord';
import { parseFindings } from '../../../src/core/audit/findingsFile';
import { getCategory, itemsForRule } from '../../../src/core/categories';
import { orderedCategories } from '../../../src/core/systemTypes';
import type { ChecklistNode } from '../../../src/extension/audit/checklistView';
import type { FindingsViewNode } from '../../../src/extension/audit/findingsView';
import type { ProductionAuditApi } from '../../../src/extension/extension';
import { activateExtension, diagnosticsOf, folderUri, openDoc, revertAndClose } from '../helpers';

const dir = () => path.join(folderUri().fsPath, '.production-audit');
const auditFile = () => path.join(dir(), 'audit.yaml');
const findingsFile = () => path.join(dir(), 'findings.json');
const dirExistedAtStart = fs.existsSync(path.join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '/nonexistent', '.production-audit'));

// Scans (here and in the other suites of this run) write findings.json; it is removed after the
// last test of the run, with the folder when the run created it.
after(() => {
  fs.rmSync(findingsFile(), { force: true });
  if (!dirExistedAtStart && fs.existsSync(dir()) && fs.readdirSync(dir()).length === 0) fs.rmdirSync(dir());
});

function readRecord(): AuditRecord {
  const r = parseAuditRecord(fs.readFileSync(auditFile(), 'utf8'), auditFile());
  if (!r.ok) throw new Error(`audit.yaml on disk is invalid: ${JSON.stringify(r.problems)}`);
  return r.record;
}

describe('The audit sidebar', function () {
  let api: ProductionAuditApi;

  /** Resolves when `check` gives a value: checked now and after every audit or findings change; rejects after `ms`. */
  function until<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, ms = 20000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let done = false;
      let running = false;
      let again = false;
      const subs: vscode.Disposable[] = [];
      const finish = (err?: Error, value?: T) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        for (const s of subs) s.dispose();
        if (err) reject(err);
        else resolve(value as T);
      };
      const run = async () => {
        if (done) return;
        if (running) {
          again = true;
          return;
        }
        running = true;
        try {
          do {
            again = false;
            const v = await check();
            if (v) return finish(undefined, v);
          } while (again && !done);
        } catch (e) {
          finish(e as Error);
        } finally {
          running = false;
        }
      };
      const timer = setTimeout(() => finish(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
      subs.push(api.audit.onDidChange(() => void run()), api.onDidChangeFindings(() => void run()));
      void run();
    });
  }

  const checklist = () => api.audit.views.checklist;

  async function categoryNodes(): Promise<Extract<ChecklistNode, { kind: 'category' }>[]> {
    return (await checklist().getChildren()).filter((n): n is Extract<ChecklistNode, { kind: 'category' }> => n.kind === 'category');
  }

  async function itemNode(itemId: string): Promise<Extract<ChecklistNode, { kind: 'item' }>> {
    for (const c of await categoryNodes()) {
      const found = (await checklist().getChildren(c)).find((n) => n.kind === 'item' && n.itemId === itemId);
      if (found?.kind === 'item') return found;
    }
    throw new Error(`no checklist item ${itemId}`);
  }

  const isTicked = async (itemId: string) => checklist().getTreeItem(await itemNode(itemId)).checkboxState === vscode.TreeItemCheckboxState.Checked;

  async function findingLeaves(node?: FindingsViewNode): Promise<Extract<FindingsViewNode, { kind: 'finding' }>[]> {
    const out: Extract<FindingsViewNode, { kind: 'finding' }>[] = [];
    for (const n of await api.audit.views.findings.getChildren(node)) {
      if (n.kind === 'finding') out.push(n);
      else if (n.kind === 'group') out.push(...(await findingLeaves(n)));
    }
    return out;
  }

  const label = (t: vscode.TreeItem) => (typeof t.label === 'string' ? t.label : (t.label?.label ?? ''));

  before(async () => {
    api = await activateExtension();
    assert.equal(fs.existsSync(auditFile()), false, 'the test workspace starts without audit.yaml');
    await api.audit.ready();
  });

  after(() => {
    fs.rmSync(auditFile(), { force: true });
    if (fs.existsSync(dir())) for (const f of fs.readdirSync(dir())) if (/^audit-\d{4}-\d{2}-\d{2}(-\d+)?\.yaml$/.test(f)) fs.rmSync(path.join(dir(), f));
  });

  it('lists the 15 categories in the chosen system type\'s order: e-commerce puts Idempotency first', async () => {
    const general = await categoryNodes();
    assert.equal(general.length, 15);
    assert.deepEqual(
      general.map((n) => label(checklist().getTreeItem(n))),
      orderedCategories('general').map((c) => `${c.position}. ${c.category.title}`),
    );

    assert.equal(await vscode.commands.executeCommand('productionAudit.setSystemType', 'ecommerce'), true);
    const ecommerce = await categoryNodes();
    assert.equal(ecommerce.length, 15);
    const labels = ecommerce.map((n) => label(checklist().getTreeItem(n)));
    assert.equal(labels[0], '1. Idempotency');
    assert.deepEqual(labels, orderedCategories('ecommerce').map((c) => `${c.position}. ${c.category.title}`));
    const first = checklist().getTreeItem(ecommerce[0]!);
    assert.match(String(first.description), /^CRITICAL · NOT ASSESSED · 0\/\d+$/);
    assert.equal(readRecord().systemType, 'ecommerce');
  });

  it('a tick reaches audit.yaml on disk, survives a reload from disk, and a change made on disk shows up', async () => {
    const [first, second] = getCategory('reliability').items;
    const item = await itemNode(first!.id);
    assert.equal(await isTicked(first!.id), false);

    assert.equal(await vscode.commands.executeCommand('productionAudit.toggleItem', item, true), true);
    const onDisk = readRecord().checklist[first!.id];
    assert.equal(onDisk?.checked, true);
    assert.equal(onDisk?.result, 'PASS');
    assert.ok(onDisk?.at, 'the change is stamped');
    // every item is in the file from the first write on (so later ticks on two branches merge)
    assert.ok(Object.keys(readRecord().checklist).length > 60);

    await api.audit.reload(true); // a new store, as a new window would have
    assert.equal(await isTicked(first!.id), true);
    assert.equal(checklist().getTreeItem(await itemNode(first!.id)).description, 'PASS');

    // another auditor (or git) changes the file on disk: the watcher brings it in
    const edited = readRecord();
    edited.checklist[second!.id] = { checked: true, result: 'FAIL', note: 'retries without a cap in the billing job' };
    fs.writeFileSync(auditFile(), serializeAuditRecord(edited));
    await until(async () => (await isTicked(second!.id)) || undefined, 'the tick made on disk to appear');
    assert.equal(checklist().getTreeItem(await itemNode(second!.id)).description, 'FAIL — retries without a cap in the billing job');
    // and it is not undone by our next write
    assert.equal(await vscode.commands.executeCommand('productionAudit.editItemNote', await itemNode(first!.id), 'timeouts checked in the HTTP clients'), true);
    const merged = readRecord();
    assert.equal(merged.checklist[second!.id]?.result, 'FAIL');
    assert.equal(merged.checklist[first!.id]?.note, 'timeouts checked in the HTTP clients');
  });

  it('accepting the risk of a scanner finding takes it out of the open count and updates the category score and the rating', async () => {
    // one assessed item in every category (and no failed item), so the rating depends on the findings alone
    assert.equal(await vscode.commands.executeCommand('productionAudit.setItemResult', await itemNode(getCategory('reliability').items[1]!.id), 'PASS'), true);
    for (const c of await categoryNodes()) {
      const [firstItem] = await checklist().getChildren(c);
      assert.ok(firstItem?.kind === 'item');
      assert.equal(await vscode.commands.executeCommand('productionAudit.setItemResult', firstItem, 'PASS'), true);
    }
    const doc = await openDoc('src/timeouts.ts');
    try {
      await diagnosticsOf(doc, 'missing-timeout');
      const leaf = await until(async () => (await findingLeaves()).find((l) => l.row.ruleId === 'missing-timeout' && l.row.file === 'src/timeouts.ts'), 'the missing-timeout finding in the Findings view');
      const before = api.audit.score()!;
      assert.equal(before.totals.HIGH, 1);
      assert.equal(before.categories.find((c) => c.category === 'reliability')?.score, 'PARTIAL');
      assert.equal(before.rating, 'CONDITIONALLY_READY');
      assert.match(before.reason, /Reliability/);

      // a justification is required: nothing is saved without one
      const textBefore = fs.readFileSync(auditFile());
      assert.equal(await vscode.commands.executeCommand('productionAudit.setFindingStatus', leaf, 'ACCEPTED_RISK', '   '), false);
      assert.ok(fs.readFileSync(auditFile()).equals(textBefore));

      assert.equal(await vscode.commands.executeCommand('productionAudit.setFindingStatus', leaf, 'ACCEPTED RISK', 'the profile service sits behind the mesh deadline', ''), true);
      const after = api.audit.score()!;
      assert.equal(after.totals.HIGH, 0);
      assert.equal(after.categories.find((c) => c.category === 'reliability')?.score, 'PASS');
      assert.equal(after.rating, 'PRODUCTION_READY');
      const triage = readRecord().triage[leaf.row.key];
      assert.equal(triage?.status, 'ACCEPTED_RISK');
      assert.equal(triage?.justification, 'the profile service sits behind the mesh deadline');

      const summary = await api.audit.views.summary.getChildren();
      const rating = api.audit.views.summary.getTreeItem(summary.find((n) => n.id === 'rating')!);
      assert.equal(label(rating), 'PRODUCTION READY');
      assert.equal(api.audit.views.summary.getTreeItem(summary.find((n) => n.id === 'open')!).description, '0');
      const reliability = (await categoryNodes()).find((n) => n.category === 'reliability')!;
      assert.match(String(checklist().getTreeItem(reliability).description), /· PASS ·/);
      const shown = (await findingLeaves()).find((l) => l.row.key === leaf.row.key)!;
      assert.match(String(api.audit.views.findings.getTreeItem(shown).description), /ACCEPTED RISK/);

      // back to OPEN: open again, and the justification goes
      assert.equal(await vscode.commands.executeCommand('productionAudit.setFindingStatus', shown, 'OPEN'), true);
      assert.equal(api.audit.score()!.totals.HIGH, 1);
      assert.equal(readRecord().triage[leaf.row.key]?.justification, undefined);
    } finally {
      await revertAndClose(doc);
    }
  });

  it('a manual finding from an editor selection keeps the selection as its location and evidence', async () => {
    const doc = await openDoc('src/orders.ts');
    try {
      const editor = vscode.window.activeTextEditor!;
      editor.selection = new vscode.Selection(6, 2, 9, 3);
      const id = await vscode.commands.executeCommand<string>('productionAudit.addManualFinding', {
        title: 'Order names are loaded one query per order',
        severity: 'HIGH',
        category: 'throughput',
        description: 'customerNames runs one findFirst per order id.',
        evidence: '',
        impact: 'A page of 500 orders makes 500 queries.',
        recommendation: 'Load the orders with findMany and an IN list.',
        effort: '2h',
        status: 'OPEN',
      });
      assert.match(id ?? '', /^M-[0-9a-f]{8}$/);
      const f = readRecord().findings.find((x) => x.id === id)!;
      assert.deepEqual(f.location, { file: 'src/orders.ts', line: 7, column: 3, endLine: 10, endColumn: 4 });
      assert.equal(f.evidence, doc.getText(editor.selection));
      const leaf = (await findingLeaves()).find((l) => l.row.key === id);
      assert.ok(leaf, 'the manual finding is in the Findings view');
      const md = await vscode.commands.executeCommand<string>('productionAudit.copyFindingAsMarkdown', leaf);
      assert.equal(await vscode.env.clipboard.readText(), md);
      assert.match(md, /Effort:\*\* 2h/);
    } finally {
      await revertAndClose(doc);
    }
  });

  it('a corrupt audit.yaml is shown with its line, stays byte-identical whatever the sidebar tries, and the sidebar resumes when it is fixed', async () => {
    const good = fs.readFileSync(auditFile(), 'utf8');
    const [first] = getCategory('reliability').items;
    assert.equal(await isTicked(first!.id), true);
    const at = good.indexOf('result: PASS');
    assert.ok(at > 0);
    const line = good.slice(0, at).split('\n').length;
    const corrupt = `${good.slice(0, at)}result: MAYBE${good.slice(at + 'result: PASS'.length)}`;
    fs.writeFileSync(auditFile(), corrupt);
    const bytes = fs.readFileSync(auditFile());
    try {
      const problem = await until(() => api.audit.problem, 'the sidebar to notice the invalid audit.yaml');
      assert.equal(problem.line, line);
      assert.ok(api.audit.lastError?.includes(`audit.yaml:${line}:`), api.audit.lastError);
      const top = await checklist().getChildren();
      assert.equal(top[0]?.kind, 'problem', 'the checklist says the file cannot be used');
      assert.equal(await isTicked(first!.id), true, 'the last good state stays on screen');

      const item = await itemNode(first!.id);
      const attempts: [string, ...unknown[]][] = [
        ['productionAudit.toggleItem', item, false],
        ['productionAudit.setItemResult', item, 'FAIL'],
        ['productionAudit.editItemNote', item, 'overwritten?'],
        ['productionAudit.setSystemType', 'saas'],
        ['productionAudit.startNewAudit', true],
      ];
      for (const [command, ...args] of attempts) {
        const shown: string[] = [];
        const sub = api.audit.onDidShowError((m) => shown.push(m));
        try {
          const result = await vscode.commands.executeCommand(command, ...args);
          assert.ok(result === false || result === undefined, `${command} reported success`);
        } finally {
          sub.dispose();
        }
        assert.ok(fs.readFileSync(auditFile()).equals(bytes), `${command} changed the file`);
        assert.ok(shown.some((m) => m.includes(`audit.yaml:${line}:`)), `${command} showed no error naming the line: ${shown.join(' | ')}`);
      }
      assert.deepEqual(fs.readdirSync(dir()).filter((f) => f.startsWith('audit-')), [], 'no archive copy was made');
    } finally {
      fs.writeFileSync(auditFile(), good);
    }
    await until(() => api.audit.problem === undefined, 'the sidebar to resume on the fixed file');
    assert.notEqual((await checklist().getChildren())[0]?.kind, 'problem');
    assert.equal(await vscode.commands.executeCommand('productionAudit.toggleItem', await itemNode(first!.id), false), true);
    assert.equal(readRecord().checklist[first!.id]?.checked, false);
  });

  it('after a scan: findings.json is written, items show their evidence or how many files were scanned, gone triage is "Resolved"', async () => {
    assert.equal(
      await vscode.commands.executeCommand('productionAudit.toggleItem', await itemNode(getCategory('recovery').items[0]!.id), true),
      true,
    );
    const record = readRecord();
    record.triage['n-plus-one:00000000deadbeef'] = { status: 'FIXED', note: 'batched last sprint' };
    fs.writeFileSync(auditFile(), serializeAuditRecord(record));
    await until(() => api.audit.views.findings.getChildren().then((gs) => gs.some((g) => g.kind === 'group' && g.level === 'resolved')), 'the triaged fingerprint to be listed');

    const summary = await api.scanWorkspace();
    assert.equal(summary.cancelled, false);
    const doc = parseFindings(fs.readFileSync(findingsFile(), 'utf8'), findingsFile());
    assert.equal(doc.filesScanned, summary.filesScanned);
    assert.equal(doc.findings.length, summary.findings);
    assert.ok(doc.rulesRun.includes('unbounded-retry'), doc.rulesRun.join(', '));
    assert.ok(doc.findings.some((f) => f.ruleId === 'unbounded-retry' && f.file === 'src/retry.ts'));

    const retryItem = itemsForRule('unbounded-retry')[0]!;
    const evidence = await checklist().getChildren(await itemNode(retryItem.id));
    assert.ok(evidence.some((e) => e.kind === 'evidence' && e.row.file === 'src/retry.ts'), 'the retry finding is evidence against its item');
    const evidenceItem = checklist().getTreeItem(evidence.find((e) => e.kind === 'evidence')!);
    assert.equal(evidenceItem.command?.command, 'vscode.open');

    // no hardcoded secret in the test workspace: its item says how much was looked at
    assert.ok(!doc.findings.some((f) => f.ruleId === 'hardcoded-secret'));
    const [none] = await checklist().getChildren(await itemNode(itemsForRule('hardcoded-secret')[0]!.id));
    assert.equal(label(checklist().getTreeItem(none!)), `0 findings in ${summary.filesScanned} files scanned`);

    const groups = await api.audit.views.findings.getChildren();
    const resolved = groups.find((g) => g.kind === 'group' && g.level === 'resolved');
    assert.ok(resolved && resolved.kind === 'group');
    assert.equal(api.audit.views.findings.getTreeItem(resolved).label, 'Resolved');
    assert.deepEqual(resolved.children.map((c) => (c.kind === 'resolved' ? c.resolved.fingerprint : '')), ['n-plus-one:00000000deadbeef']);

    // filters: by rule, shown in the view's description; cleared again
    assert.equal(await vscode.commands.executeCommand('productionAudit.filterFindings', 'rule', ['unbounded-retry']), true);
    const filtered = await findingLeaves();
    assert.ok(filtered.length > 0 && filtered.every((l) => l.row.ruleId === 'unbounded-retry'));
    assert.match(api.audit.views.findingsView.description ?? '', /unbounded-retry/);
    assert.equal(await vscode.commands.executeCommand('productionAudit.clearFindingFilters'), true);
    assert.ok((await findingLeaves()).length > filtered.length);
  });

  it('Start New Audit keeps a dated copy and clears the ticks, not the triage', async () => {
    const beforeText = fs.readFileSync(auditFile(), 'utf8');
    assert.ok(Object.values(readRecord().checklist).some((e) => e.checked));
    assert.equal(await vscode.commands.executeCommand('productionAudit.startNewAudit', true), true);
    const copies = fs.readdirSync(dir()).filter((f) => /^audit-\d{4}-\d{2}-\d{2}(-\d+)?\.yaml$/.test(f));
    assert.equal(copies.length, 1);
    assert.equal(fs.readFileSync(path.join(dir(), copies[0]!), 'utf8'), beforeText);
    const now = readRecord();
    assert.ok(Object.values(now.checklist).every((e) => !e.checked && e.result === 'NOT_ASSESSED'));
    assert.equal(now.triage['n-plus-one:00000000deadbeef']?.status, 'FIXED');
    assert.equal(now.systemType, 'ecommerce');
  });
});
