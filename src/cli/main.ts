// `production-audit`: the command-line twin of the extension. Thin: argument parsing, the core
// engine, an output format, an exit code. Errors are one line on stderr and exit code 2.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditRecord } from '../core/audit/auditRecord';
import { AuditStore } from '../core/audit/auditStore';
import { CONFIG_DIR, CONFIG_FILE, loadConfig, type FailOn, type ProductionAuditConfig } from '../core/audit/config';
import { FileProblemError } from '../core/audit/fileProblems';
import { buildFindingsDocument, meetsFailOn, readFindingsFile, serializeFindings, writeFindingsFile } from '../core/audit/findingsFile';
import { renderReport } from '../core/report/assemble';
import { scan } from '../core/engine/scanner';
import { isCategoryId, type CategoryId, type Finding } from '../core/model';
import { RULES, RULE_IDS } from '../core/rules/registry';
import { knownRules, SYSTEM_TYPE_IDS, TOOL } from '../core/toolInfo';
import { HELP, parseCli, UsageError, type ExportArgs, type ScanArgs } from './args';
import { runProbesCommand } from './probesCommand';
import { renderText } from './textReport';

export interface CliIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stderrIsTTY: boolean;
  stdoutIsTTY: boolean;
}

/** Runs the CLI and returns its exit code (never calls process.exit, so tests can run it in-process). */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  try {
    const args = parseCli(argv);
    switch (args.command) {
      case 'help':
        io.stdout(HELP + '\n');
        return 0;
      case 'version':
        io.stdout(`${TOOL.version}\n`);
        return 0;
      case 'rules':
        io.stdout(renderRules(args.format));
        return 0;
      case 'scan':
        return await runScan(args, io);
      case 'export':
        return await runExport(args, io);
      case 'probes':
        return runProbesCommand(args, io);
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof FileProblemError) {
      io.stderr(`production-audit: ${oneLine(err.message)}\n`);
      return 2;
    }
    io.stderr(`production-audit: internal error: ${oneLine((err as Error).message)}\n`);
    return 2;
  }
}

function oneLine(message: string): string {
  const lines = message.split('\n').filter(Boolean);
  return lines.length <= 1 ? message : `${lines[0]} (and ${lines.length - 1} more problem${lines.length > 2 ? 's' : ''})`;
}

function renderRules(format: 'text' | 'json'): string {
  if (format === 'json') {
    return JSON.stringify(RULES.map((r) => ({ id: r.id, category: r.category, severity: r.defaultSeverity, title: r.title, summary: r.docs.summary })), null, 2) + '\n';
  }
  return RULES.map((r) => `${r.id.padEnd(28)} ${r.defaultSeverity.padEnd(9)} ${r.category.padEnd(15)} ${r.title}`).join('\n') + '\n';
}

/** The config to use: --config, else .production-audit/config.yaml in the working directory, else in the first scanned folder. */
function resolveConfig(args: ScanArgs, cwd: string): ProductionAuditConfig {
  const opts = { knownRules: knownRules(), systemTypeIds: SYSTEM_TYPE_IDS };
  if (args.config) {
    const explicit = path.resolve(cwd, args.config);
    if (!existsSync(explicit)) throw new UsageError(`config file not found: ${args.config}`);
    return loadConfig(cwd, { ...opts, explicitPath: explicit });
  }
  if (existsSync(path.join(cwd, CONFIG_DIR, CONFIG_FILE))) return loadConfig(cwd, opts);
  const first = path.resolve(cwd, args.paths[0]);
  if (args.paths.length === 1 && isDirectory(first) && existsSync(path.join(first, CONFIG_DIR, CONFIG_FILE))) return loadConfig(first, opts);
  return loadConfig(cwd, opts);
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function readBaseline(file: string, cwd: string): Set<string> {
  const abs = path.resolve(cwd, file);
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(abs, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `baseline file not found: ${file}` : `baseline file ${file} is not valid JSON: ${(err as Error).message}`);
  }
  const findings = (doc as { findings?: unknown }).findings;
  if (!Array.isArray(findings)) throw new UsageError(`baseline file ${file} has no "findings" array (expected an earlier --format json output)`);
  return new Set(findings.map((f) => (f as { fingerprint?: unknown }).fingerprint).filter((x): x is string => typeof x === 'string'));
}

