// The team's configuration, `.production-audit/config.yaml`: system type, which files to analyse,
// per-rule on/off, severity and options, the team's own wrappers (recognizers) and the CI
// threshold. Validation is all-or-nothing: every problem in the file is collected, each with its
// line and column, and the file is rejected as a whole (nothing runs on a half-understood config).
//
// Checks in two layers: the JSON Schema (schemas/config.schema.json, also used by the editor)
// for the shape, then this code for what a static schema cannot know: rule ids, option names and
// option types (from the rules' defaults), and the system type ids.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import configSchema from '../../../schemas/config.schema.json';
import { SYSTEM_TYPE_IDS, type Severity } from '../model';
import { FileProblemError, type FileProblem } from './fileProblems';
import { CONFIG_DIR, CONFIG_FILE } from './names';
import { compileSchema, describeValue, schemaProblems } from './schemaCheck';
import { formatPath, parseYamlDocument, type LocatedDocument } from './sourcePositions';

export type FailOn = 'critical' | 'high' | 'medium' | 'low' | 'none';

export interface RuleSetting {
  enabled: boolean;
  /** Overrides the rule's default severity. */
  severity?: Severity;
  /** The options written in the file (validated); the engine layers them over the rule's defaults. */
  options: Record<string, unknown>;
}

/** How to recognise a team's own wrapper: by import (module + export), by a type name used in annotations, or by a global name. */
export interface RecognizerEntry {
  module?: string;
  export?: string;
  type?: string;
  global?: string;
  methods?: string[];
}

export interface RecognizerConfig {
  http: RecognizerEntry[];
  db: RecognizerEntry[];
  logger: RecognizerEntry[];
  retry: RecognizerEntry[];
  /** Optional so that configs built in code before these kinds existed stay valid. */
  llm?: RecognizerEntry[];
  payment?: RecognizerEntry[];
}

export interface ProductionAuditConfig {
  version: 1;
  systemType?: string;
  include: string[];
  exclude: string[];
  rules: Record<string, RuleSetting>;
  recognizers: RecognizerConfig;
  failOn: FailOn;
  /** absolute path of the file this came from, when it came from a file */
  source?: string;
}

export interface KnownRule {
  id: string;
  /** option name -> default value (its type is the option's type) */
  options: Record<string, unknown>;
}

export interface ConfigProblem extends FileProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Every problem of a config file; `.message` lists them as `file:line:column: message` lines. */
export class ConfigError extends FileProblemError {
  declare readonly problems: ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    super(problems);
    this.name = 'ConfigError';
  }
}

export { CONFIG_DIR, CONFIG_FILE };

export const DEFAULT_CONFIG: ProductionAuditConfig = deepFreeze({
  version: 1,
  include: ['**/*'],
  exclude: [],
  rules: {},
  recognizers: { http: [], db: [], logger: [], retry: [], llm: [], payment: [] },
  failOn: 'high',
});

export interface ConfigOptions {
  knownRules: readonly KnownRule[];
  /** `systemType` must be one of these (default: the model's SYSTEM_TYPE_IDS). */
  systemTypeIds?: readonly string[];
}

const RECOGNIZER_KINDS = ['http', 'db', 'logger', 'retry', 'llm', 'payment'] as const;

let validateConfig: ReturnType<typeof compileSchema> | undefined;

/** Parses and validates config text; throws ConfigError listing every problem. An empty file gives the defaults. */
export function parseConfig(text: string, file: string, opts: ConfigOptions): ProductionAuditConfig {
  const parsed = parseYamlDocument(text, file);
  if (!parsed.ok) throw new ConfigError(parsed.problems);
  const doc = parsed.doc;
  const value = doc.value ?? {};
  const located: LocatedDocument = { file: doc.file, value, locate: doc.locate };
  validateConfig ??= compileSchema(configSchema);
  const problems: ConfigProblem[] = schemaProblems(validateConfig, located);
  if (isPlainObject(value)) problems.push(...semanticProblems(value, located, opts));
  if (problems.length > 0) throw new ConfigError(problems);
  return toConfig(value as Record<string, unknown>);
}

