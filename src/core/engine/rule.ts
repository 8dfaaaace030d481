// The rule contract. A rule declares its metadata and returns listeners keyed by syntax kind;
// the engine walks each file's raw compiler nodes once and calls the listeners of every enabled
// rule. Rules are pure: no I/O, no global state, no VS Code.
import type { ts } from 'ts-morph';
import type { CategoryId, Severity } from '../model';
import type { FileFacts } from './fileFacts';

export interface RuleExample {
  /** Source code (a small, complete file). */
  code: string;
  /** Invalid examples must produce exactly this many findings of the rule (default 1). */
  count?: number;
}

export interface RuleDocs {
  /** One sentence: what the rule flags. */
  summary: string;
  /** Why it matters in production (the category's risk). */
  why: string;
  /** How to fix it. */
  fix: string;
  invalid: RuleExample[];
  valid: RuleExample[];
}

export interface ReportOptions {
  /** Second locations, e.g. the loop of an N+1 (`end` cuts one short, like the report's own `end`). */
  related?: { node: ts.Node; message: string; end?: number }[];
  /** Ends the reported range here instead of at the node's end: a loop's header, a `catch (err)` (see NodeHead). */
  end?: number;
  /** Overrides the configured severity for this one finding (e.g. MEDIUM for a concurrent N+1). */
  severity?: Severity;
  /** The node whose normalised text identifies the finding in its fingerprint (default: the reported node). */
  fingerprintNode?: ts.Node;
}

export interface RuleContext<Options = Record<string, unknown>> {
  readonly sourceFile: ts.SourceFile;
  /** Workspace-relative path, `/` separators. */
  readonly file: string;
  readonly options: Options;
  /** Import-aware knowledge about the file: what a call is, whether a name is a local, … */
  readonly facts: FileFacts;
  /** Report a finding at `node`. `message` says what is wrong, why it matters, what to do. */
  report(node: ts.Node, message: string, options?: ReportOptions): void;
}

export type Listener = (node: ts.Node) => void;

/** A node kind by its `ts.SyntaxKind` name: `CallExpression`, `CatchClause`, … */
export type SyntaxKindName = keyof typeof ts.SyntaxKind;

/**
 * Listeners per node kind, keyed by the kind's name (`{ CallExpression(node) { … } }`) and called in
 * document order during the single walk. Names rather than kind numbers: an object literal with keys
 * in the hundreds carries a mostly empty array of that length, made again for every file.
 */
export type RuleListeners = { [kind in SyntaxKindName]?: Listener };

export interface RuleDefinition<Options extends Record<string, unknown> = Record<string, unknown>> {
  /** kebab-case, names the smell, equals the file name. */
  id: string;
  category: CategoryId;
  defaultSeverity: Severity;
  title: string;
  docs: RuleDocs;
  /** False for every rule that works on syntax + imports alone. */
  requiresTypeInfo: boolean;
  /** Option name → default value; the type of the default is the option's type. */
  options: Options;
  /** Optional extra listener called once after the walk (for rules that collect, then decide). */
  create(context: RuleContext<Options>): RuleListeners & { onEnd?: () => void };
}

/** Identity helper that keeps the option type when defining a rule. */
export function defineRule<Options extends Record<string, unknown>>(rule: RuleDefinition<Options>): RuleDefinition<Options> {
  return rule;
}

/** The URL of a rule's documentation page, derived from its id (nobody types one). */
export const DOCS_BASE_URL = 'https://github.com/production-audit/production-audit/blob/main/docs/rules/';
export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
