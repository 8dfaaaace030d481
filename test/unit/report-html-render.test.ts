// Opens the HTML report in headless Chromium (Debian's `chromium`, or CHROMIUM_PATH) and saves a
// screenshot in test-artifacts/. Skipped, with a note, on a machine without Chromium.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { renderHtml } from '../../src/core/report/html';
import type { ReportFinding, ReportInput } from '../../src/core/report/types';

const ARTIFACTS = path.resolve(__dirname, '../../../test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function finding(ruleId: string, file: string, line: number, extra: Partial<ReportFinding> = {}): ReportFinding {
  return {
    ruleId,
    category: 'reliability',
    severity: 'HIGH',
    message: `Finding of ${ruleId}: what is wrong, why it matters, what to do.`,
    file,
    line,
    column: 3,
    endLine: line,
    endColumn: 20,
    symbol: '',
    fingerprint: `${ruleId}@${file}:${line}`,
    related: [],
    ...extra,
  };
}

function input(): ReportInput {
  return {
    date: '2026-03-15',
    system: 'Checkout Service',
    tool: { name: 'production-audit', fullName: 'Production Audit', version: '0.0.0-test', informationUri: 'https://example.com' },
    scope: { folders: ['checkout'], filesScanned: 12, rulesRun: ['missing-timeout', 'sql-injection', 'swallowed-exception'] },
    snippets: {
      'src/db/users.ts': 'export async function findUser(req) {\n  const name = req.query.name;\n  return db.query(`SELECT * FROM users WHERE name = \'${name}\'`); // <img src=x onerror=alert(1)>\n}\n',
    },
    findings: [
      finding('sql-injection', 'src/db/users.ts', 3, { category: 'security', severity: 'CRITICAL', message: 'Query built from input </script><script>alert(1)</script>' }),
      finding('missing-timeout', 'src/http/client.ts', 10),
      finding('missing-timeout', 'src/http/pay.ts', 22),
      finding('swallowed-exception', 'src/jobs/sync.ts', 40, { suppression: { kind: 'inline', reason: 'Best effort.' } }),
      finding('unbounded-retry', 'src/jobs/retry.ts', 3, { severity: 'MEDIUM' }),
    ],
    checklist: { 'security.no-secrets-in-source': { result: 'PASS', note: 'Vault in use.' } },
  };
}

describe('the HTML report in Chromium', () => {
  it('renders the 15 matrix rows without console errors, requests or dialogs', async (t) => {
    if (!existsSync(CHROMIUM)) {
      t.skip(`no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
      return;
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, 'report.html');
    writeFileSync(file, renderHtml(input()));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1024, height: 1400 } });
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${String(e)}`));
      page.on('dialog', (d) => {
        problems.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

      assert.equal(await page.locator('#scoring-matrix tbody tr').count(), 15);
      assert.equal(await page.locator('#scoring-matrix tfoot .rating').innerText(), 'NOT READY');
      assert.equal(await page.locator('svg.chart').count(), 1);
      assert.ok((await page.locator('svg.chart').boundingBox())!.height > 100, 'the chart is drawn');
      assert.equal(await page.locator('script, img, iframe, object, embed').count(), 0);
      assert.match(await page.locator('#finding-1').innerText(), /<\/script><script>alert\(1\)<\/script>/, 'the hostile message shows as text');
      assert.deepEqual(requests, [pathToFileURL(file).href], 'no request besides the file itself');
      assert.deepEqual(problems, []);

      const shot = path.join(ARTIFACTS, 'report-html.png');
      await page.screenshot({ path: shot, fullPage: true });
      assert.ok(statSync(shot).size > 10_000, 'a screenshot with content');
    } finally {
      await browser.close();
    }
  });
});