async function runScan(args: ScanArgs, io: CliIO): Promise<number> {
  for (const p of args.paths) {
    if (!existsSync(path.resolve(io.cwd, p))) throw new UsageError(`path not found: ${p}`);
  }
  if (args.rules) {
    const unknown = args.rules.filter((r) => !RULE_IDS.has(r));
    if (unknown.length) throw new UsageError(`unknown rule id: ${unknown.join(', ')} (see \`production-audit rules\`)`);
  }
  const config = resolveConfig(args, io.cwd);
  const output = args.output ? path.resolve(io.cwd, args.output) : undefined;
  if (output && isDirectory(output)) throw new UsageError(`--output ${args.output} is a folder; give a file name`);
  const baseline = args.baseline ? readBaseline(args.baseline, io.cwd) : undefined;
  const failOn: FailOn = args.failOn ?? config.failOn;
  const progress = io.stderrIsTTY && args.format === 'text' && !args.output;
  const result = scan({
    root: io.cwd,
    paths: args.paths,
    config,
    only: args.rules,
    onProgress: progress ? (done, total) => io.stderr(`\rscanning ${done}/${total} files…`) : undefined,
  });
  if (progress) io.stderr('\r\x1b[K');

  const findings: (Finding & { baseline?: boolean })[] = result.findings.map((f) => (baseline?.has(f.fingerprint) && !f.suppression ? { ...f, baseline: true } : f));
  const failed = isFailing(findings, failOn);
  const doc = buildFindingsDocument(result.findings, {
    tool: { name: TOOL.name, version: TOOL.version },
    root: '.',
    filesScanned: result.files.length,
    rulesRun: result.rulesRun,
    errors: result.errors,
    skipped: result.skipped,
    failOn,
    baseline,
  });
  if (args.save) await writeFindingsFile(configRoot(config, io.cwd), doc);
  let text: string;
  if (args.format === 'json') {
    text = serializeFindings(doc);
  } else if (args.format === 'text') {
    text = renderText({
      findings,
      errors: result.errors,
      skipped: result.skipped,
      filesScanned: result.files.length,
      verbose: args.verbose,
      quiet: args.quiet,
      color: !args.output && io.stdoutIsTTY && !process.env.NO_COLOR,
    });
  } else {
    const record = await loadAuditRecord(io.cwd);
    text = renderReport(args.format, { root: io.cwd, scan: doc, record, configSystemType: config.systemType, date: today() });
  }
  writeOutput(text, output, io);
  return failed ? 1 : 0;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function writeOutput(text: string, output: string | undefined, io: CliIO): void {
  if (!output) {
    io.stdout(text);
    return;
  }
  mkdirSync(path.dirname(output), { recursive: true });
  writeFileSync(output, text);
}

/** The folder whose .production-audit/ the config came from (where --save writes findings.json). */
function configRoot(config: ProductionAuditConfig, cwd: string): string {
  return config.source ? path.dirname(path.dirname(config.source)) : cwd;
}

async function loadAuditRecord(root: string): Promise<AuditRecord | undefined> {
  const loaded = await AuditStore.forWorkspace(root).load();
  if (!loaded.ok) throw new UsageError(`${loaded.error.file}:${loaded.error.line}:${loaded.error.column}: ${loaded.error.message}`);
  return loaded.exists ? loaded.record : undefined;
}

/** `export`: renders a report from the saved .production-audit/ files, without scanning. */
async function runExport(args: ExportArgs, io: CliIO): Promise<number> {
  const root = path.resolve(io.cwd, args.root);
  if (!isDirectory(root)) throw new UsageError(`--root ${args.root} is not a folder`);
  if (args.scope && !isCategoryId(args.scope)) throw new UsageError(`--category must be a category id such as reliability or idempotency (got "${args.scope}")`);
  const scan = await readFindingsFile(root);
  if (!scan) throw new UsageError(`no saved scan in ${path.join(args.root, '.production-audit', 'findings.json')}; run \`production-audit scan --save\` (or Scan Workspace in VS Code) first`);
  const record = await loadAuditRecord(root);
  let configSystemType: string | undefined;
  try {
    configSystemType = loadConfig(root, { knownRules: knownRules(), systemTypeIds: SYSTEM_TYPE_IDS }).systemType;
  } catch {
    // the report does not need the config; a broken config is reported by `scan`
  }
  const output = args.output ? path.resolve(io.cwd, args.output) : undefined;
  if (output && isDirectory(output)) throw new UsageError(`--output ${args.output} is a folder; give a file name`);
  writeOutput(renderReport(args.format, { root, scan, record, configSystemType, date: today(), category: args.scope as CategoryId | undefined }), output, io);
  return 0;
}

/** True when an open finding (not suppressed, not in the baseline) is at or above the threshold. */
export function isFailing(findings: readonly (Finding & { baseline?: boolean })[], failOn: FailOn): boolean {
  return findings.some((f) => !f.suppression && !f.baseline && meetsFailOn(f.severity, failOn));
}
