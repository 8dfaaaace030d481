// Workspace probes: facts about a workspace folder, read from its files, that support checklist
// items (TypeScript strict mode, a linter, tests, CI, a lockfile, a structured logger, tracing, a
// health route, security headers, rate limiting, migrations). No network, no code execution:
// files are read as text and JSON, nothing is imported or run. Each result names the files it
// looked at, so an auditor can check it by hand.
//
// Status: `pass` the fact holds, `fail` it does not, `unknown` the probe cannot tell or the fact
// does not apply (no HTTP server framework, no database, no TypeScript).
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { DEFAULT_EXCLUDES } from './engine/discovery';
import { hasSourceExtension } from './engine/extensions';
import type { CategoryId } from './model';
import { blankComments, isModule, lineOf, lineStarts, parseJsonc, scanImports, type ImportRef } from './workspaceText';

export type ProbeStatus = 'pass' | 'fail' | 'unknown';

export interface ProbeEvidence {
  /** Workspace-relative path, `/` separators; absent for facts about the workspace as a whole. */
  file?: string;
  /** 1-based line in `file`. */
  line?: number;
  /** What was found (or looked for and not found) there. */
  detail: string;
}

export interface ProbeResult {
  status: ProbeStatus;
  /** One sentence. */
  summary: string;
  evidence: ProbeEvidence[];
}

export interface ProbeDefinition {
  /** kebab-case, names the fact. */
  id: string;
  title: string;
  category: CategoryId;
  /** Checklist item ids (categories.ts) this probe supports. */
  items?: readonly string[];
  run(root: string, ctx: ProbeContext): ProbeResult;
}

/** A probe's result together with its identity, as runProbes returns it. */
export interface ProbeOutcome extends ProbeResult {
  id: string;
  title: string;
  category: CategoryId;
  items: readonly string[];
}

export interface ProbeOptions {
  /** Run only these probe ids. */
  only?: readonly string[];
  /** Extra globs (workspace-relative) to leave out, on top of the default excludes. */
  exclude?: readonly string[];
  /** Where server code lives, for the console probe. Default DEFAULT_SERVER_GLOBS. */
  serverGlobs?: readonly string[];
  /** Files under serverGlobs that are not server code. Default DEFAULT_SERVER_EXCLUDES. */
  serverExcludes?: readonly string[];
  /** Stop listing the workspace after this many files (default 50 000). */
  maxFiles?: number;
}

export const DEFAULT_SERVER_GLOBS: readonly string[] = ['src/**'];
export const DEFAULT_SERVER_EXCLUDES: readonly string[] = [
  '**/*.test.*',
  '**/*.spec.*',
  '**/*.e2e-spec.*',
  '**/*.stories.*',
  '**/test/**',
  '**/tests/**',
  '**/__tests__/**',
  '**/__mocks__/**',
  '**/e2e/**',
  '**/scripts/**',
  '**/cli/**',
  '**/bin/**',
];

/** Folders never listed: the engine's pruned folders plus tool caches and build output. */
const PRUNED_DIRS = new Set([
  'node_modules', 'dist', 'build', 'out', 'coverage', '.git',
  '.next', '.nuxt', '.svelte-kit', '.turbo', '.cache', '.yarn', '.pnpm-store', '.vercel', '.output',
  '.angular', '.parcel-cache', '.serverless', '.vscode-test', 'bower_components',
]);

/** Path segments that mark code which is not the product itself: tests, fixtures, examples. */
const AUXILIARY_SEGMENTS = new Set(['test', 'tests', '__tests__', 'spec', 'e2e', 'fixtures', '__fixtures__', '__mocks__', 'testdata', 'examples', 'example']);

const MAX_TEXT_BYTES = 1_000_000;
const DEPENDENCY_SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;
type DependencySection = (typeof DEPENDENCY_SECTIONS)[number];

export interface PackageManifest {
  /** Workspace-relative path of the package.json. */
  file: string;
  /** Its folder, workspace-relative ('' for the root). */
  dir: string;
  json: Record<string, unknown>;
  text: string;
}

export interface DependencyRef {
  name: string;
  version: string;
  section: DependencySection;
  /** The package.json that declares it. */
  manifest: string;
  line: number;
}

export interface ImportSite extends ImportRef {
  file: string;
}

/** HTTP server frameworks: a workspace that declares one of these serves HTTP. */
const SERVER_FRAMEWORKS = [
  'express', 'fastify', 'koa', '@nestjs/core', '@nestjs/platform-express', '@nestjs/platform-fastify', '@hapi/hapi', 'hapi',
  'restify', 'next', 'hono', 'h3', 'nitropack', 'elysia', 'polka', '@adonisjs/core', 'sails', 'micro', '@feathersjs/feathers',
  '@loopback/core', '@remix-run/node', '@sveltejs/kit', 'nuxt', '@trpc/server', 'tinyhttp', '@tinyhttp/app',
];

function splitGlobs(globs: readonly string[]): ((rel: string) => boolean) {
  const compiled = globs.map((g) => {
    const pattern = g.startsWith('./') ? g.slice(2) : g;
    return new minimatch.Minimatch(pattern, { dot: true, matchBase: !pattern.includes('/') });
  });
  return (rel) => compiled.some((m) => m.match(rel));
}

function isAuxiliary(rel: string): boolean {
  const segments = rel.split('/');
  segments.pop();
  return segments.some((s) => AUXILIARY_SEGMENTS.has(s));
}

/**
 * What the probes share: the file list (walked once), file texts, package.json files and their
 * dependencies, and the imports of every source file. Everything is computed on first use.
 */
export class ProbeContext {
  readonly root: string;
  readonly options: Readonly<Required<Omit<ProbeOptions, 'only'>>>;
  /** True when the listing stopped at maxFiles. */
  truncated = false;
  private fileList?: string[];
  private fileSet?: Set<string>;
  private readonly texts = new Map<string, string | undefined>();
  private readonly codes = new Map<string, string | undefined>();
  private manifestList?: PackageManifest[];
  private dependencyMap?: Map<string, DependencyRef[]>;
  private importList?: ImportSite[];

  constructor(root: string, options: ProbeOptions = {}) {
    this.root = path.resolve(root);
    this.options = {
      exclude: options.exclude ?? [],
      serverGlobs: options.serverGlobs ?? DEFAULT_SERVER_GLOBS,
      serverExcludes: options.serverExcludes ?? DEFAULT_SERVER_EXCLUDES,
      maxFiles: options.maxFiles ?? 50_000,
    };
  }

