import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension, folderUri } from '../helpers';

describe('Export Report in a real VS Code', () => {
  before(async () => {
    await activateExtension();
  });

  const target = (name: string) => vscode.Uri.joinPath(folderUri(), '.production-audit', 'reports', name);

  it('exports the audit as Markdown after a scan, with findings, the 15-row matrix and the rating', async () => {
    const uri = target('export-test.md');
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri>('productionAudit.exportReport', { format: 'markdown', target: uri, scanIfMissing: true });
      assert.equal(written?.toString(), uri.toString());
      const text = fs.readFileSync(uri.fsPath, 'utf8');
      assert.match(text, /missing-timeout/);
      assert.match(text, /src\/timeouts\.ts/);
      for (const title of ['Security', 'Reliability', 'Throughput', 'Idempotency', 'Human Error']) assert.match(text, new RegExp(`\\| ${title} \\|`));
      assert.match(text, /NOT READY|CONDITIONALLY READY|PRODUCTION READY/);
    } finally {
      fs.rmSync(uri.fsPath, { force: true });
    }
  });

  it('exports SARIF 2.1.0 with relative locations and fingerprints', async () => {
    const uri = target('export-test.sarif');
    try {
      await vscode.commands.executeCommand('productionAudit.exportReport', { format: 'sarif', target: uri, scanIfMissing: true });
      const log = JSON.parse(fs.readFileSync(uri.fsPath, 'utf8'));
      assert.equal(log.version, '2.1.0');
      assert.equal(log.runs.length, 1);
      const results = log.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; partialFingerprints: Record<string, string> }[];
      assert.ok(results.some((r) => r.ruleId === 'missing-timeout' && r.locations[0].physicalLocation.artifactLocation.uri === 'src/timeouts.ts'));
      for (const r of results) {
        assert.ok(!path.isAbsolute(r.locations[0].physicalLocation.artifactLocation.uri));
        assert.ok(Object.keys(r.partialFingerprints).length > 0);
      }
    } finally {
      fs.rmSync(uri.fsPath, { force: true });
    }
  });
});
