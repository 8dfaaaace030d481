import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { ProductionAuditApi } from '../../../src/extension/extension';
import { activateExtension, codeOf, folderUri, ours } from '../helpers';

describe('Production Audit in a multi-root workspace', () => {
  let api: ProductionAuditApi;

  before(async () => {
    api = await activateExtension();
  });

  // a scan saves each folder's findings.json: leave the fixture as it was
  after(() => {
    for (const i of [0, 1]) fs.rmSync(path.join(folderUri(i).fsPath, '.production-audit', 'findings.json'), { force: true });
  });

  it('scans every folder, each with its own config.yaml', async () => {
    assert.equal(vscode.workspace.workspaceFolders?.length, 2);
    const summary = await api.scanWorkspace();
    assert.equal(summary.folders, 2);
    assert.equal(summary.cancelled, false);
    const alpha = ours(vscode.Uri.joinPath(folderUri(0), 'src/client.ts'));
    const beta = ours(vscode.Uri.joinPath(folderUri(1), 'src/client.ts'));
    assert.deepEqual(alpha.map(codeOf), ['missing-timeout']);
    assert.deepEqual(beta.map(codeOf), ['missing-timeout']);
    // alpha keeps the default HIGH (shown as a warning); beta's config lowers the rule to LOW (a hint)
    assert.equal(alpha[0].severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(beta[0].severity, vscode.DiagnosticSeverity.Hint);
    assert.match(beta[0].message, /LOW/);
  });
});
