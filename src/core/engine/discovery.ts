// Which files a scan analyses: the given paths, filtered by include/exclude globs (minimatch),
// the default excludes, and the JS/TS extensions. Excluded folders are pruned, never walked.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { minimatch } from 'minimatch';
import type { SkippedFile } from '../model';

export { SOURCE_EXTENSIONS, hasSourceExtension } from './extensions';
import { hasSourceExtension } from './extensions';

/** Folders and files never analysed unless the user's include names them explicitly. */
export const DEFAULT_EXCLUDES = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/out/**', '**/coverage/**', '**/.git/**', '**/*.d.ts', '**/*.d.mts', '**/*.d.cts', '**/*.min.js', '**/*.min.mjs', '**/*.min.cjs', '**/*-min.js', '**/*.bundle.js'];

const PRUNED_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', '.git']);

export interface DiscoveryOptions {
  /** Absolute root; discovered files are reported relative to it. */
  root: string;
  /** Absolute or root-relative paths to scan (files or folders). Default: the root. */
  paths?: string[];
  include?: string[];
  exclude?: string[];
}

export interface DiscoveredFile {
  /** Absolute path. */
  absolute: string;
  /** Root-relative path, `/` separators. */
  relative: string;
}

export interface DiscoveryResult {
  files: DiscoveredFile[];
  skipped: SkippedFile[];
  /** Paths that were asked for but do not exist. */
  missing: string[];
}

export function toRelative(root: string, absolute: string): string {
  const rel = path.relative(root, absolute);
  return rel.split(path.sep).join('/');
}

function makeMatcher(globs: readonly string[]): (rel: string) => boolean {
  const compiled = globs.map((g) => {
    const pattern = g.startsWith('./') ? g.slice(2) : g;
    return new minimatch.Minimatch(pattern, { dot: true, matchBase: !pattern.includes('/') });
  });
  return (rel) => compiled.some((m) => m.match(rel));
}

/** Lists the files a scan analyses, in a stable (sorted) order. */
export function discoverFiles(options: DiscoveryOptions): DiscoveryResult {
  const root = path.resolve(options.root);
  const include = options.include && options.include.length ? options.include : ['**/*'];
  const isIncluded = makeMatcher(include);
  const isExcluded = makeMatcher([...DEFAULT_EXCLUDES, ...(options.exclude ?? [])]);
  const isUserExcluded = makeMatcher(options.exclude ?? []);
  const files: DiscoveredFile[] = [];
  const skipped: SkippedFile[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();

  const consider = (absolute: string, explicit: boolean) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    const relative = toRelative(root, absolute);
    if (!hasSourceExtension(absolute)) {
      if (explicit) skipped.push({ file: relative, reason: 'not a JavaScript or TypeScript file' });
      return;
    }
    // a file named explicitly on the command line is analysed unless the user's own excludes name it
    if (explicit ? isUserExcluded(relative) : isExcluded(relative) || !isIncluded(relative)) return;
    files.push({ absolute, relative });
  };

  const walkDir = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      skipped.push({ file: toRelative(root, dir) || '.', reason: `cannot read folder: ${(err as Error).message}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (PRUNED_DIRS.has(e.name)) continue;
        const rel = toRelative(root, abs);
        if (isExcluded(`${rel}/`) || isExcluded(`${rel}/x`)) continue;
        walkDir(abs);
      } else if (e.isFile()) {
        consider(abs, false);
      } else if (e.isSymbolicLink()) {
        try {
          const st = statSync(abs);
          if (st.isFile()) consider(abs, false);
          // symlinked folders are not followed (cycles, and code outside the workspace)
        } catch {
          skipped.push({ file: toRelative(root, abs), reason: 'broken symbolic link' });
        }
      }
    }
  };

  for (const p of options.paths && options.paths.length ? options.paths : [root]) {
    const abs = path.resolve(root, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) walkDir(abs);
    else consider(abs, true);
  }
  files.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
  return { files, skipped, missing };
}
