import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { ProductionAuditApi } from '../../../src/extension/extension';
import { activateExtension, codeOf, diagnosticsOf, folderUri, noDiagnostics, openDoc, ours, replaceText, revertAndClose, waitForDiagnostics } from '../helpers';

describe('Production Audit in a real VS Code', function () {
  let api: ProductionAuditApi;

  before(async () => {
    api = await activateExtension();
  });

  it('activates and reports its activation time', () => {
    console.log(`activate() took ${api.activationMs.toFixed(1)} ms`);
    assert.equal(vscode.extensions.getExtension('production-audit.production-audit')?.isActive, true);
  });

  it('shows a missing-timeout diagnostic with code, link, source and category', async () => {
    const doc = await openDoc('src/timeouts.ts');
    const [d] = await diagnosticsOf(doc, 'missing-timeout');
    assert.equal(d.source, 'Production Audit');
    assert.equal(d.range.start.line, 1);
    assert.equal(doc.getText(d.range).startsWith('fetch'), true, doc.getText(d.range));
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(typeof d.code === 'object' && d.code.target.path.endsWith('docs/rules/missing-timeout.md'));
    assert.match(d.message, /Reliability/);
  });

  it('points an N+1 at its loop with related information', async () => {
    const doc = await openDoc('src/orders.ts');
    const [d] = await diagnosticsOf(doc, 'n-plus-one');
    assert.equal(d.range.start.line, 7);
    assert.equal(d.relatedInformation?.length, 1);
    assert.equal(d.relatedInformation![0].location.range.start.line, 6);
    assert.equal(d.relatedInformation![0].location.uri.toString(), doc.uri.toString());
  });

  it('hover explains the finding: title, category, why, how to fix, docs link', async () => {
    const doc = await openDoc('src/timeouts.ts');
    const [d] = await diagnosticsOf(doc, 'missing-timeout');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, d.range.start.translate(0, 1));
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
      .join('\n');
    assert.match(text, /Reliability/);
    assert.match(text, /Why it matters in production/);
    assert.match(text, /How to fix/);
    assert.match(text, /productionAudit\.showRuleDocs/);
  });

  it('typing a fix clears the diagnostic (from the unsaved text)', async () => {
    const doc = await openDoc('src/timeouts.ts');
    await diagnosticsOf(doc, 'missing-timeout');
    await replaceText(doc, doc.getText().replace('fetch(url)', 'fetch(url, { signal: AbortSignal.timeout(2000) })'));
    assert.equal(doc.isDirty, true);
    await noDiagnostics(doc, 'missing-timeout');
    await revertAndClose(doc);
  });

  it('quick fix adds signal: AbortSignal.timeout(10000) to fetch and the diagnostic goes', async () => {
    const doc = await openDoc('src/timeouts.ts');
    const [d] = await diagnosticsOf(doc, 'missing-timeout');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => /Suppress missing-timeout here with a reason/.test(t)), titles.join(' | '));
    assert.ok(titles.some((t) => /Show documentation for missing-timeout/.test(t)), titles.join(' | '));
    const fix = actions.find((a) => a.title === 'Add signal: AbortSignal.timeout(10000)');
    assert.ok(fix?.edit, titles.join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.getText(), /fetch\(url, \{ signal: AbortSignal\.timeout\(10000\) \}\)/);
    await noDiagnostics(doc, 'missing-timeout');
    await revertAndClose(doc);
  });

  it('quick fix logs and rethrows a swallowed exception, naming a binding for a bare catch', async () => {
    const doc = await openDoc('src/swallow.ts');
    const [d] = await diagnosticsOf(doc, 'swallowed-exception');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Log the error and rethrow it');
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.getText(), /catch \(error\) \{\s*console\.error\(error\);\s*throw error;\s*\}/);
    await noDiagnostics(doc, 'swallowed-exception');
    await revertAndClose(doc);
  });

  it('suppress with a reason inserts the comment and removes the diagnostic', async () => {
    const doc = await openDoc('src/timeouts.ts');
    const [d] = await diagnosticsOf(doc, 'missing-timeout');
    const ok = await vscode.commands.executeCommand<boolean>('productionAudit.suppressFinding', doc.uri, 'missing-timeout', d.range.start.line + 1, 'profile service answers within 100 ms behind the mesh');
    assert.equal(ok, true);
    assert.match(doc.lineAt(1).text, /^ {2}\/\/ prodaudit-ignore-next-line missing-timeout -- profile service answers within 100 ms behind the mesh$/);
    await noDiagnostics(doc, 'missing-timeout');
    await revertAndClose(doc);
  });

  it('a settings override that turns a rule off removes its diagnostics, and back on restores them', async () => {
    const doc = await openDoc('src/timeouts.ts');
    await diagnosticsOf(doc, 'missing-timeout');
    const cfg = vscode.workspace.getConfiguration('productionAudit');
    await cfg.update('rules.overrides', { 'missing-timeout': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await noDiagnostics(doc, 'missing-timeout');
    } finally {
      await cfg.update('rules.overrides', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnosticsOf(doc, 'missing-timeout');
  });

  it('an invalid config.yaml is shown as an error on that file, and fixing it brings the rules back', async () => {
    const cfgDir = path.join(folderUri().fsPath, '.production-audit');
    const cfgFile = path.join(cfgDir, 'config.yaml');
    const doc = await openDoc('src/timeouts.ts');
    await diagnosticsOf(doc, 'missing-timeout');
    fs.mkdirSync(cfgDir, { recursive: true });
    fs.writeFileSync(cfgFile, 'version: 1\nrules:\n  no-such-rule: off\n');
    const cfgUri = vscode.Uri.file(cfgFile);
    try {
      const [problem] = await waitForDiagnostics(() => {
        const d = ours(cfgUri);
        return d.length ? d : undefined;
      }, 'a diagnostic on config.yaml');
      assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(problem.range.start.line, 2);
      assert.match(problem.message, /no-such-rule/);
      await noDiagnostics(doc, 'missing-timeout');
    } finally {
      fs.rmSync(cfgDir, { recursive: true, force: true });
    }
    await waitForDiagnostics(() => ours(cfgUri).length === 0, 'config.yaml diagnostics cleared');
    await diagnosticsOf(doc, 'missing-timeout');
  });

  describe('workspace scan', () => {
    const generated = () => path.join(folderUri().fsPath, 'src', 'generated');

    after(() => fs.rmSync(generated(), { recursive: true, force: true }));

    it('puts diagnostics on files that are not open, and skips clean files (split over two workers)', async () => {
      const cfg = vscode.workspace.getConfiguration('productionAudit', folderUri());
      await cfg.update('scan.workers', 2, vscode.ConfigurationTarget.Workspace);
      let summary;
      try {
        summary = await api.scanWorkspace();
      } finally {
        await cfg.update('scan.workers', undefined, vscode.ConfigurationTarget.Workspace);
      }
      assert.equal(summary.workers, 2);
      assert.equal(summary.cancelled, false);
      assert.ok(summary.filesScanned >= 5, `scanned ${summary.filesScanned}`);
      const retry = vscode.Uri.joinPath(folderUri(), 'src/retry.ts');
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === retry.toString()));
      // the retry loop never gives up, and its catch drops the error without a trace
      assert.deepEqual(ours(retry).map(codeOf).sort(), ['swallowed-exception', 'unbounded-retry']);
      assert.deepEqual(ours(vscode.Uri.joinPath(folderUri(), 'src/clean.ts')), []);
    });

    it('can be cancelled: the worker stops promptly and what was found so far stays', async () => {
      fs.mkdirSync(generated(), { recursive: true });
      const body = fs.readFileSync(path.join(folderUri().fsPath, 'src/timeouts.ts'), 'utf8');
      for (let i = 0; i < 1500; i++) fs.writeFileSync(path.join(generated(), `client${String(i).padStart(4, '0')}.ts`), body.repeat(20).replace(/loadProfile/g, (m, off) => `${m}${off}`));
      const source = new vscode.CancellationTokenSource();
      const sub = api.onDidChangeFindings(() => {
        const hasGenerated = vscode.languages.getDiagnostics().some(([uri, ds]) => uri.path.includes('/generated/') && ds.length > 0);
        if (hasGenerated) source.cancel();
      });
      try {
        const summary = await api.scanWorkspace(source.token);
        assert.equal(summary.cancelled, true);
        assert.ok(summary.filesScanned < 1500, `scanned ${summary.filesScanned} files before stopping`);
        const kept = vscode.languages.getDiagnostics().filter(([uri, ds]) => uri.path.includes('/generated/') && ds.length > 0);
        assert.ok(kept.length > 0, 'findings from before the cancellation are kept');
      } finally {
        sub.dispose();
      }
      // the worker comes back for the next request
      const doc = await openDoc('src/swallow.ts');
      await diagnosticsOf(doc, 'swallowed-exception');
    });
  });
});
