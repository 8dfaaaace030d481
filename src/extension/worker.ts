// The analysis worker (a worker_thread, bundled to dist/worker.js). It owns ts-morph and the core
// engine; the extension host only sends text and receives findings, so typing never waits for
// analysis. No `vscode` here.
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { parseAuditRecord } from '../core/audit/auditRecord';
import { AuditStore, auditFilePath } from '../core/audit/auditStore';
import { isSystemTypeId } from '../core/systemTypes';
import { readFindingsFile, type FindingsDocument } from '../core/audit/findingsFile';
import { renderReport } from '../core/report/assemble';
import { runProbes } from '../core/probes';
import { ConfigError, DEFAULT_CONFIG, loadConfig, type ConfigProblem, type ProductionAuditConfig } from '../core/audit/config';
import type { Analyzer } from '../core/engine/analyzer';
import { discoverFiles } from '../core/engine/discovery';
import { createAnalyzer } from '../core/engine/engine';
import { addTimeoutEdit, logAndRethrowEdit } from '../core/fixes/quickFixes';
import { RULES } from '../core/rules/registry';
import { classifyText, readSource } from '../core/engine/scanner';
import type { AnalysisError, Finding, SkippedFile } from '../core/model';
import { isSeverity } from '../core/model';
import { knownRules, SYSTEM_TYPE_IDS } from '../core/toolInfo';
import type { ConfigureRequest, ReportRequest, RuleOverride, WorkerRequest, WorkerResponse } from './protocol';

interface FolderState {
  root?: string;
  config: ProductionAuditConfig;
  analyzer: Analyzer;
  maxFileSize: number;
  exclude: string[];
}

const folders = new Map<string, FolderState>();

/** Layers the user's per-machine overrides over the team's rule settings. */
export function applyOverrides(config: ProductionAuditConfig, overrides: Record<string, RuleOverride>): ProductionAuditConfig {
  const rules = { ...config.rules };
  for (const [id, value] of Object.entries(overrides)) {
    const current = rules[id] ?? { enabled: true, options: {} };
    if (value === 'off') rules[id] = { ...current, enabled: false };
    else if (value === 'on') rules[id] = { ...current, enabled: true };
    else if (isSeverity(value)) rules[id] = { ...current, enabled: true, severity: value };
  }
  return { ...config, rules };
}

function auditSystemType(root: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(auditFilePath(root), 'utf8');
  } catch {
    return undefined;
  }
  const parsed = parseAuditRecord(text, auditFilePath(root));
  return parsed.ok && isSystemTypeId(parsed.record.systemType) ? parsed.record.systemType : undefined;
}

function configure(msg: ConfigureRequest): WorkerResponse {
  let config: ProductionAuditConfig = DEFAULT_CONFIG;
  let problems: ConfigProblem[] = [];
  let configFile: string | undefined;
  if (msg.root) {
    try {
      config = loadConfig(msg.root, { knownRules: knownRules(), systemTypeIds: SYSTEM_TYPE_IDS });
      configFile = config.source;
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      problems = err.problems;
      configFile = problems[0]?.file;
    }
  }
  // the system type raises severities: config.yaml's (the team's) wins; else the one the auditors chose in audit.yaml
  if (msg.root && !config.systemType) {
    const fromAudit = auditSystemType(msg.root);
    if (fromAudit) config = { ...config, systemType: fromAudit };
  }
  const known = new Set(knownRules().map((r) => r.id));
  const overrides = Object.fromEntries(Object.entries(msg.overrides).filter(([id]) => known.has(id)));
  const effective = applyOverrides(config, overrides);
  // nothing runs on a half-understood config: an invalid file means no rules for that folder until it is fixed
  const analyzer = problems.length ? createAnalyzer(effective, { only: [] }) : createAnalyzer(effective);
  folders.set(msg.folder, { root: msg.root, config: effective, analyzer, maxFileSize: msg.maxFileSize, exclude: msg.exclude });
  return { type: 'configured', id: msg.id, problems, configFile, rulesRun: problems.length ? [] : analyzer.ruleIds };
}

function folderState(folder: string): FolderState {
  let state = folders.get(folder);
  if (!state) {
    state = { config: DEFAULT_CONFIG, analyzer: createAnalyzer(DEFAULT_CONFIG), maxFileSize: 2 * 1024 * 1024, exclude: [] };
    folders.set(folder, state);
  }
  return state;
}

