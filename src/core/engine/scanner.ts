// A scan: discover files, read each one (skipping oversized, binary, minified and unreadable
// files with a reason), analyse it, release it, move on. One file in memory at a time.
import { readFileSync, statSync } from 'node:fs';
import type { ProductionAuditConfig } from '../audit/config';
import type { AnalysisError, Finding, SkippedFile } from '../model';
import type { Analyzer } from './analyzer';
import { discoverFiles, type DiscoveredFile } from './discovery';
import { createAnalyzer, type EngineOptions } from './engine';

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export type ReadResult = { text: string } | { skip: string } | { error: string };

/** Reads a source file, or says why it is not analysed. */
export function readSource(absolute: string, maxFileSize = DEFAULT_MAX_FILE_SIZE): ReadResult {
  let size: number;
  try {
    size = statSync(absolute).size;
  } catch (err) {
    return { error: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  if (size > maxFileSize) return { skip: `larger than ${formatBytes(maxFileSize)} (${formatBytes(size)})` };
  let buf: Buffer;
  try {
    buf = readFileSync(absolute);
  } catch (err) {
    return { error: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  return classifyText(buf);
}

/** Text checks shared by files on disk and editor buffers: binary and minified content is skipped. */
export function classifyText(buf: Buffer | string): ReadResult {
  const binary = typeof buf === 'string' ? buf.slice(0, 8192).includes('\u0000') : buf.subarray(0, 8192).includes(0);
  if (binary) return { skip: 'binary file' };
  const text = typeof buf === 'string' ? buf : buf.toString('utf8');
  if (looksMinified(text)) return { skip: 'minified code' };
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

function looksMinified(text: string): boolean {
  if (text.length < 4096) return false;
  const end = Math.min(text.length, 65536);
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) lines++;
  return end / lines > 500;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`;
}

export interface ScanOptions extends EngineOptions {
  root: string;
  paths?: string[];
  config: ProductionAuditConfig;
  maxFileSize?: number;
  /** Called after each file. */
  onProgress?: (done: number, total: number, file: string) => void;
  /** Polled between files; returning true ends the scan early (the result says `cancelled`). */
  shouldStop?: () => boolean;
}

export interface ScanResult {
  root: string;
  /** Root-relative paths of the files analysed. */
  files: string[];
  findings: Finding[];
  errors: AnalysisError[];
  skipped: SkippedFile[];
  missing: string[];
  rulesRun: string[];
  cancelled: boolean;
}

export function scanFiles(files: readonly DiscoveredFile[], analyzer: Analyzer, options: Pick<ScanOptions, 'maxFileSize' | 'onProgress' | 'shouldStop'>, into: Omit<ScanResult, 'root' | 'missing' | 'rulesRun'>): void {
  let done = 0;
  for (const f of files) {
    if (options.shouldStop?.()) {
      into.cancelled = true;
      return;
    }
    const read = readSource(f.absolute, options.maxFileSize);
    if ('text' in read) {
      try {
        const r = analyzer.analyze({ file: f.relative, text: read.text });
        for (const x of r.findings) into.findings.push(x);
        for (const e of r.errors) into.errors.push(e);
        into.files.push(f.relative);
      } catch (err) {
        into.errors.push({ file: f.relative, message: `analysis failed: ${(err as Error).message}` });
      }
    } else if ('skip' in read) {
      into.skipped.push({ file: f.relative, reason: read.skip });
    } else {
      into.errors.push({ file: f.relative, message: read.error });
    }
    done++;
    options.onProgress?.(done, files.length, f.relative);
  }
}

/** Discovers and analyses every file under the root (or the given paths) with the config's rules. */
export function scan(options: ScanOptions): ScanResult {
  const discovery = discoverFiles({ root: options.root, paths: options.paths, include: options.config.include, exclude: options.config.exclude });
  const analyzer = createAnalyzer(options.config, options);
  const result: ScanResult = {
    root: options.root,
    files: [],
    findings: [],
    errors: [],
    skipped: [...discovery.skipped],
    missing: discovery.missing,
    rulesRun: analyzer.ruleIds,
    cancelled: false,
  };
  scanFiles(discovery.files, analyzer, options, result);
  return result;
}
