// `production-audit probes [path]`: the workspace probes (facts read from files) with their
// evidence, as text or JSON. Informational: the exit code is 0 whatever the probes report.
import { statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../core/audit/config';
import { runProbes, type ProbeOutcome, type ProbeStatus } from '../core/probes';
import { knownRules, SYSTEM_TYPE_IDS, TOOL } from '../core/toolInfo';
import { UsageError, type ProbesArgs } from './args';
import type { CliIO } from './main';

const COLORS: Record<ProbeStatus, string> = { pass: '\x1b[32m', fail: '\x1b[31m', unknown: '\x1b[33m' };
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

export function runProbesCommand(args: ProbesArgs, io: CliIO): number {
  const root = path.resolve(io.cwd, args.path);
  let isDir = false;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    throw new UsageError(`path not found: ${args.path}`);
  }
  if (!isDir) throw new UsageError(`probes looks at a workspace folder, and ${args.path} is a file`);
  // the folder's own config.yaml (if any) adds its excludes, as for a scan
  const config = loadConfig(root, { knownRules: knownRules(), systemTypeIds: SYSTEM_TYPE_IDS });
  const results = runProbes(root, { exclude: config.exclude });
  if (args.format === 'json') {
    io.stdout(renderProbesJson(results, path.relative(io.cwd, root).split(path.sep).join('/') || '.'));
  } else {
    io.stdout(renderProbesText(results, args.path, io.stdoutIsTTY && !process.env.NO_COLOR));
  }
  return 0;
}

export function renderProbesJson(results: readonly ProbeOutcome[], root: string): string {
  const doc = {
    tool: { name: TOOL.name, version: TOOL.version },
    root,
    probes: results.map((r) => ({ id: r.id, title: r.title, category: r.category, items: r.items, status: r.status, summary: r.summary, evidence: r.evidence })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

export function renderProbesText(results: readonly ProbeOutcome[], shownRoot: string, color: boolean): string {
  const c = (code: string, text: string) => (color ? `${code}${text}${RESET}` : text);
  const lines = [`Workspace probes for ${shownRoot}`, ''];
  const indent = ' '.repeat(10);
  for (const r of results) {
    lines.push(`${c(COLORS[r.status], r.status.toUpperCase().padEnd(9))} ${r.title} ${c(DIM, `(${r.id})`)}`);
    lines.push(`${indent}${r.summary}`);
    for (const e of r.evidence) {
      const where = e.file ? `${e.file}${e.line ? `:${e.line}` : ''}  ` : '';
      lines.push(`${indent}- ${where}${e.detail}`);
    }
    lines.push('');
  }
  const count = (s: ProbeStatus) => results.filter((r) => r.status === s).length;
  lines.push(`${results.length} probe${results.length === 1 ? '' : 's'}: ${count('pass')} pass, ${count('fail')} fail, ${count('unknown')} unknown`);
  return lines.join('\n') + '\n';
}
