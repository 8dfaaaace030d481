// Loads and saves `.production-audit/audit.yaml` so that nothing is ever lost:
//
// - update(mutator) applies the change to the record as last loaded (the base), then — holding
//   the file lock — re-reads the file, merges three ways (base, ours, what is on disk now) per
//   checklist item / manual finding / triage entry, and writes the result atomically. A tick made
//   in another window, another process or by hand since the last load survives.
// - A file on disk that does not parse or does not match the schema is never written over: the
//   update returns the located problem and the file stays byte-identical.
// - Writes go through a temp file + fsync + rename in the same folder: a crash at any moment
//   leaves the old or the new file. The lock (an exclusively created file naming its owner's
//   pid) keeps processes from interleaving; a lock left by a dead process is broken.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { createFileExclusive, LockTimeoutError, removeLeftovers, withFileLock, writeFileAtomic, type LockOptions } from './atomicFile';
import {
  AUDIT_FILE,
  emptyAuditRecord,
  ensureChecklistItems,
  mergeAuditRecords,
  normalizeAuditRecord,
  parseAuditRecord,
  resetChecklist,
  serializeAuditRecord,
  stampChanges,
  validateAuditRecord,
  type AuditRecord,
} from './auditRecord';
import { CONFIG_DIR } from './names';
import type { FileProblem } from './fileProblems';

/**
 * Why a load or save did not happen. `invalid`: the file on disk does not parse or validate
 * (line and column point at the problem); `rejected`: the change itself would make an invalid
 * record; `locked`: another process held the lock too long; `io`: the file system refused.
 */
export interface AuditStoreError extends FileProblem {
  kind: 'invalid' | 'rejected' | 'locked' | 'io';
}

export type AuditFailure = { ok: false; error: AuditStoreError; /** every problem, for `invalid` */ problems: FileProblem[] };
export type AuditLoadResult = { ok: true; record: AuditRecord; text: string; /** false when there is no file yet */ exists: boolean } | AuditFailure;
export type AuditUpdateResult = { ok: true; record: AuditRecord; text: string; /** false when the file already said this */ written: boolean } | AuditFailure;
export type AuditNewRoundResult = { ok: true; record: AuditRecord; text: string; /** the dated copy of the previous round, when there was a file */ archivedAs?: string } | AuditFailure;

/** Changes the draft in place, or returns a replacement record. */
export type AuditMutator = (draft: AuditRecord) => void | AuditRecord;

export interface AuditStoreOptions {
  /** Written as `by` on every entry this store changes. */
  user?: string;
  /** Clock for `at` stamps and archive names (tests). */
  now?: () => Date;
  lock?: LockOptions;
}

/** `<root>/.production-audit/audit.yaml`. */
export function auditFilePath(root: string): string {
  return path.join(root, CONFIG_DIR, AUDIT_FILE);
}

export class AuditStore {
  readonly file: string;
  private readonly opts: AuditStoreOptions;
  private base: AuditRecord | undefined;
  /** The text last read or written, with its record: an unchanged file is not parsed again. */
  private known: { text: string; record: AuditRecord } | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(file: string, opts: AuditStoreOptions = {}) {
    this.file = path.resolve(file);
    this.opts = opts;
  }

  static forWorkspace(root: string, opts?: AuditStoreOptions): AuditStore {
    return new AuditStore(auditFilePath(root), opts);
  }

  /** The record as last loaded or written by this store (the base of the next update), if any. */
  get lastLoaded(): AuditRecord | undefined {
    return this.base ? clone(this.base) : undefined;
  }

  /** Reads the file. On success it becomes the base of later updates; on failure the base stays the last good state. */
  load(): Promise<AuditLoadResult> {
    return this.exclusive(async () => {
      const disk = await this.readDisk();
      if (!disk.ok) return disk;
      this.base = disk.record;
      return { ok: true, record: clone(disk.record), text: disk.text, exists: disk.exists };
    });
  }