  /** Every file of the workspace (relative, `/` separators, sorted), default excludes applied. */
  files(): readonly string[] {
    if (this.fileList) return this.fileList;
    const isExcluded = splitGlobs([...DEFAULT_EXCLUDES, ...this.options.exclude]);
    const out: string[] = [];
    const walk = (dir: string, relDir: string) => {
      if (out.length >= this.options.maxFiles) return;
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        const rel = relDir ? `${relDir}/${e.name}` : e.name;
        if (e.isDirectory()) {
          if (PRUNED_DIRS.has(e.name) || isExcluded(`${rel}/`) || isExcluded(`${rel}/x`)) continue;
          walk(path.join(dir, e.name), rel);
        } else if (e.isFile()) {
          if (isExcluded(rel)) continue;
          if (out.length >= this.options.maxFiles) {
            this.truncated = true;
            return;
          }
          out.push(rel);
        }
        // symbolic links are not followed (cycles, and files outside the workspace)
      }
    };
    walk(this.root, '');
    out.sort();
    this.fileList = out;
    return out;
  }

  has(rel: string): boolean {
    this.fileSet ??= new Set(this.files());
    return this.fileSet.has(rel);
  }

  /** JavaScript/TypeScript files. */
  sourceFiles(): readonly string[] {
    return this.files().filter(hasSourceExtension);
  }

  /** Source files of the product: not under test, fixture or example folders, not test files. */
  projectSourceFiles(): readonly string[] {
    return this.sourceFiles().filter((f) => !isAuxiliary(f) && !isTestFile(f));
  }

  /** A file's text (undefined when unreadable or larger than 1 MB). Paths are workspace-relative. */
  read(rel: string): string | undefined {
    if (this.texts.has(rel)) return this.texts.get(rel);
    let text: string | undefined;
    try {
      const abs = path.join(this.root, rel);
      text = statSync(abs).size <= MAX_TEXT_BYTES ? readFileSync(abs, 'utf8') : undefined;
    } catch {
      text = undefined;
    }
    this.texts.set(rel, text);
    return text;
  }

  /** A source file's text with its comments blanked (same offsets and lines). */
  code(rel: string): string | undefined {
    if (this.codes.has(rel)) return this.codes.get(rel);
    const text = this.read(rel);
    const code = text === undefined ? undefined : blankComments(text);
    this.codes.set(rel, code);
    return code;
  }

  /** A source file's text with comments and the contents of string literals blanked (not cached). */
  bareCode(rel: string): string | undefined {
    const text = this.read(rel);
    return text === undefined ? undefined : blankComments(text, { strings: true });
  }

  /** Every package.json outside test, fixture and example folders, root first. */
  manifests(): readonly PackageManifest[] {
    if (this.manifestList) return this.manifestList;
    const out: PackageManifest[] = [];
    for (const file of this.files()) {
      if (file !== 'package.json' && !file.endsWith('/package.json')) continue;
      if (isAuxiliary(file)) continue;
      const text = this.read(file);
      if (text === undefined) continue;
      try {
        const json = JSON.parse(text) as unknown;
        if (json && typeof json === 'object' && !Array.isArray(json)) out.push({ file, dir: path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file), json: json as Record<string, unknown>, text });
      } catch {
        // an unreadable package.json declares nothing
      }
    }
    out.sort((a, b) => a.dir.split('/').length - b.dir.split('/').length || (a.file < b.file ? -1 : 1));
    this.manifestList = out;
    return out;
  }

  /** Declarations of each dependency name across the manifests. */
  dependencies(): ReadonlyMap<string, readonly DependencyRef[]> {
    if (this.dependencyMap) return this.dependencyMap;
    const map = new Map<string, DependencyRef[]>();
    for (const m of this.manifests()) {
      const starts = lineStarts(m.text);
      for (const section of DEPENDENCY_SECTIONS) {
        const deps = m.json[section];
        if (!deps || typeof deps !== 'object') continue;
        const sectionAt = m.text.indexOf(`"${section}"`);
        for (const [name, version] of Object.entries(deps as Record<string, unknown>)) {
          const at = m.text.indexOf(`"${name}"`, Math.max(0, sectionAt));
          const ref: DependencyRef = { name, version: String(version), section, manifest: m.file, line: at >= 0 ? lineOf(starts, at) : 1 };
          map.set(name, [...(map.get(name) ?? []), ref]);
        }
      }
    }
    this.dependencyMap = map;
    return map;
  }

  /** Declarations of any of these packages; a name ending in `/*` stands for a whole scope. */
  findDependencies(names: readonly string[]): DependencyRef[] {
    const out: DependencyRef[] = [];
    for (const [name, refs] of this.dependencies()) {
      if (names.some((n) => (n.endsWith('/*') ? name.startsWith(n.slice(0, -1)) : name === n))) out.push(...refs);
    }
    return out.sort((a, b) => (a.manifest < b.manifest ? -1 : a.manifest > b.manifest ? 1 : a.line - b.line));
  }

  /** The HTTP server frameworks the workspace declares. */
  serverFrameworks(): DependencyRef[] {
    return this.findDependencies(SERVER_FRAMEWORKS);
  }

  /** Imports and requires of the product's source files, in file order. */
  imports(): readonly ImportSite[] {
    if (this.importList) return this.importList;
    const out: ImportSite[] = [];
    for (const file of this.projectSourceFiles()) {
      const code = this.code(file);
      if (code === undefined) continue;
      for (const ref of scanImports(code)) out.push({ ...ref, file });
    }
    this.importList = out;
    return out;
  }

  /** Imports of any of these modules (or their subpaths; `@scope/*` for a whole scope). */
  importsOf(modules: readonly string[]): ImportSite[] {
    return this.imports().filter((i) => modules.some((m) => (m.endsWith('/*') ? i.module.startsWith(m.slice(0, -1)) : isModule(i.module, m))));
  }

  /** The first line after the import where one of its local names is used, if any. */
  useOf(site: ImportSite): { line: number; text: string } | undefined {
    const code = this.code(site.file);
    const text = this.read(site.file);
    if (code === undefined || text === undefined) return undefined;
    if (!site.locals.length) return { line: site.line, text: lineText(text, site.line) };
    const starts = lineStarts(code);
    for (const local of site.locals) {
      const re = new RegExp(`(?<![\\w$.])${local.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
      for (const m of code.matchAll(re)) {
        if (m.index >= site.start && m.index < site.end) continue;
        const line = lineOf(starts, m.index);
        return { line, text: lineText(text, line) };
      }
    }
    return undefined;
  }
}

function lineText(text: string, line: number): string {
  const starts = lineStarts(text);
  const from = starts[line - 1] ?? 0;
  const to = line < starts.length ? starts[line] - 1 : text.length;
  const s = text.slice(from, to).trim();
  return s.length > 100 ? `${s.slice(0, 97)}…` : s;
}

function isTestFile(rel: string): boolean {
  return /(?:[.\-_](?:test|spec)|\.e2e-spec)\.[cm]?[jt]sx?$/i.test(rel);
}

function depEvidence(ref: DependencyRef, what?: string): ProbeEvidence {
  return { file: ref.manifest, line: ref.line, detail: `${what ? `${what}: ` : ''}"${ref.name}": "${ref.version}" in ${ref.section}` };
}

function importEvidence(ctx: ProbeContext, site: ImportSite, what: string): ProbeEvidence[] {
  const out: ProbeEvidence[] = [{ file: site.file, line: site.line, detail: `${what}: imports '${site.module}'` }];
  const use = ctx.useOf(site);
  if (use && use.line !== site.line) out.push({ file: site.file, line: use.line, detail: `used: ${use.text}` });
  return out;
}

function uniqueNames(refs: readonly DependencyRef[]): string[] {
  return [...new Set(refs.map((r) => r.name))];
}

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

// ---------------------------------------------------------------------------------------------
// typescript-strict

/** Switching one of these off again under `strict` leaves the checks that matter most turned off. */
const CORE_STRICT = ['noImplicitAny', 'strictNullChecks'];
const STRICT_FAMILY = ['noImplicitAny', 'strictNullChecks', 'strictFunctionTypes', 'strictBindCallApply', 'strictPropertyInitialization', 'noImplicitThis', 'alwaysStrict', 'useUnknownInCatchVariables', 'strictBuiltinIteratorReturn'];

interface OptionValue {
  value: unknown;
  /** Workspace-relative file (or the absolute path of an installed package config). */
  file: string;
  line: number;
}

interface ResolvedTsconfig {
  options: Map<string, OptionValue>;
  /** extends entries that could not be read. */
  unresolved: string[];
  errors: string[];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Line of `"key":` in a JSON(C) text, searching after `"within":` when given (e.g. a script name inside "scripts"). */
function keyLine(text: string, key: string, within?: string): number {
  const code = blankComments(text);
  const from = within ? Math.max(0, code.search(new RegExp(`"${escapeRegExp(within)}"\\s*:`))) : 0;
  const at = code.slice(from).search(new RegExp(`"${escapeRegExp(key)}"\\s*:`));
  return at < 0 ? 1 : lineOf(lineStarts(code), from + at);
}

function resolveTsconfig(ctx: ProbeContext, abs: string, seen: Set<string>): ResolvedTsconfig {
  const result: ResolvedTsconfig = { options: new Map(), unresolved: [], errors: [] };
  const shown = displayPath(ctx, abs);
  if (seen.has(abs)) {
    result.errors.push(`${shown} extends itself in a cycle`);
    return result;
  }
  seen.add(abs);
  let text: string;
  let json: Record<string, unknown>;
  try {
    text = readFileSync(abs, 'utf8');
    const parsed = parseJsonc(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not a JSON object');
    json = parsed as Record<string, unknown>;
  } catch (err) {
    result.errors.push(`${shown} cannot be read: ${(err as Error).message}`);
    return result;
  }
  const ext = json.extends;
  const bases = typeof ext === 'string' ? [ext] : Array.isArray(ext) ? ext.filter((e): e is string => typeof e === 'string') : [];
  for (const base of bases) {
    const target = resolveExtends(ctx, path.dirname(abs), base);
    if (!target) {
      result.unresolved.push(base);
      continue;
    }
    const inner = resolveTsconfig(ctx, target, seen);
    for (const [k, v] of inner.options) result.options.set(k, v);
    result.unresolved.push(...inner.unresolved);
    result.errors.push(...inner.errors);
  }
  const compilerOptions = json.compilerOptions;
  if (compilerOptions && typeof compilerOptions === 'object') {
    for (const [k, v] of Object.entries(compilerOptions as Record<string, unknown>)) {
      if (k === 'strict' || STRICT_FAMILY.includes(k)) result.options.set(k, { value: v, file: shown, line: keyLine(text, k) });
    }
  }
  return result;
}

/** Resolves a tsconfig `extends` entry: relative files, or a package config when node_modules has it. */
function resolveExtends(ctx: ProbeContext, fromDir: string, spec: string): string | undefined {
  const candidates: string[] = [];
  if (spec.startsWith('.') || path.isAbsolute(spec)) {
    const base = path.resolve(fromDir, spec);
    candidates.push(base, `${base}.json`, path.join(base, 'tsconfig.json'));
  } else {
    // a package: read it only if it is installed (looking, never running)
    for (let dir = fromDir; ; dir = path.dirname(dir)) {
      const base = path.join(dir, 'node_modules', spec);
      candidates.push(base, `${base}.json`, path.join(base, 'tsconfig.json'));
      if (dir === ctx.root || path.dirname(dir) === dir || !dir.startsWith(ctx.root)) break;
    }
  }
  return candidates.find((c) => {
    try {
      return statSync(c).isFile();
    } catch {
      return false;
    }
  });
}

function displayPath(ctx: ProbeContext, abs: string): string {
  const rel = path.relative(ctx.root, abs).split(path.sep).join('/');
  return rel.startsWith('..') ? abs : rel;
}

const typescriptStrict: ProbeDefinition = {
  id: 'typescript-strict',
  title: 'TypeScript strict mode',
  category: 'code-quality',
  items: ['code-quality.strict-types'],
  run(root, ctx) {
    const configs = ctx.files().filter((f) => /(?:^|\/)tsconfig(?:\.[^/]+)?\.json$/.test(f) && !isAuxiliary(f));
    const tsFiles = ctx.projectSourceFiles().filter((f) => /\.[cm]?tsx?$/.test(f));
    if (!configs.length) {
      if (!tsFiles.length) return { status: 'unknown', summary: 'No TypeScript in this workspace: no tsconfig.json and no .ts files.', evidence: [{ detail: 'looked for tsconfig.json and tsconfig.*.json files and for .ts/.tsx/.mts/.cts source files; found none' }] };
      return {
        status: 'fail',
        summary: `${plural(tsFiles.length, 'TypeScript file')} but no tsconfig.json, so the compiler runs with its defaults, which are not strict.`,
        evidence: [{ file: tsFiles[0], detail: `first of ${plural(tsFiles.length, 'TypeScript file')}; no tsconfig.json or tsconfig.*.json anywhere in the workspace` }],
      };
    }
    // a config that another config extends is judged through the configs that extend it
    const extended = new Set<string>();
    const parsedConfigs = new Map<string, Record<string, unknown> | undefined>();
    for (const file of configs) {
      let json: Record<string, unknown> | undefined;
      try {
        const parsed = parseJsonc(ctx.read(file) ?? '');
        json = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
      } catch {
        json = undefined;
      }
      parsedConfigs.set(file, json);
      const ext = json?.extends;
      for (const base of typeof ext === 'string' ? [ext] : Array.isArray(ext) ? ext : []) {
        if (typeof base !== 'string') continue;
        const target = resolveExtends(ctx, path.dirname(path.join(ctx.root, file)), base);
        const shown = target && displayPath(ctx, target);
        if (shown && shown !== file) extended.add(shown);
      }
    }
    const evidence: ProbeEvidence[] = [];
    let fails = 0;
    let unknowns = 0;
    let passes = 0;
    // configs that extend each other in a cycle would all be skipped as base configs: judge them then
    const judgeBases = configs.every((f) => extended.has(f));
    for (const file of configs) {
      const json = parsedConfigs.get(file);
      if (extended.has(file) && !judgeBases) {
        evidence.push({ file, detail: 'base config, judged through the configs that extend it' });
        continue;
      }
      if (json && Array.isArray(json.files) && json.files.length === 0 && Array.isArray(json.references) && json.include === undefined) {
        evidence.push({ file, detail: 'solution-style config (files: [] and references): compiles nothing itself' });
        continue;
      }
      const r = resolveTsconfig(ctx, path.join(ctx.root, file), new Set());
      if (r.errors.length) {
        unknowns++;
        evidence.push({ file, detail: r.errors.join('; ') });
        continue;
      }
      const strict = r.options.get('strict');
      const turnedOff = STRICT_FAMILY.filter((k) => r.options.get(k)?.value === false);
      const coreOff = turnedOff.filter((k) => CORE_STRICT.includes(k));
      if (strict?.value === true) {
        const via = strict.file !== file ? ` (set in ${strict.file}, reached through extends)` : '';
        if (coreOff.length) {
          fails++;
          const where = r.options.get(coreOff[0])!;
          evidence.push({ file: where.file, line: where.line, detail: `"strict": true${via}, but ${list(coreOff)} switched off again for ${file}` });
        } else {
          passes++;
          const except = turnedOff.length ? `, except ${list(turnedOff)}` : '';
          evidence.push({ file: strict.file, line: strict.line, detail: `"strict": true${via}${strict.file !== file ? ` for ${file}` : ''}${except}` });
        }
      } else if (strict?.value === false) {
        fails++;
        evidence.push({ file: strict.file, line: strict.line, detail: `"strict": false${strict.file !== file ? ` (in ${strict.file}, reached through extends from ${file})` : ''}` });
      } else if (r.unresolved.length) {
        unknowns++;
        evidence.push({ file, detail: `no "strict" set here; it extends ${list(r.unresolved.map((u) => `'${u}'`))}, which is not in the workspace or node_modules, so its settings cannot be read` });
      } else {
        fails++;
        const partial = STRICT_FAMILY.filter((k) => r.options.get(k)?.value === true);
        evidence.push({ file, detail: `"strict" is not set (the default is off)${partial.length ? `; only ${list(partial)} on` : ''}` });
      }
    }
    const judged = passes + fails + unknowns;
    if (fails) return { status: 'fail', summary: `Strict mode is off in ${fails} of ${plural(judged, 'tsconfig file')}.`, evidence };
    if (unknowns) return { status: 'unknown', summary: `Strict mode could not be determined for ${unknowns} of ${plural(judged, 'tsconfig file')} (an extended config is not readable).`, evidence };
    if (!passes) return { status: 'unknown', summary: 'The tsconfig files found compile nothing themselves (solution-style or base configs only).', evidence };
    return { status: 'pass', summary: passes === 1 ? 'Strict mode is on in the tsconfig.' : `Strict mode is on in all ${passes} tsconfig files.`, evidence };
  },
};

// ---------------------------------------------------------------------------------------------
// linter-configured

const LINTER_FILES: readonly [RegExp, string, string][] = [
  [/(?:^|\/)eslint\.config\.(?:js|mjs|cjs|ts|mts|cts)$/, 'ESLint', 'ESLint flat config'],
  [/(?:^|\/)\.eslintrc(?:\.(?:js|cjs|mjs|json|yaml|yml))?$/, 'ESLint', 'ESLint config (eslintrc format)'],
  [/(?:^|\/)biome\.jsonc?$/, 'Biome', 'Biome config'],
  [/(?:^|\/)rome\.json$/, 'Rome', 'Rome (now Biome) config'],
  [/(?:^|\/)\.?oxlintrc\.json$/, 'oxlint', 'oxlint config'],
  [/(?:^|\/)oxlint\.config\.(?:ts|js|mjs)$/, 'oxlint', 'oxlint config'],
  [/(?:^|\/)tslint\.json$/, 'TSLint', 'TSLint config (TSLint is deprecated; ESLint replaces it)'],
  [/(?:^|\/)\.xo-config(?:\.(?:js|cjs|json))?$/, 'XO', 'XO config'],
];
const LINT_TOOL_NAMES: Readonly<Record<string, string>> = { eslint: 'ESLint', biome: 'Biome', oxlint: 'oxlint', xo: 'XO', standard: 'standard', 'ts-standard': 'ts-standard', deno: 'deno lint' };
const LINT_SCRIPT = /(?:^|[\s;&|(])(?:npx\s+|pnpm\s+(?:exec\s+)?|yarn\s+|bunx\s+)?(eslint|biome\s+(?:lint|check|ci)|oxlint|xo|standard|ts-standard|deno\s+lint)(?=$|[\s;&|)])/;

const linterConfigured: ProbeDefinition = {
  id: 'linter-configured',
  title: 'Linter configured',
  category: 'code-quality',
  items: ['code-quality.linter-blocks-merge'],
  run(root, ctx) {
    const evidence: ProbeEvidence[] = [];
    const configured = new Set<string>();
    const scripted = new Set<string>();
    for (const file of ctx.files()) {
      if (isAuxiliary(file)) continue;
      const hit = LINTER_FILES.find(([re]) => re.test(file));
      if (hit) {
        configured.add(hit[1]);
        evidence.push({ file, detail: hit[2] });
      }
    }
    for (const m of ctx.manifests()) {
      for (const [key, tool] of [['eslintConfig', 'ESLint'], ['xo', 'XO'], ['standard', 'standard']] as const) {
        if (m.json[key] === undefined) continue;
        configured.add(tool);
        evidence.push({ file: m.file, line: keyLine(m.text, key), detail: `"${key}" section in package.json` });
      }
      const scripts = m.json.scripts;
      if (scripts && typeof scripts === 'object') {
        for (const [name, cmd] of Object.entries(scripts as Record<string, unknown>)) {
          const hit = typeof cmd === 'string' ? LINT_SCRIPT.exec(cmd) : null;
          if (!hit) continue;
          scripted.add(LINT_TOOL_NAMES[hit[1].split(/\s/)[0]] ?? hit[1]);
          evidence.push({ file: m.file, line: keyLine(m.text, name, 'scripts'), detail: `script "${name}" runs ${hit[1].replace(/\s+/g, ' ')}` });
        }
      }
    }
    for (const file of ctx.files().filter((f) => /(?:^|\/)deno\.jsonc?$/.test(f) && !isAuxiliary(f))) {
      const text = ctx.read(file) ?? '';
      try {
        const json = parseJsonc(text) as Record<string, unknown>;
        if (json && typeof json === 'object' && json.lint !== undefined) {
          configured.add('deno lint');
          evidence.push({ file, line: keyLine(text, 'lint'), detail: '"lint" section for deno lint' });
        }
        const tasks = json?.tasks;
        if (tasks && typeof tasks === 'object') {
          for (const [name, cmd] of Object.entries(tasks as Record<string, unknown>)) {
            if (typeof cmd !== 'string' || !/\bdeno\s+lint\b/.test(cmd)) continue;
            scripted.add('deno lint');
            evidence.push({ file, line: keyLine(text, name, 'tasks'), detail: `task "${name}" runs deno lint` });
          }
        }
      } catch {
        // unreadable deno.json: nothing to report from it
      }
    }
    if (configured.size) return { status: 'pass', summary: `A linter is configured (${list([...configured])}).`, evidence };
    if (scripted.size) return { status: 'pass', summary: `A lint script runs ${list([...scripted])} with its built-in rules (no configuration file).`, evidence };
    const looked = 'looked for eslint.config.*, .eslintrc*, biome.json(c), .oxlintrc.json, tslint.json, "eslintConfig"/"xo"/"standard" in package.json, lint scripts, and a "lint" section in deno.json; found none';
    if (!ctx.sourceFiles().length) return { status: 'unknown', summary: 'No JavaScript or TypeScript in this workspace, and no linter configuration.', evidence: [{ detail: looked }] };
    return { status: 'fail', summary: 'No linter configuration found.', evidence: [{ detail: looked }] };
  },
};

// ---------------------------------------------------------------------------------------------
// tests-present

const TEST_DIRS = new Set(['test', 'tests', '__tests__', 'spec', 'e2e', 'cypress', 'playwright']);
const NPM_PLACEHOLDER = /no test specified/;

const testsPresent: ProbeDefinition = {
  id: 'tests-present',
  title: 'Tests present',
  category: 'code-quality',
  items: ['code-quality.critical-path-tests'],
  run(root, ctx) {
    const sources = ctx.sourceFiles();
    const tests = sources.filter((f) => isTestFile(f) || (f.split('/').slice(0, -1).some((s) => TEST_DIRS.has(s)) && !f.split('/').includes('fixtures')));
    const evidence: ProbeEvidence[] = [];
    if (tests.length) {
      const folders = [...new Set(tests.map((f) => path.posix.dirname(f)))];
      evidence.push({ detail: `${plural(tests.length, 'test file')} in ${plural(folders.length, 'folder')}` });
      for (const f of tests.slice(0, 3)) evidence.push({ file: f, detail: 'test file' });
    }
    let placeholder: ProbeEvidence | undefined;
    for (const m of ctx.manifests()) {
      const scripts = m.json.scripts as Record<string, unknown> | undefined;
      const test = scripts && typeof scripts === 'object' ? scripts.test : undefined;
      if (typeof test !== 'string') continue;
      if (NPM_PLACEHOLDER.test(test)) placeholder = { file: m.file, line: keyLine(m.text, 'test', 'scripts'), detail: 'the "test" script is npm\'s placeholder ("no test specified")' };
      else evidence.push({ file: m.file, line: keyLine(m.text, 'test', 'scripts'), detail: `"test" script: ${test.length > 80 ? `${test.slice(0, 77)}…` : test}` });
    }
    if (tests.length) return { status: 'pass', summary: `${plural(tests.length, 'test file')} found.`, evidence };
    if (evidence.length) return { status: 'pass', summary: 'A test script is set up, but no test files were found under the usual names (*.test.*, *.spec.*, test/ folders).', evidence };
    const looked = { detail: 'looked for *.test.* / *.spec.* files, source files under test/, tests/, __tests__/, spec/, e2e/, cypress/, and a "test" script in package.json; found none' };
    if (!sources.length && !ctx.manifests().length) return { status: 'unknown', summary: 'No JavaScript or TypeScript project in this workspace.', evidence: [looked] };
    return { status: 'fail', summary: 'No tests found.', evidence: placeholder ? [looked, placeholder] : [looked] };
  },
};

// ---------------------------------------------------------------------------------------------
// ci-workflow

const CI_FILES: readonly [RegExp, string][] = [
  [/^\.github\/workflows\/[^/]+\.ya?ml$/, 'GitHub Actions workflow'],
  [/^\.gitlab-ci\.ya?ml$/, 'GitLab CI pipeline'],
  [/^\.circleci\/config\.ya?ml$/, 'CircleCI config'],
  [/^azure-pipelines\.ya?ml$/, 'Azure Pipelines definition'],
  [/^Jenkinsfile$/, 'Jenkins pipeline'],
  [/^bitbucket-pipelines\.ya?ml$/, 'Bitbucket Pipelines definition'],
  [/^\.ci\/.+/, 'CI folder (.ci/)'],
  [/^\.travis\.ya?ml$/, 'Travis CI config'],
  [/^\.drone\.ya?ml$/, 'Drone CI pipeline'],
  [/^\.buildkite\/.+\.ya?ml$/, 'Buildkite pipeline'],
  [/^\.woodpecker(?:\.ya?ml|\/.+\.ya?ml)$/, 'Woodpecker CI pipeline'],
  [/^\.(?:gitea|forgejo)\/workflows\/[^/]+\.ya?ml$/, 'Gitea/Forgejo Actions workflow'],
  [/^appveyor\.ya?ml$/, 'AppVeyor config'],
  [/^\.semaphore\/semaphore\.ya?ml$/, 'Semaphore pipeline'],
  [/^(?:cloudbuild|buildspec)\.ya?ml$/, 'cloud build spec'],
];

const ciWorkflow: ProbeDefinition = {
  id: 'ci-workflow',
  title: 'CI workflow present',
  category: 'code-quality',
  items: ['code-quality.fast-trusted-ci', 'code-quality.linter-blocks-merge', 'code-quality.strict-types'],
  run(root, ctx) {
    const evidence: ProbeEvidence[] = [];
    for (const file of ctx.files()) {
      const hit = CI_FILES.find(([re]) => re.test(file));
      if (hit) evidence.push({ file, detail: hit[1] });
    }
    if (evidence.length) return { status: 'pass', summary: `${plural(evidence.length, 'CI definition')} found (${list([...new Set(evidence.map((e) => e.detail))].slice(0, 3))}).`, evidence };
    return {
      status: 'fail',
      summary: 'No CI workflow found in the workspace folder.',
      evidence: [{ detail: 'looked for .github/workflows/*.yml, .gitlab-ci.yml, .circleci/config.yml, azure-pipelines.yml, Jenkinsfile, bitbucket-pipelines.yml, .ci/, .travis.yml, .drone.yml, .buildkite/ and similar at the top of the workspace folder (a CI definition in a parent folder is not seen); found none' }],
    };
  },
};

// ---------------------------------------------------------------------------------------------
// lockfile-present

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb'];

const lockfilePresent: ProbeDefinition = {
  id: 'lockfile-present',
  title: 'Lockfile committed',
  category: 'security',
  items: ['security.dependency-scanning'],
  run(root, ctx) {
    const withDeps = ctx.manifests().filter((m) => DEPENDENCY_SECTIONS.some((s) => m.json[s] && typeof m.json[s] === 'object' && Object.keys(m.json[s] as object).length));
    if (!withDeps.length) {
      return { status: 'unknown', summary: 'No package.json with dependencies, so there is nothing to lock.', evidence: [{ detail: ctx.manifests().length ? 'package.json declares no dependencies' : 'no package.json in the workspace' }] };
    }
    const evidence: ProbeEvidence[] = [];
    let missing = 0;
    for (const m of withDeps) {
      let found: string | undefined;
      // a lockfile in the package's folder or in a folder above it (workspaces share the root lockfile)
      for (let dir = m.dir; ; dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '') {
        found = LOCKFILES.map((l) => (dir ? `${dir}/${l}` : l)).find((l) => ctx.has(l));
        if (found || !dir) break;
      }
      if (found) evidence.push({ file: found, detail: `lockfile for ${m.file}` });
      else {
        missing++;
        evidence.push({ file: m.file, detail: `no ${LOCKFILES.join(', ')} next to it or in a folder above it` });
      }
    }
    if (missing) return { status: 'fail', summary: missing === withDeps.length && missing === 1 ? 'No lockfile: installs can pick up different dependency versions than the ones tested.' : `${missing} of ${plural(withDeps.length, 'package')} have no lockfile.`, evidence };
    return { status: 'pass', summary: `Dependencies are locked (${list([...new Set(evidence.map((e) => path.posix.basename(e.file ?? '')))])}).`, evidence };
  },
};

// ---------------------------------------------------------------------------------------------
// structured-logger

const STRUCTURED_LOGGERS = [
  'pino', 'pino-http', 'nestjs-pino', 'express-pino-logger', 'koa-pino-logger', 'hono-pino',
  'winston', 'nest-winston', 'express-winston', '@google-cloud/logging-winston',
  'bunyan', '@google-cloud/logging-bunyan', 'roarr', 'tslog', '@aws-lambda-powertools/logger', '@logtape/logtape', 'lambda-log',
];
/** Loggers whose default output is plain text; JSON is possible but has to be configured. */
const TEXT_FIRST_LOGGERS = ['log4js', 'consola', 'loglevel', 'signale'];

const structuredLogger: ProbeDefinition = {
  id: 'structured-logger',
  title: 'Structured logger',
  category: 'observability',
  items: ['observability.structured-logs'],
  run(root, ctx) {
    const deps = ctx.findDependencies(STRUCTURED_LOGGERS);
    const sites = ctx.importsOf(STRUCTURED_LOGGERS);
    const evidence: ProbeEvidence[] = deps.map((d) => depEvidence(d));
    if (deps.length && sites.length) {
      for (const s of sites.slice(0, 3)) evidence.push(...importEvidence(ctx, s, 'logger set up'));
      return { status: 'pass', summary: `Structured logger in use (${list(uniqueNames(deps))}).`, evidence };
    }
    // Fastify logs through pino when its `logger` option is set
    const fastify = ctx.importsOf(['fastify']).filter((s) => /\blogger\s*:\s*(?:true|\{|[\w$]+)/.test(ctx.code(s.file) ?? ''));
    if (fastify.length && ctx.findDependencies(['fastify']).length) {
      const s = fastify[0];
      const code = ctx.code(s.file) ?? '';
      const at = code.search(/\blogger\s*:/);
      return { status: 'pass', summary: 'Fastify\'s built-in pino logger is switched on.', evidence: [...ctx.findDependencies(['fastify']).map((d) => depEvidence(d)), { file: s.file, line: lineOf(lineStarts(code), at), detail: 'logger option of the Fastify instance' }] };
    }
    if (deps.length) {
      return { status: 'fail', summary: `${list(uniqueNames(deps))} is declared, but no source file imports it.`, evidence: [...evidence, { detail: 'no import or require of it in the source files (tests, fixtures and examples left out)' }] };
    }
    const textFirst = ctx.findDependencies(TEXT_FIRST_LOGGERS);
    if (textFirst.length) {
      return {
        status: 'unknown',
        summary: `${list(uniqueNames(textFirst))} writes plain text by default; check that it is configured for JSON output.`,
        evidence: textFirst.map((d) => depEvidence(d)),
      };
    }
    const looked = { detail: `looked for ${STRUCTURED_LOGGERS.slice(0, 8).join(', ')}, … in package.json; found none` };
    if (!ctx.manifests().length && !ctx.sourceFiles().length) return { status: 'unknown', summary: 'No JavaScript or TypeScript project in this workspace.', evidence: [looked] };
    return { status: 'fail', summary: 'No structured logging library is declared.', evidence: [looked] };
  },
};

// ---------------------------------------------------------------------------------------------
// no-console-in-server-code

const CONSOLE_CALL = /(?<![\w$.])console\s*\.\s*(log|info|warn|error|debug|trace|dir|table)\s*\(/g;
const CONSOLE_SHOWN = 5;

const noConsoleInServerCode: ProbeDefinition = {
  id: 'no-console-in-server-code',
  title: 'No bare console calls in server code',
  category: 'observability',
  items: ['observability.structured-logs'],
  run(root, ctx) {
    const inServer = splitGlobs(ctx.options.serverGlobs);
    const notServer = splitGlobs(ctx.options.serverExcludes);
    const files = ctx.sourceFiles().filter((f) => inServer(f) && !notServer(f));
    const scope = `server code: ${ctx.options.serverGlobs.join(', ')}, without tests, scripts and CLI code`;
    if (!files.length) return { status: 'unknown', summary: `No server code to check (no source files match ${ctx.options.serverGlobs.join(', ')}).`, evidence: [{ detail: `${scope}; no files matched (the globs can be configured)` }] };
    const hits: ProbeEvidence[] = [];
    const byMethod = new Map<string, number>();
    for (const file of files) {
      const text = ctx.read(file);
      if (text === undefined || !text.includes('console')) continue;
      // strings blanked too: console.log quoted in a string (a docs example, a template) is not a call
      const code = ctx.bareCode(file);
      if (code === undefined) continue;
      const starts = lineStarts(code);
      for (const m of code.matchAll(CONSOLE_CALL)) {
        byMethod.set(m[1], (byMethod.get(m[1]) ?? 0) + 1);
        const line = lineOf(starts, m.index);
        hits.push({ file, line, detail: lineText(text, line) });
      }
    }
    if (!hits.length) return { status: 'pass', summary: `No console calls in ${plural(files.length, 'server source file')}.`, evidence: [{ detail: `${scope}; ${plural(files.length, 'file')} checked` }] };
    const methods = [...byMethod].sort((a, b) => b[1] - a[1]).map(([m, n]) => `${n} console.${m}`);
    const evidence = [{ detail: `${scope}; ${plural(files.length, 'file')} checked` }, ...hits.slice(0, CONSOLE_SHOWN)];
    if (hits.length > CONSOLE_SHOWN) evidence.push({ detail: `and ${hits.length - CONSOLE_SHOWN} more` });
    return { status: 'fail', summary: `${plural(hits.length, 'console call')} in server code (${list(methods)}): these bypass the structured logger.`, evidence };
  },
};

// ---------------------------------------------------------------------------------------------
// tracing-configured

const TRACING_PACKAGES = [
  '@opentelemetry/*', '@vercel/otel', '@splunk/otel', '@honeycombio/opentelemetry-node', '@azure/monitor-opentelemetry', '@highlight-run/node',
  'dd-trace', 'elastic-apm-node', 'newrelic', 'applicationinsights', '@dynatrace/oneagent', 'appdynamics',
];
const PRELOAD = /(?<![\w-])(?:-r|--require|--import|--loader)['",]?[\s='",]+((?:@[\w.-]+\/)?[\w.-]+(?:\/[\w.-]+)*)/g;

const tracingConfigured: ProbeDefinition = {
  id: 'tracing-configured',
  title: 'Tracing (OpenTelemetry or an APM agent)',
  category: 'observability',
  items: ['observability.tracing'],
  run(root, ctx) {
    const deps = ctx.findDependencies(TRACING_PACKAGES);
    const sites = ctx.importsOf(TRACING_PACKAGES);
    const evidence: ProbeEvidence[] = deps.map((d) => depEvidence(d));
    const declared = new Set(deps.map((d) => d.name));
    // agents preloaded from the start command (node -r dd-trace/init, --require @opentelemetry/auto-instrumentations-node/register)
    const preloads: ProbeEvidence[] = [];
    const preloadOf = (cmd: string) => [...cmd.matchAll(PRELOAD)].map((m) => m[1]).filter((mod) => TRACING_PACKAGES.some((p) => (p.endsWith('/*') ? mod.startsWith(p.slice(0, -1)) : isModule(mod, p))));
    for (const m of ctx.manifests()) {
      const scripts = m.json.scripts;
      if (!scripts || typeof scripts !== 'object') continue;
      for (const [name, cmd] of Object.entries(scripts as Record<string, unknown>)) {
        if (typeof cmd !== 'string') continue;
        for (const mod of preloadOf(cmd)) preloads.push({ file: m.file, line: keyLine(m.text, name, 'scripts'), detail: `script "${name}" preloads ${mod}` });
      }
    }
    for (const file of ctx.files().filter((f) => /(?:^|\/)(?:Dockerfile[^/]*|Procfile)$/.test(f) && !isAuxiliary(f))) {
      const text = ctx.read(file) ?? '';
      text.split('\n').forEach((l, i) => {
        for (const mod of preloadOf(l)) preloads.push({ file, line: i + 1, detail: `preloads ${mod}` });
      });
    }
    if (deps.length && (sites.length || preloads.length)) {
      for (const s of sites.slice(0, 3)) evidence.push(...importEvidence(ctx, s, 'tracing set up'));
      evidence.push(...preloads.slice(0, 3));
      const otel = [...declared].some((n) => n.startsWith('@opentelemetry/') || n.includes('otel') || n.includes('opentelemetry'));
      return { status: 'pass', summary: `Tracing is set up (${otel ? 'OpenTelemetry' : list([...declared])}).`, evidence };
    }
    if (deps.length) return { status: 'fail', summary: `${list([...declared].slice(0, 3))} ${declared.size === 1 ? 'is' : 'are'} declared, but nothing imports or preloads ${declared.size === 1 ? 'it' : 'them'}, so no traces are produced.`, evidence: [...evidence, { detail: 'no import or require in the source files, and no -r/--require/--import in package.json scripts, Dockerfiles or Procfiles' }] };
    const looked = { detail: 'looked for @opentelemetry/* packages, @vercel/otel, dd-trace, elastic-apm-node, newrelic and applicationinsights in package.json; found none' };
    if (!ctx.manifests().length && !ctx.sourceFiles().length) return { status: 'unknown', summary: 'No JavaScript or TypeScript project in this workspace.', evidence: [looked] };
    return { status: 'fail', summary: 'No tracing library (OpenTelemetry or an APM agent) is declared.', evidence: [looked] };
  },
};

// ---------------------------------------------------------------------------------------------
// health-check-route

const HEALTH_NAME = '_{0,2}(?:health(?:z|check|-check|_check)?|ready(?:z|ness)?|live(?:z|ness)?|alive|status|ping|heartbeat)';
const PATH_PREFIX = '(?:/(?:api|v\\d+|internal|system|meta|_meta|management|actuator|ops|monitoring))*';
const HEALTH_PATH = `${PATH_PREFIX}/${HEALTH_NAME}(?:/[\\w-]+)*/?`;
/** What a route handler argument starts with: `async (`, `function`, `(req, res) =>`, `handler,` / `handler)`. */
const HANDLER = '(?:async\\b|function\\b|\\(|[\\w$.]+\\s*(?:[,)]|=>))';
const HEALTH_ROUTE = new RegExp(
  [
    // app.get('/health'), router.route('/api/healthz'), fastify.head('/ready')
    // (a second argument that is a handler, possibly after a route-options object: a client's
    // `api.get('/health', { timeout })` is a call to another service, not a route)
    `\\.\\s*(?:get|head|all|use|options)\\s*\\(\\s*(['"\`])(${HEALTH_PATH})\\1\\s*,\\s*(?:\\{(?:[^{}]|\\{[^{}]*\\})*\\}\\s*,\\s*)?${HANDLER}`,
    `\\.\\s*route\\s*\\(\\s*(['"\`])(${HEALTH_PATH})\\3`,
    // @Get('health'), @Controller('healthz') (NestJS: the leading slash is optional)
    `@(?:Get|Head|All|Controller)\\s*\\(\\s*(['"\`])(/?${HEALTH_NAME}(?:/[\\w-]+)*)\\5`,
    // { url: '/health' }, { path: '/livez' }, healthChecks: { '/healthcheck': fn }
    `\\b(?:url|path|route)\\s*:\\s*(['"\`])(${HEALTH_PATH})\\7`,
    `(['"\`])(${HEALTH_PATH})\\9\\s*:`,
  ].join('|'),
  'g',
);
/** Next.js (app/…/health/route.ts, pages/api/health.ts) and SvelteKit (routes/…/health/+server.ts) file routes. */
const FILE_ROUTE = new RegExp(`(?:^|/)(?:app/(?:[^/]+/)*${HEALTH_NAME}/route|pages/api/(?:[^/]+/)*${HEALTH_NAME}(?:/index)?|routes/(?:[^/]+/)*${HEALTH_NAME}/\\+server)\\.[cm]?[jt]sx?$`);
const HEALTH_LIBRARIES = ['@nestjs/terminus', '@godaddy/terminus', 'lightship', 'express-healthcheck', 'express-actuator', 'fastify-healthcheck'];

const healthCheckRoute: ProbeDefinition = {
  id: 'health-check-route',
  title: 'Health-check route',
  category: 'observability',
  items: ['observability.health-checks'],
  run(root, ctx) {
    const evidence: ProbeEvidence[] = [];
    for (const file of ctx.projectSourceFiles()) {
      if (FILE_ROUTE.test(file)) evidence.push({ file, detail: 'file-based health route' });
      const code = ctx.code(file);
      if (code === undefined || !/health|ready|live|alive|status|ping|heartbeat/i.test(code)) continue;
      const starts = lineStarts(code);
      const text = ctx.read(file) ?? '';
      for (const m of code.matchAll(HEALTH_ROUTE)) {
        const route = m[2] ?? m[4] ?? m[6] ?? m[8] ?? m[10];
        const line = lineOf(starts, m.index);
        evidence.push({ file, line, detail: `route ${route.startsWith('/') ? route : `/${route}`}: ${lineText(text, line)}` });
      }
    }
    for (const s of ctx.importsOf(HEALTH_LIBRARIES)) evidence.push(...importEvidence(ctx, s, 'health-check library'));
    const frameworks = ctx.serverFrameworks();
    if (evidence.length) {
      const routes = [...new Set(evidence.map((e) => /^route (\S+):/.exec(e.detail)?.[1]).filter((r): r is string => !!r))];
      return { status: 'pass', summary: routes.length ? `Health-check route${routes.length > 1 ? 's' : ''} ${list(routes.slice(0, 4))}.` : 'A health-check route is set up.', evidence: evidence.slice(0, 8) };
    }
    const looked = { detail: 'looked for routes named /health, /healthz, /ready, /readyz, /live, /livez, /status, /ping (also under /api or /v1), file-based health routes, and @nestjs/terminus, @godaddy/terminus or lightship in the source files; found none' };
    if (!frameworks.length) return { status: 'unknown', summary: 'No HTTP server framework is declared, so a health route may not apply (a worker can report health another way).', evidence: [looked] };
    return { status: 'fail', summary: `No health-check route found, though the workspace serves HTTP (${list(uniqueNames(frameworks).slice(0, 3))}).`, evidence: [...frameworks.slice(0, 2).map((d) => depEvidence(d, 'HTTP server')), looked] };
  },
};

// ---------------------------------------------------------------------------------------------
// security-headers

const HEADER_MIDDLEWARE = ['helmet', '@fastify/helmet', 'fastify-helmet', 'koa-helmet', 'lusca', 'hono/secure-headers', 'elysia-helmet', 'next-secure-headers', '@next-safe/middleware', 'next-safe'];
/** The header names set by hand: `res.setHeader('…')`, `c.header('…')`, `{ key: '…' }` (next.config), `{ '…': value }`. */
const HEADER_LITERAL = /(?:\b(?:setHeader|header|set|append)\s*\(\s*|\bkey\s*:\s*)(['"`])(Content-Security-Policy|Strict-Transport-Security)\1|(['"`])(Content-Security-Policy|Strict-Transport-Security)\3\s*:/gi;

const securityHeaders: ProbeDefinition = {
  id: 'security-headers',
  title: 'Security headers middleware',
  category: 'security',
  items: ['security.security-headers'],
  run(root, ctx) {
    const sites = ctx.importsOf(HEADER_MIDDLEWARE);
    const used = sites.filter((s) => ctx.useOf(s));
    const frameworks = ctx.serverFrameworks();
    if (used.length) {
      const evidence: ProbeEvidence[] = [];
      for (const s of used.slice(0, 3)) evidence.push(...importEvidence(ctx, s, 'security headers'));
      return { status: 'pass', summary: `Security headers are set by ${list([...new Set(used.map((s) => s.module))])}.`, evidence };
    }
    const manual: ProbeEvidence[] = [];
    for (const file of ctx.projectSourceFiles()) {
      const code = ctx.code(file);
      if (code === undefined || !/Security-Policy|Transport-Security/i.test(code)) continue;
      const starts = lineStarts(code);
      for (const m of code.matchAll(HEADER_LITERAL)) {
        const line = lineOf(starts, m.index);
        manual.push({ file, line, detail: `${m[2] ?? m[4]} header set by hand: ${lineText(ctx.read(file) ?? '', line)}` });
      }
    }
    if (manual.length) return { status: 'pass', summary: 'Security headers are set by the application itself (no middleware).', evidence: manual.slice(0, 5) };
    const declared = ctx.findDependencies(HEADER_MIDDLEWARE.filter((m) => !m.includes('/secure-headers')));
    const looked = { detail: `looked for ${HEADER_MIDDLEWARE.slice(0, 5).join(', ')}, … used in the source files, and Content-Security-Policy / Strict-Transport-Security headers set by hand; found none` };
    if (declared.length) return { status: 'fail', summary: `${list(uniqueNames(declared))} is declared, but no source file uses it.`, evidence: [...declared.map((d) => depEvidence(d)), ...sites.map((s) => ({ file: s.file, line: s.line, detail: `imported but not used: '${s.module}'` })), looked] };
    if (!frameworks.length) return { status: 'unknown', summary: 'No HTTP server framework is declared, so security headers may not apply here (a proxy or CDN may set them).', evidence: [looked] };
    return {
      status: 'fail',
      summary: `The workspace serves HTTP (${list(uniqueNames(frameworks).slice(0, 3))}) with no security-headers middleware; if a proxy or CDN sets them, record that in the audit.`,
      evidence: [...frameworks.slice(0, 2).map((d) => depEvidence(d, 'HTTP server')), looked],
    };
  },
};

// ---------------------------------------------------------------------------------------------
// rate-limiting

const RATE_LIMITERS = [
  'express-rate-limit', 'express-slow-down', 'rate-limiter-flexible', '@nestjs/throttler', '@fastify/rate-limit', 'fastify-rate-limit',
  'koa-ratelimit', 'koa2-ratelimit', 'hono-rate-limiter', '@upstash/ratelimit', 'express-brute', 'hapi-rate-limit', 'hapi-rate-limitor',
  'elysia-rate-limit', '@arcjet/node', '@arcjet/next', 'limiter-rate',
];

const rateLimiting: ProbeDefinition = {
  id: 'rate-limiting',
  title: 'Rate limiting',
  category: 'cost-control',
  items: ['cost-control.per-tenant-quotas'],
  run(root, ctx) {
    const sites = ctx.importsOf(RATE_LIMITERS);
    const used = sites.filter((s) => ctx.useOf(s));
    if (used.length) {
      const evidence: ProbeEvidence[] = [];
      for (const s of used.slice(0, 3)) evidence.push(...importEvidence(ctx, s, 'rate limiting'));
      return { status: 'pass', summary: `Requests are rate-limited (${list([...new Set(used.map((s) => s.module))])}).`, evidence };
    }
    const declared = ctx.findDependencies(RATE_LIMITERS);
    const frameworks = ctx.serverFrameworks();
    const looked = { detail: `looked for ${RATE_LIMITERS.slice(0, 6).join(', ')}, … used in the source files; found none` };
    if (declared.length) return { status: 'fail', summary: `${list(uniqueNames(declared))} is declared, but no source file uses it.`, evidence: [...declared.map((d) => depEvidence(d)), looked] };
    if (!frameworks.length) return { status: 'unknown', summary: 'No HTTP server framework is declared, so request rate limiting may not apply here.', evidence: [looked] };
    return {
      status: 'fail',
      summary: `No rate-limiting middleware, though the workspace serves HTTP (${list(uniqueNames(frameworks).slice(0, 3))}); if a gateway or proxy limits requests, record that in the audit.`,
      evidence: [...frameworks.slice(0, 2).map((d) => depEvidence(d, 'HTTP server')), looked],
    };
  },
};

// ---------------------------------------------------------------------------------------------
// migrations-folder

const SQL_DATABASES = [
  'pg', 'pg-promise', 'postgres', 'slonik', 'mysql', 'mysql2', 'sqlite3', 'better-sqlite3', 'sqlite', 'mssql', 'tedious', 'oracledb',
  '@prisma/client', 'prisma', 'typeorm', 'sequelize', 'knex', 'drizzle-orm', '@mikro-orm/core', 'kysely', 'objection', 'bookshelf',
  '@neondatabase/serverless', '@planetscale/database', '@libsql/client', '@vercel/postgres', '@supabase/supabase-js', '@electric-sql/pglite',
];
const DOCUMENT_DATABASES = ['mongoose', 'mongodb', '@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', 'couchbase', 'nano', '@azure/cosmos'];
const MIGRATION_DIR = /^(?:migrations?|migrate)$/;

const migrationsFolder: ProbeDefinition = {
  id: 'migrations-folder',
  title: 'Migrations folder',
  category: 'data-integrity',
  items: ['data-integrity.migrations-reviewed'],
  run(root, ctx) {
    const folders = new Map<string, number>();
    for (const file of ctx.files()) {
      if (isAuxiliary(file)) continue;
      const segments = file.split('/');
      const at = segments.slice(0, -1).findIndex((s) => MIGRATION_DIR.test(s));
      let dir: string | undefined;
      if (at >= 0) dir = segments.slice(0, at + 1).join('/');
      else if (/(?:^|\/)drizzle\/(?:[^/]+\.sql|meta\/_journal\.json)$/.test(file)) dir = file.slice(0, file.lastIndexOf('drizzle/') + 'drizzle'.length);
      if (dir) folders.set(dir, (folders.get(dir) ?? 0) + 1);
    }
    const sql = ctx.findDependencies(SQL_DATABASES);
    const documents = ctx.findDependencies(DOCUMENT_DATABASES);
    if (folders.size) {
      const evidence: ProbeEvidence[] = [...folders].slice(0, 5).map(([dir, n]) => ({ file: `${dir}/`, detail: `migrations folder with ${plural(n, 'file')}` }));
      return { status: 'pass', summary: `Schema changes are kept as migrations (${list([...folders.keys()].slice(0, 3).map((d) => `${d}/`))}).`, evidence };
    }
    const looked = { detail: 'looked for folders named migrations, migration or migrate (prisma/migrations, db/migrate, supabase/migrations, …) and drizzle/ with SQL files; found none' };
    if (sql.length) return { status: 'fail', summary: `No migrations folder, though the workspace uses a SQL database (${list(uniqueNames(sql).slice(0, 3))}).`, evidence: [...sql.slice(0, 3).map((d) => depEvidence(d, 'database')), looked] };
    if (documents.length) return { status: 'unknown', summary: `Only document databases are declared (${list(uniqueNames(documents).slice(0, 3))}); schema migrations may not apply.`, evidence: [...documents.slice(0, 2).map((d) => depEvidence(d, 'database')), looked] };
    return { status: 'unknown', summary: 'No database client is declared, so migrations do not apply.', evidence: [looked] };
  },
};

// ---------------------------------------------------------------------------------------------

/** Every probe, in the order reports list them. */
export const PROBES: readonly ProbeDefinition[] = [
  typescriptStrict,
  linterConfigured,
  testsPresent,
  ciWorkflow,
  lockfilePresent,
  structuredLogger,
  noConsoleInServerCode,
  tracingConfigured,
  healthCheckRoute,
  securityHeaders,
  rateLimiting,
  migrationsFolder,
];

export const PROBE_IDS: ReadonlySet<string> = new Set(PROBES.map((p) => p.id));

export function getProbe(id: string): ProbeDefinition | undefined {
  return PROBES.find((p) => p.id === id);
}

/** Runs the probes (all, or `only`) on a workspace folder. A probe that throws reports `unknown`. */
export function runProbes(root: string, opts: ProbeOptions = {}): ProbeOutcome[] {
  const absRoot = path.resolve(root);
  if (!existsSync(absRoot) || !statSync(absRoot).isDirectory()) throw new Error(`not a folder: ${root}`);
  const ctx = new ProbeContext(absRoot, opts);
  const out: ProbeOutcome[] = [];
  for (const probe of PROBES) {
    if (opts.only && !opts.only.includes(probe.id)) continue;
    let result: ProbeResult;
    try {
      result = probe.run(absRoot, ctx);
    } catch (err) {
      result = { status: 'unknown', summary: `The probe failed: ${(err as Error).message}`, evidence: [] };
    }
    if (ctx.truncated) result = { ...result, evidence: [...result.evidence, { detail: `the workspace has more than ${ctx.options.maxFiles} files; only the first ${ctx.options.maxFiles} were looked at` }] };
    out.push({ id: probe.id, title: probe.title, category: probe.category, items: probe.items ?? [], ...result });
  }
  return out;
}