/**
 * Reads `<root>/.production-audit/config.yaml` (or `explicitPath`, relative to `root`).
 * No file there gives the defaults; an explicit path that does not exist is an error.
 */
export function loadConfig(root: string, opts: ConfigOptions & { explicitPath?: string }): ProductionAuditConfig {
  const file = opts.explicitPath ? path.resolve(root, opts.explicitPath) : path.resolve(root, CONFIG_DIR, CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !opts.explicitPath) return cloneConfig(DEFAULT_CONFIG);
    const why = code === 'ENOENT' ? 'config file not found' : code === 'EISDIR' ? 'is a folder, not a config file' : `cannot read the config file (${code ?? String(e)})`;
    throw new ConfigError([{ file, line: 1, column: 1, message: why }]);
  }
  return { ...parseConfig(text, file, opts), source: file };
}

// ---------------------------------------------------------------- checks the schema cannot do

function semanticProblems(value: Record<string, unknown>, doc: LocatedDocument, opts: ConfigOptions): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const add = (p: (string | number)[], target: 'key' | 'value', message: string): void => {
    const pos = doc.locate(p, target);
    problems.push({ file: doc.file, line: pos.line, column: pos.column, message });
  };

  const systemType = value.systemType;
  const systemTypeIds = opts.systemTypeIds ?? SYSTEM_TYPE_IDS;
  if (typeof systemType === 'string' && systemType !== '' && !systemTypeIds.includes(systemType)) {
    const near = closest(systemType, systemTypeIds);
    add(['systemType'], 'value', `unknown system type "${systemType}"${near ? `; did you mean "${near}"?` : ''} (known: ${systemTypeIds.join(', ')})`);
  }

  const rules = value.rules;
  if (!isPlainObject(rules)) return problems;
  const known = new Map(opts.knownRules.map((r) => [r.id, r]));
  const ids = [...known.keys()].sort();
  for (const [id, setting] of Object.entries(rules)) {
    const rule = known.get(id);
    if (!rule) {
      const near = closest(id, ids);
      const hint = near ? `; did you mean "${near}"?` : ids.length > 0 && ids.length <= 30 ? ` (known rules: ${ids.join(', ')})` : '';
      add(['rules', id], 'key', `unknown rule "${id}"${hint}`);
      continue;
    }
    if (!isPlainObject(setting) || !isPlainObject(setting.options)) continue;
    const names = Object.keys(rule.options).sort();
    for (const [name, given] of Object.entries(setting.options)) {
      const at = ['rules', id, 'options', name];
      if (!Object.prototype.hasOwnProperty.call(rule.options, name)) {
        const near = closest(name, names);
        const hint = near ? `; did you mean "${near}"?` : names.length > 0 ? ` (its options: ${names.join(', ')})` : ' (it has no options)';
        add(at, 'key', `unknown option "${name}" for rule "${id}"${hint}`);
        continue;
      }
      const mismatch = optionTypeProblem(given, rule.options[name], at);
      if (mismatch) add(mismatch.path, 'value', mismatch.message);
    }
  }
  return problems;
}

/** A value must have the type of the option's default; list items the type of the default's first item. */
function optionTypeProblem(given: unknown, def: unknown, at: (string | number)[]): { path: (string | number)[]; message: string } | undefined {
  const expected = kindOf(def);
  if (expected === 'any') return undefined;
  const actual = kindOf(given);
  if (actual !== expected) {
    return { path: at, message: `${formatPath(at)} must be ${KIND_NOUN[expected]} (its default is ${JSON.stringify(def)}), not ${describeValue(given)}` };
  }
  if (expected === 'list' && Array.isArray(def) && def.length > 0 && Array.isArray(given)) {
    const itemKind = kindOf(def[0]);
    if (itemKind === 'any') return undefined;
    for (let i = 0; i < given.length; i++) {
      if (kindOf(given[i]) !== itemKind) {
        const p = [...at, i];
        return { path: p, message: `${formatPath(p)} must be ${KIND_NOUN[itemKind]}, like the default's items, not ${describeValue(given[i])}` };
      }
    }
  }
  return undefined;
}