  /**
   * Applies `mutator` to the base, merges the change into the file as it is on disk now, and
   * writes it. Entries the change touched get `at` (and `by`) stamps.
   */
  update(mutator: AuditMutator): Promise<AuditUpdateResult> {
    return this.exclusive(async () => {
      if (!this.base) {
        const disk = await this.readDisk();
        if (!disk.ok) return disk;
        this.base = disk.record;
      }
      const base = this.base;
      const draft = clone(base);
      const ours = normalizeAuditRecord(mutator(draft) ?? draft);
      stampChanges(base, ours, { at: this.now().toISOString(), by: this.opts.user });
      const rejected = validateAuditRecord(ours);
      if (rejected.length > 0) return this.failure('rejected', `the change was not saved: ${rejected.join('; ')}`);
      const changed = JSON.stringify(ours) !== JSON.stringify(normalizeAuditRecord(base));
      return this.locked(async () => {
        const disk = await this.readDisk();
        if (!disk.ok) return disk;
        const merged = mergeAuditRecords(base, ours, disk.record);
        const invalid = validateAuditRecord(merged);
        if (invalid.length > 0) return this.failure('rejected', `the change conflicts with the file on disk: ${invalid.join('; ')}`);
        const text = serializeAuditRecord(merged);
        const written = disk.exists ? text !== disk.text : changed;
        if (written) {
          await fsp.mkdir(path.dirname(this.file), { recursive: true });
          await writeFileAtomic(this.file, text);
          this.known = { text, record: merged };
        }
        await removeLeftovers(this.file);
        this.base = merged;
        return { ok: true as const, record: clone(merged), text: written || disk.exists ? text : disk.text, written };
      });
    });
  }

  /**
   * Starts a new audit round: keeps the current file as `audit-YYYY-MM-DD.yaml` (a suffix -2,
   * -3, … when that name is taken; an existing copy is never overwritten), then clears every
   * checklist item (unticked, NOT_ASSESSED, no note). System type, manual findings and triage
   * are kept: they are about the code, which a new round does not change. `itemIds` adds the
   * checklist's items as untouched entries.
   */
  startNewAudit(itemIds?: Iterable<string>): Promise<AuditNewRoundResult> {
    return this.exclusive(() =>
      this.locked(async () => {
        const disk = await this.readDisk();
        if (!disk.ok) return disk;
        let archivedAs: string | undefined;
        if (disk.exists) {
          const stamp = localDate(this.now());
          const ext = path.extname(this.file);
          const stem = path.join(path.dirname(this.file), `${path.basename(this.file, ext)}-${stamp}`);
          for (let n = 1; ; n++) {
            const candidate = `${stem}${n === 1 ? '' : `-${n}`}${ext}`;
            if (await createFileExclusive(candidate, disk.text)) {
              archivedAs = candidate;
              break;
            }
          }
        }
        const record = clone(disk.record);
        resetChecklist(record);
        if (itemIds) ensureChecklistItems(record, itemIds);
        const text = serializeAuditRecord(record);
        await fsp.mkdir(path.dirname(this.file), { recursive: true });
        await writeFileAtomic(this.file, text);
        await removeLeftovers(this.file);
        this.base = normalizeAuditRecord(record);
        this.known = { text, record: this.base };
        return { ok: true as const, record: clone(this.base), text, ...(archivedAs ? { archivedAs } : {}) };
      }),
    );
  }

  // ------------------------------------------------------------ internals

  private now(): Date {
    return this.opts.now ? this.opts.now() : new Date();
  }

  /** One operation of this store at a time (the file lock covers other stores and processes). */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async locked<T>(fn: () => Promise<T>): Promise<T | AuditFailure> {
    try {
      await fsp.mkdir(path.dirname(this.file), { recursive: true });
      return await withFileLock(this.file, fn, this.opts.lock);
    } catch (e) {
      if (e instanceof LockTimeoutError) return this.failure('locked', `not saved: ${e.message}`);
      const err = e as NodeJS.ErrnoException;
      return this.failure('io', `not saved: ${err.code ? `${err.code} ` : ''}${err.message ?? String(e)}`);
    }
  }

  private async readDisk(): Promise<{ ok: true; record: AuditRecord; text: string; exists: boolean } | AuditFailure> {
    let text: string;
    try {
      text = await fsp.readFile(this.file, 'utf8');
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'ENOENT') return { ok: true, record: emptyAuditRecord(), text: '', exists: false };
      return this.failure('io', `cannot read the file: ${err.code ?? ''} ${err.message ?? String(e)}`.trim());
    }
    if (this.known && this.known.text === text) return { ok: true, record: clone(this.known.record), text, exists: true };
    const parsed = parseAuditRecord(text, this.file);
    if (!parsed.ok) {
      const first = parsed.problems[0] as FileProblem;
      return { ok: false, error: { kind: 'invalid', ...first }, problems: parsed.problems };
    }
    this.known = { text, record: parsed.record };
    return { ok: true, record: clone(parsed.record), text, exists: true };
  }

  private failure(kind: AuditStoreError['kind'], message: string): AuditFailure {
    const problem: FileProblem = { file: this.file, line: 1, column: 1, message };
    return { ok: false, error: { kind, ...problem }, problems: [problem] };
  }
}

function clone(r: AuditRecord): AuditRecord {
  return JSON.parse(JSON.stringify(r)) as AuditRecord;
}

/** YYYY-MM-DD in the machine's time zone (the auditor's calendar day). */
function localDate(d: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