function handle(msg: WorkerRequest, post: (r: WorkerResponse) => void): void {
  switch (msg.type) {
    case 'probes': {
      const state = [...folders.values()].find((f) => f.root === msg.root);
      post({ type: 'probes', id: msg.id, outcomes: runProbes(msg.root, { exclude: state?.config.exclude }) });
      return;
    }
    case 'report':
      void buildReport(msg).then(post, (err: Error) => post({ type: 'error', id: msg.id, message: err.message }));
      return;
    case 'configure':
      post(configure(msg));
      return;
    case 'analyze': {
      const state = folderState(msg.folder);
      if (Buffer.byteLength(msg.text) > state.maxFileSize) {
        post({ type: 'analyzed', id: msg.id, findings: [], errors: [], skipped: 'file larger than the configured maximum size' });
        return;
      }
      const read = classifyText(msg.text);
      if (!('text' in read)) {
        post({ type: 'analyzed', id: msg.id, findings: [], errors: [], skipped: 'skip' in read ? read.skip : read.error });
        return;
      }
      const r = state.analyzer.analyze({ file: msg.file, text: read.text });
      post({ type: 'analyzed', id: msg.id, findings: r.findings, errors: r.errors });
      return;
    }
    case 'fix': {
      if (msg.ruleId === 'missing-timeout') {
        const r = addTimeoutEdit(msg.file, msg.text, msg.line, msg.column, msg.timeoutMs);
        post({ type: 'fixed', id: msg.id, title: r && (r.kind === 'fetch' ? `Add signal: AbortSignal.timeout(${msg.timeoutMs})` : `Add a ${msg.timeoutMs} ms timeout`), edits: r?.edits });
      } else if (msg.ruleId === 'swallowed-exception') {
        const edits = logAndRethrowEdit(msg.file, msg.text, msg.line, msg.column);
        post({ type: 'fixed', id: msg.id, title: edits && 'Log the error and rethrow it', edits });
      } else post({ type: 'fixed', id: msg.id });
      return;
    }
    case 'rules':
      post({ type: 'rules', id: msg.id, rules: RULES.map((r) => ({ id: r.id, title: r.title, category: r.category, defaultSeverity: r.defaultSeverity, summary: r.docs.summary, why: r.docs.why, fix: r.docs.fix })) });
      return;
    case 'scan': {
      const state = folderState(msg.folder);
      if (!state.root) {
        post({ type: 'error', id: msg.id, message: 'this workspace folder is not on disk; only open editors are analysed' });
        return;
      }
      const discovery = discoverFiles({ root: state.root, include: state.config.include, exclude: [...state.config.exclude, ...state.exclude] });
      const shard = msg.shard;
      const files = shard && shard.count > 1 ? discovery.files.filter((_, i) => i % shard.count === shard.index) : discovery.files;
      const total = files.length;
      post({ type: 'scanStarted', id: msg.id, total });
      let batch: { file: string; findings: Finding[] }[] = [];
      let errors: AnalysisError[] = [];
      let skipped: SkippedFile[] = !shard || shard.index === 0 ? [...discovery.skipped] : [];
      let last = Date.now();
      let done = 0;
      const flush = () => {
        post({ type: 'scanProgress', id: msg.id, done, total, files: batch, errors, skipped });
        batch = [];
        errors = [];
        skipped = [];
        last = Date.now();
      };
      for (const f of files) {
        const read = readSource(f.absolute, state.maxFileSize);
        if ('text' in read) {
          try {
            const r = state.analyzer.analyze({ file: f.relative, text: read.text });
            batch.push({ file: f.relative, findings: r.findings });
            errors.push(...r.errors);
          } catch (err) {
            errors.push({ file: f.relative, message: `analysis failed: ${(err as Error).message}` });
          }
        } else if ('skip' in read) skipped.push({ file: f.relative, reason: read.skip });
        else errors.push({ file: f.relative, message: read.error });
        done++;
        // progress at most every 100 ms (and for the last file), so the host is not flooded
        if (Date.now() - last >= 100) flush();
      }
      flush();
      post({ type: 'scanDone', id: msg.id, filesScanned: done });
      return;
    }
  }
}

/** Renders a report from the saved findings.json and audit.yaml of one or more folders. */
async function buildReport(msg: ReportRequest): Promise<WorkerResponse> {
  const scans = await Promise.all(msg.folders.map(async (f) => ({ ...f, scan: await readFindingsFile(f.root) })));
  const missing = scans.filter((s) => !s.scan).map((s) => s.name);
  if (missing.length) return { type: 'report', id: msg.id, missing };
  const loaded = await Promise.all(msg.folders.map((f) => AuditStore.forWorkspace(f.root).load()));
  const records = loaded.map((l) => {
    if (!l.ok) throw new Error(`${l.error.file}:${l.error.line}: ${l.error.message}`);
    return l.exists ? l.record : undefined;
  });
  const configSystemType = [...folders.values()].find((s) => s.root === msg.folders[0].root)?.config.systemType;
  if (msg.folders.length === 1) {
    return { type: 'report', id: msg.id, text: renderReport(msg.format, { root: msg.folders[0].root, scan: scans[0].scan!, record: records[0], configSystemType, date: msg.date }) };
  }
  // several folders: one report over all of them, paths prefixed with the folder's name
  const parent = commonParent(msg.folders.map((f) => f.root));
  const scan = { ...scans[0].scan!, findings: [] as FindingsDocument['findings'], filesScanned: 0, rulesRun: [] as string[] };
  const rules = new Set<string>();
  for (const s of scans) {
    const prefix = toPosix(path.relative(parent, s.root));
    for (const f of s.scan!.findings) scan.findings.push({ ...f, file: `${prefix}/${f.file}`, related: f.related.map((r) => ({ ...r, file: `${prefix}/${r.file}` })) });
    scan.filesScanned += s.scan!.filesScanned;
    for (const r of s.scan!.rulesRun) rules.add(r);
  }
  scan.rulesRun = [...rules].sort();
  const record = records.find(Boolean);
  const merged = record && { ...record, triage: Object.assign({}, ...records.map((r) => r?.triage ?? {})) };
  return { type: 'report', id: msg.id, text: renderReport(msg.format, { root: parent, scan, record: merged, configSystemType, date: msg.date }) };
}

function commonParent(roots: string[]): string {
  let parent = path.dirname(roots[0]);
  while (!roots.every((r) => r === parent || r.startsWith(parent + path.sep)) && path.dirname(parent) !== parent) parent = path.dirname(parent);
  return parent;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (msg: WorkerRequest) => {
    try {
      handle(msg, (r) => port.postMessage(r));
    } catch (err) {
      port.postMessage({ type: 'error', id: msg.id, message: (err as Error).message } satisfies WorkerResponse);
    }
  });
}
