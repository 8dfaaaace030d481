// `production-audit`: the command-line twin of the extension. Thin: argument parsing, the core
// engine, an output format, an exit code. Errors are one line on stderr and exit code 2.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, CONFIG_DIR, CONFIG_FILE, loadConfig, type FailOn, type ProductionAuditConfig } from '../core/audit/config';
import { buildFindingsDocument, meetsFailOn, serializeFindings } from '../core/audit/findingsFile';
import { scan } from '../core/engine/scanner';
import type { Finding } from '../core/model';
import { RULES, RULE_IDS } from '../core/rules/registry';
import { knownRules, SYSTEM_TYPE_IDS, TOOL } from '../core/toolInfo';
import { HELP, parseCli, UsageError, type ScanArgs } from './args';
import { renderText } from './textReport';

export interface CliIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stderrIsTTY: boolean;
  stdoutIsTTY: boolean;
}

/** Runs the CLI and returns its exit code (never calls process.exit, so tests can run it in-process). */
export function runCli(argv: string[], io: CliIO): number {
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
        return runScan(args, io);
      case 'export':
        throw new UsageError(`export is not yet supported (format ${args.format}); run \`production-audit scan --format json\` instead`);
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError) {
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

function runScan(args: ScanArgs, io: CliIO): number {
  for (const p of args.paths) {
    if (!existsSync(path.resolve(io.cwd, p))) throw new UsageError(`path not found: ${p}`);
  }
  if (args.rules) {
    const unknown = args.rules.filter((r) => !RULE_IDS.has(r));
    if (unknown.length) throw new UsageError(`unknown rule id: ${unknown.join(', ')} (see \`production-audit rules\`)`);
  }
  if (['sarif', 'markdown', 'html', 'csv'].includes(args.format)) {
    throw new UsageError(`--format ${args.format} is not yet supported; use text or json`);
  }
  const config = resolveConfig(args, io.cwd);
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
  let output: string;
  if (args.format === 'json') {
    output = serializeFindings(
      buildFindingsDocument(result.findings, {
        tool: { name: TOOL.name, version: TOOL.version },
        root: '.',
        filesScanned: result.files.length,
        rulesRun: result.rulesRun,
        errors: result.errors,
        skipped: result.skipped,
        failOn,
        baseline,
      }),
    );
  } else {
    output = renderText({
      findings,
      errors: result.errors,
      skipped: result.skipped,
      filesScanned: result.files.length,
      verbose: args.verbose,
      quiet: args.quiet,
      color: !args.output && io.stdoutIsTTY && !process.env.NO_COLOR,
    });
  }
  if (args.output) {
    const out = path.resolve(io.cwd, args.output);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, output);
  } else {
    io.stdout(output);
  }
  return failed ? 1 : 0;
}

/** True when an open finding (not suppressed, not in the baseline) is at or above the threshold. */
export function isFailing(findings: readonly (Finding & { baseline?: boolean })[], failOn: FailOn): boolean {
  return findings.some((f) => !f.suppression && !f.baseline && meetsFailOn(f.severity, failOn));
}