type Kind = 'string' | 'number' | 'boolean' | 'list' | 'map' | 'any';
const KIND_NOUN: Record<Kind, string> = { string: 'a string', number: 'a number', boolean: 'true or false', list: 'a list', map: 'a map', any: 'anything' };

function kindOf(v: unknown): Kind {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (Array.isArray(v)) return 'list';
  if (isPlainObject(v)) return 'map';
  return 'any';
}

/** The candidate nearest to `word` by edit distance, when it is near enough to be a likely typo. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  const w = word.toLowerCase();
  for (const c of candidates) {
    const lc = c.toLowerCase();
    let score = editDistance(w, lc);
    if (score > Math.max(2, Math.floor(Math.max(w.length, lc.length) / 3))) {
      // Not a typo; still a likely intent when one name contains the other (timeout → missing-timeout).
      if (w.length >= 4 && (lc.includes(w) || w.includes(lc))) score = Math.abs(lc.length - w.length) + 100;
      else continue;
    }
    if (score < bestScore || (score === bestScore && best !== undefined && c < best)) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

// ---------------------------------------------------------------- valid data → config

function toConfig(v: Record<string, unknown>): ProductionAuditConfig {
  const config = cloneConfig(DEFAULT_CONFIG);
  if (typeof v.systemType === 'string') config.systemType = v.systemType;
  if (Array.isArray(v.include)) config.include = v.include.map(String);
  if (Array.isArray(v.exclude)) config.exclude = v.exclude.map(String);
  if (typeof v.failOn === 'string') config.failOn = v.failOn.toLowerCase() as FailOn;
  if (isPlainObject(v.rules)) {
    for (const [id, raw] of Object.entries(v.rules)) config.rules[id] = toRuleSetting(raw);
  }
  if (isPlainObject(v.recognizers)) {
    for (const kind of RECOGNIZER_KINDS) {
      const list = v.recognizers[kind];
      if (Array.isArray(list)) config.recognizers[kind] = list.map((e) => toRecognizer(e as Record<string, unknown>));
    }
  }
  return config;
}

function toRuleSetting(raw: unknown): RuleSetting {
  if (typeof raw === 'boolean') return { enabled: raw, options: {} };
  if (typeof raw === 'string') {
    const word = raw.toLowerCase();
    if (word === 'off') return { enabled: false, options: {} };
    if (word === 'on') return { enabled: true, options: {} };
    return { enabled: true, severity: raw.toUpperCase() as Severity, options: {} };
  }
  const obj = raw as Record<string, unknown>;
  const setting: RuleSetting = { enabled: obj.enabled !== false, options: isPlainObject(obj.options) ? { ...obj.options } : {} };
  if (typeof obj.severity === 'string') setting.severity = obj.severity.toUpperCase() as Severity;
  return setting;
}

function toRecognizer(raw: Record<string, unknown>): RecognizerEntry {
  const entry: RecognizerEntry = {};
  for (const key of ['module', 'export', 'type', 'global'] as const) if (typeof raw[key] === 'string') entry[key] = raw[key];
  if (Array.isArray(raw.methods)) entry.methods = raw.methods.map(String);
  return entry;
}

function cloneConfig(c: ProductionAuditConfig): ProductionAuditConfig {
  return JSON.parse(JSON.stringify(c)) as ProductionAuditConfig;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const child of Object.values(v)) deepFreeze(child);
    Object.freeze(v);
  }
  return v;
}
