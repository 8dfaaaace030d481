// Safe writes for the workspace files. A write goes to a temporary file in the same folder, is
// flushed to disk (fsync) and renamed over the target, so a reader — or a crash at any moment —
// sees either the old or the new content, never a partial file. A lock file (created
// exclusively, with its owner's pid and host) keeps two processes from interleaving a
// read-merge-write; a lock whose owner died is detected and broken.
import { randomBytes } from 'node:crypto';
import { constants as fsConstants, promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Writes `data` to `file` atomically (temp file + fsync + rename), keeping the old file's mode. */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  const target = await fsp.realpath(file).catch(() => file);
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = await fsp.stat(target).then((s) => s.mode & 0o777, () => undefined);
  const handle = await fsp.open(tmp, 'wx', mode ?? 0o666);
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fsp.unlink(tmp).catch(() => undefined);
    throw e;
  }
  await handle.close();
  try {
    await renameWithRetry(tmp, target);
  } catch (e) {
    await fsp.unlink(tmp).catch(() => undefined);
    throw e;
  }
  await syncFolder(dir);
}

/**
 * Creates `file` with `data` only if no file of that name exists (the content appears at once:
 * written to a temp file, then hard-linked into place). Returns false when the name is taken.
 */
export async function createFileExclusive(file: string, data: string): Promise<boolean> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fsp.open(tmp, 'wx');
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fsp.link(tmp, file);
    await syncFolder(dir);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw e;
    // No hard links on this file system: exclusive create, then write (not instant, still never overwrites).
    try {
      await fsp.writeFile(file, data, { flag: 'wx' });
      return true;
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e2;
    }
  } finally {
    await fsp.unlink(tmp).catch(() => undefined);
  }
}

async function renameWithRetry(from: string, to: string): Promise<void> {
  // Windows refuses to replace a file another process holds open for a moment (EPERM/EBUSY/EACCES).
  for (let attempt = 0; ; attempt++) {
    try {
      await fsp.rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (attempt >= 20 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw e;
      await delay(5 + attempt * 5);
    }
  }
}

async function syncFolder(dir: string): Promise<void> {
  // Makes the rename itself durable; not possible (nor needed) on every platform.
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, fsConstants.O_RDONLY);
    await handle.sync();
  } catch {
    // EISDIR/EPERM on Windows: the rename is as durable as the platform allows.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** True when a process with this pid exists (on this machine). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// ---------------------------------------------------------------- lock

export interface LockOptions {
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
  /** A lock from another host, or one whose owner cannot be told, counts as stale after this long (default 30 s). */
  staleMs?: number;
}

export class LockTimeoutError extends Error {
  constructor(
    readonly lockFile: string,
    readonly owner: string,
  ) {
    super(`${lockFile} is held by ${owner}; gave up waiting`);
    this.name = 'LockTimeoutError';
  }
}

interface LockInfo {
  pid: number;
  host: string;
  token: string;
  since: string;
}

/** The lock file guarding `file`: a hidden sibling, `.<name>.lock`. */
export function lockFileFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.lock`);
}

/**
 * Takes the lock guarding `file`, runs `fn`, releases the lock (also when `fn` throws).
 * The lock appears complete at once (written to a temp file, then hard-linked into place), so
 * there is never a lock file without an owner in it.
 */
export async function withFileLock<T>(file: string, fn: () => Promise<T>, opts: LockOptions = {}): Promise<T> {
  const lockFile = lockFileFor(file);
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const staleMs = opts.staleMs ?? 30_000;
  const info: LockInfo = { pid: process.pid, host: os.hostname(), token: randomBytes(8).toString('hex'), since: new Date().toISOString() };
  const content = `${JSON.stringify(info)}\n`;
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    if (await tryCreateLock(lockFile, content, info.token)) break;
    const held = await readLock(lockFile);
    if (held === 'gone') continue;
    if (isStale(held, staleMs)) {
      await breakLock(lockFile, held.raw);
      continue;
    }
    if (Date.now() - started > timeoutMs) {
      const owner = held.info ? `process ${held.info.pid} on ${held.info.host}` : 'another process';
      throw new LockTimeoutError(lockFile, owner);
    }
    // Short, jittered polls: a holder keeps the lock for milliseconds.
    await delay(Math.min(12, 1 + attempt) + Math.random() * 4);
  }
  try {
    return await fn();
  } finally {
    await releaseLock(lockFile, info.token);
  }
}

async function tryCreateLock(lockFile: string, content: string, token: string): Promise<boolean> {
  const tmp = path.join(path.dirname(lockFile), `${path.basename(lockFile)}.${process.pid}.${token}.tmp`);
  await fsp.writeFile(tmp, content, { flag: 'w' });
  try {
    await fsp.link(tmp, lockFile);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw e;
    try {
      await fsp.writeFile(lockFile, content, { flag: 'wx' });
      return true;
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e2;
    }
  } finally {
    await fsp.unlink(tmp).catch(() => undefined);
  }
}

interface HeldLock {
  raw: string;
  info?: LockInfo;
  mtimeMs: number;
}

async function readLock(lockFile: string): Promise<HeldLock | 'gone'> {
  try {
    const [raw, st] = await Promise.all([fsp.readFile(lockFile, 'utf8'), fsp.stat(lockFile)]);
    let info: LockInfo | undefined;
    try {
      const parsed = JSON.parse(raw) as Partial<LockInfo>;
      if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.token === 'string') info = parsed as LockInfo;
    } catch {
      info = undefined;
    }
    return { raw, info, mtimeMs: st.mtimeMs };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw e;
  }
}

function isStale(held: HeldLock, staleMs: number): boolean {
  const bootTime = Date.now() - os.uptime() * 1000;
  if (held.mtimeMs < bootTime - 1000) return true; // older than this boot: its owner cannot be alive
  if (held.info && held.info.host === os.hostname()) return !processAlive(held.info.pid);
  return Date.now() - held.mtimeMs > staleMs;
}

/**
 * Removes a stale lock without ever removing a fresh one that replaced it meanwhile: the lock is
 * renamed away, and put back if what was renamed is not the stale lock that was inspected.
 */
async function breakLock(lockFile: string, staleRaw: string): Promise<void> {
  const aside = `${lockFile}.${process.pid}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await fsp.rename(lockFile, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else broke it
    throw e;
  }
  try {
    const raw = await fsp.readFile(aside, 'utf8');
    if (raw !== staleRaw) await fsp.link(aside, lockFile).catch(() => undefined);
  } finally {
    await fsp.unlink(aside).catch(() => undefined);
  }
}

async function releaseLock(lockFile: string, token: string): Promise<void> {
  const held = await readLock(lockFile).catch(() => 'gone' as const);
  if (held !== 'gone' && held.info?.token === token) await fsp.unlink(lockFile).catch(() => undefined);
}

/**
 * Deletes the temporary files of `file` (atomic-write temps, lock temps) left behind by
 * processes that died mid-write. Call while holding the lock.
 */
export async function removeLeftovers(file: string): Promise<string[]> {
  const dir = path.dirname(file);
  const base = path.basename(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^\\.${base}(?:\\.lock)?\\.(\\d+)\\.[0-9a-f]+\\.(?:tmp|stale)$`);
  const removed: string[] = [];
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m || processAlive(Number(m[1]))) continue;
    await fsp.unlink(path.join(dir, name)).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}
