// Messages between the extension host and the analysis worker. Plain data only (structured clone).
import type { ConfigProblem } from '../core/audit/config';
import type { TextEdit } from '../core/fixes/textEdits';
import type { ProbeOutcome } from '../core/probes';
import type { AnalysisError, Finding, SkippedFile } from '../core/model';

/** A per-user rule override from the `productionAudit.rules.overrides` setting. */
export type RuleOverride = 'off' | 'on' | 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';

export interface ConfigureRequest {
  type: 'configure';
  id: number;
  /** Identifies a workspace folder (its URI string). */
  folder: string;
  /** Absolute path of the folder on disk (where `.production-audit/config.yaml` lives), if on disk. */
  root?: string;
  overrides: Record<string, RuleOverride>;
  maxFileSize: number;
  /** Extra exclude globs for scans (settings + files.exclude). */
  exclude: string[];
}

export interface AnalyzeRequest {
  type: 'analyze';
  id: number;
  folder: string;
  /** Folder-relative path with `/` separators (or the file name for files outside any folder). */
  file: string;
  text: string;
}

export interface ScanRequest {
  type: 'scan';
  id: number;
  folder: string;
  /** Scan only every `count`-th discovered file starting at `index` (a scan split over several workers). */
  shard?: { index: number; count: number };
}

export interface FixRequest {
  type: 'fix';
  id: number;
  ruleId: string;
  file: string;
  text: string;
  line: number;
  column: number;
  timeoutMs: number;
}

export interface RulesRequest {
  type: 'rules';
  id: number;
}

export interface ReportRequest {
  type: 'report';
  id: number;
  /** Workspace folders on disk (absolute path + display name); more than one = one combined report. */
  folders: { root: string; name: string }[];
  format: 'markdown' | 'html' | 'sarif' | 'csv' | 'json';
  /** YYYY-MM-DD */
  date: string;
}

export interface ProbesRequest {
  type: 'probes';
  id: number;
  root: string;
}

export type WorkerRequest = ConfigureRequest | AnalyzeRequest | ScanRequest | FixRequest | RulesRequest | ReportRequest | ProbesRequest;

export interface FixResponse {
  type: 'fixed';
  id: number;
  title?: string;
  edits?: TextEdit[];
}

export interface RuleInfo {
  id: string;
  title: string;
  category: string;
  defaultSeverity: string;
  summary: string;
  why: string;
  fix: string;
}

export interface RulesResponse {
  type: 'rules';
  id: number;
  rules: RuleInfo[];
}

export interface ConfiguredResponse {
  type: 'configured';
  id: number;
  /** Problems in config.yaml (the folder then runs on no rules until it is fixed). */
  problems: ConfigProblem[];
  configFile?: string;
  rulesRun: string[];
}

export interface AnalyzeResponse {
  type: 'analyzed';
  id: number;
  findings: Finding[];
  errors: AnalysisError[];
  skipped?: string;
}

export interface ScanStarted {
  type: 'scanStarted';
  id: number;
  total: number;
}

export interface ScanProgress {
  type: 'scanProgress';
  id: number;
  done: number;
  total: number;
  /** Files finished since the last progress message, with their findings. */
  files: { file: string; findings: Finding[] }[];
  errors: AnalysisError[];
  skipped: SkippedFile[];
}

export interface ScanDone {
  type: 'scanDone';
  id: number;
  filesScanned: number;
}

export interface ErrorResponse {
  type: 'error';
  id: number;
  message: string;
}

export interface ReportResponse {
  type: 'report';
  id: number;
  /** The report, or undefined with `missing` naming the folders that have no saved scan yet. */
  text?: string;
  missing?: string[];
}

export interface ProbesResponse {
  type: 'probes';
  id: number;
  outcomes: ProbeOutcome[];
}

export type WorkerResponse = ProbesResponse | ConfiguredResponse | AnalyzeResponse | ScanStarted | ScanProgress | ScanDone | ErrorResponse | FixResponse | RulesResponse | ReportResponse;
