// Analyses one file's text: parse once (ts-morph), walk the raw compiler nodes once, dispatch each
// node to the listeners of every enabled rule, collect findings with their fingerprints, apply
// inline suppressions. A rule that throws is isolated: its error is reported and the others go on.
import { createHash } from 'node:crypto';
import { ts } from 'ts-morph';
import type { AnalysisError, Finding, RelatedLocation, Severity, SystemTypeId } from '../model';
import { effectiveSeverity } from '../scoring';
import { nodeRange } from './ast';
import { FileFacts } from './fileFacts';
import type { RecognizerSet } from './recognizers';
import type { ReportOptions, RuleDefinition, RuleListeners, SyntaxKindName } from './rule';
import { isExpired, parseSuppressions } from './suppressions';

/** A rule as configured for a run: enabled, with its effective severity and options. */
export interface ActiveRule {
  rule: RuleDefinition<any>;
  severity: Severity;
  /** True when the user chose the severity: a rule's own per-finding severity then does not apply. */
  severityFromConfig: boolean;
  options: Record<string, unknown>;
}

export interface AnalyzeInput {
  /** Workspace-relative path, `/` separators (also decides the script kind by extension). */
  file: string;
  text: string;
}

export interface AnalyzeResult {
  findings: Finding[];
  errors: AnalysisError[];
}

export const INVALID_SUPPRESSION_ID = 'invalid-suppression';

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
};

export function scriptKindOf(file: string): ts.ScriptKind {
  const dot = file.lastIndexOf('.');
  return SCRIPT_KINDS[dot >= 0 ? file.slice(dot).toLowerCase() : ''] ?? ts.ScriptKind.TS;
}

export interface AnalyzerOptions {
  rules: readonly ActiveRule[];
  recognizers: RecognizerSet;
  /** Every known rule id (for checking the ids named in suppression comments). */
  knownRuleIds: ReadonlySet<string>;
  /** YYYY-MM-DD, for expiring `until` suppressions. Defaults to today (UTC). */
  today?: string;
  /** The system type from config.yaml: it can raise a rule's severity (see SEVERITY_RAISES). */
  systemType?: SystemTypeId;
  /** Benchmark only: accumulates milliseconds spent in each rule (create, listeners, onEnd). */
  profile?: Map<string, number>;
}

interface Dispatch {
  byKind: { rule: number; fn: (node: ts.Node) => void }[][];
  onEnd: { rule: number; fn: () => void }[];
}

/**
 * Parses a file the way the engine needs it: JSDoc comments not parsed, parent pointers set. No rule
 * reads JSDoc (the walk never visits it, suppressions are read from the text), and on documented
 * code JSDoc parsing is about a third of the parser's time. Parents are set by one recursive walk
 * instead of the compiler's `setParentNodes`, whose work queue allocates an array per node.
 */
export function parseSource(file: string, text: string): ts.SourceFile {
  const sf = ts.createSourceFile(file, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, scriptKindOf(file));
  setParents(sf);
  return sf;
}

let parentOfNext: ts.Node | undefined;
function setParent(child: ts.Node): void {
  (child as { parent: ts.Node }).parent = parentOfNext!;
  const saved = parentOfNext;
  parentOfNext = child;
  ts.forEachChild(child, setParent);
  parentOfNext = saved;
}

function setParents(sf: ts.SourceFile): void {
  parentOfNext = sf;
  ts.forEachChild(sf, setParent);
  parentOfNext = undefined; // keep no tree alive after its file
}

/**
 * Reusable analyser: each file is parsed (with the TypeScript compiler that ts-morph ships), walked,
 * analysed and released, so memory does not grow with the number of files analysed.
 */
export class Analyzer {
  private readonly today: string;

  constructor(private readonly options: AnalyzerOptions) {
    this.today = options.today ?? new Date().toISOString().slice(0, 10);
  }

  /** Ids of the rules this analyser runs, sorted. */
  get ruleIds(): string[] {
    return this.options.rules.map((r) => r.rule.id).sort();
  }

  analyze(input: AnalyzeInput): AnalyzeResult {
    const sf = parseSource(`/${input.file.replace(/^\/+/, '')}`, input.text);
    return this.analyzeSourceFile(input.file, sf, input.text);
  }

  private analyzeSourceFile(file: string, sf: ts.SourceFile, text: string): AnalyzeResult {
    const findings: Finding[] = [];
    const errors: AnalysisError[] = [];
    const facts = new FileFacts(sf, this.options.recognizers);
    const rules = this.options.rules;
    const disabled: boolean[] = new Array(rules.length).fill(false);
    const dispatch: Dispatch = { byKind: [], onEnd: [] };

    const fail = (ruleIndex: number, err: unknown) => {
      if (disabled[ruleIndex]) return;
      disabled[ruleIndex] = true;
      const msg = err instanceof Error ? err.message : String(err);
      errors.push({ file, ruleId: rules[ruleIndex].rule.id, message: `rule ${rules[ruleIndex].rule.id} failed on this file: ${msg}` });
    };

    rules.forEach((active, ruleIndex) => {
      const report = (node: ts.Node, message: string, opts?: ReportOptions) => {
        findings.push(this.makeFinding(file, sf, active, node, message, opts));
      };
      let listeners: RuleListeners & { onEnd?: () => void };
      const created = this.options.profile ? performance.now() : 0;
      try {
        listeners = active.rule.create({ sourceFile: sf, file, options: active.options, facts, report });
      } catch (err) {
        fail(ruleIndex, err);
        return;
      }
      if (this.options.profile) this.options.profile.set(active.rule.id, (this.options.profile.get(active.rule.id) ?? 0) + performance.now() - created);
      const profile = this.options.profile;
      const timed = <F extends (...a: never[]) => void>(fn: F): F => {
        if (!profile) return fn;
        const id = active.rule.id;
        return ((...a: never[]) => {
          const t0 = performance.now();
          try {
            fn(...a);
          } finally {
            profile.set(id, (profile.get(id) ?? 0) + performance.now() - t0);
          }
        }) as F;
      };
      for (const key of Object.keys(listeners)) {
        if (key === 'onEnd') continue;
        const fn = listeners[key as SyntaxKindName];
        if (!fn) continue;
        const kind = ts.SyntaxKind[key as SyntaxKindName];
        if (typeof kind !== 'number') {
          fail(ruleIndex, new Error(`it listens to \`${key}\`, which is not a ts.SyntaxKind name`));
          return;
        }
        (dispatch.byKind[kind] ??= []).push({ rule: ruleIndex, fn: timed(fn) });
      }
      if (listeners.onEnd) dispatch.onEnd.push({ rule: ruleIndex, fn: timed(listeners.onEnd) });
    });

    // the single walk over raw compiler nodes
    const byKind = dispatch.byKind;
    const visit = (node: ts.Node): void => {
      const list = byKind[node.kind];
      if (list !== undefined) {
        for (let i = 0; i < list.length; i++) {
          const l = list[i];
          if (disabled[l.rule]) continue;
          try {
            l.fn(node);
          } catch (err) {
            fail(l.rule, err);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
    for (const e of dispatch.onEnd) {
      if (disabled[e.rule]) continue;
      try {
        e.fn();
      } catch (err) {
        fail(e.rule, err);
      }
    }
    facts.release();
    // a rule that failed part-way may have reported some findings; they stay (they are real)
    this.applySuppressions(file, text, findings);
    assignFingerprints(findings);
    findings.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
    return { findings, errors };
  }

  private makeFinding(file: string, sf: ts.SourceFile, active: ActiveRule, node: ts.Node, message: string, opts?: ReportOptions): Finding {
    const range = nodeRange(node, sf, opts?.end);
    const related: RelatedLocation[] = (opts?.related ?? []).map((r) => ({ file, ...nodeRange(r.node, sf, r.end), message: r.message }));
    // a severity the user chose in config wins; otherwise the rule's (per-finding) severity, raised for the system type
    const severity = active.severityFromConfig ? active.severity : effectiveSeverity(active.rule.id, opts?.severity ?? active.severity, this.options.systemType);
    // the code the fingerprint hashes: the fingerprint node, else the reported range
    const code = opts?.fingerprintNode ? opts.fingerprintNode.getText(sf) : opts?.end !== undefined ? sf.text.slice(node.getStart(sf), opts.end) : node.getText(sf);
    const codeHash = hash(normaliseCode(code)).slice(0, 12);
    return {
      ruleId: active.rule.id,
      category: active.rule.category,
      severity,
      message,
      file,
      ...range,
      symbol: symbolPath(node),
      fingerprint: codeHash, // completed in assignFingerprints (needs the occurrence index)
      related,
    };
  }

  private applySuppressions(file: string, text: string, findings: Finding[]): void {
    const suppressions = parseSuppressions(text);
    if (!suppressions.length) return;
    const invalid = this.options.rules.find((r) => r.rule.id === INVALID_SUPPRESSION_ID);
    for (const s of suppressions) {
      const unknown = s.ruleIds.filter((id) => !this.options.knownRuleIds.has(id));
      const problem = s.problem ?? (unknown.length ? `names unknown rule id${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}` : undefined);
      if (problem) {
        if (invalid) {
          findings.push({
            ruleId: INVALID_SUPPRESSION_ID,
            category: invalid.rule.category,
            severity: invalid.severity,
            message: `This suppression comment ${problem}, so it suppresses nothing. A suppression without a reason hides a production risk from every later reader and auditor. Write it as \`// prodaudit-ignore-next-line <rule-id> -- <why this is safe here>\`.`,
            file,
            line: s.line,
            column: s.column,
            endLine: s.line,
            endColumn: s.endColumn,
            symbol: '',
            fingerprint: hash(normaliseCode(`${s.ruleIds.join(',')}|${problem}`)).slice(0, 12),
            related: [],
          });
        }
        if (s.problem) continue;
      }
      if (isExpired(s, this.today)) continue;
      for (const f of findings) {
        if (f.suppression || f.ruleId === INVALID_SUPPRESSION_ID) continue;
        if (f.line === s.targetLine && s.ruleIds.includes(f.ruleId)) {
          f.suppression = { kind: 'inline', reason: s.reason!, ...(s.until ? { until: s.until } : {}) };
        }
      }
    }
  }
}

/** Whitespace-insensitive, comment-free text of a node: formatting changes keep the fingerprint. */
function normaliseCode(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/[^\n]*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * fingerprint = rule id + file + enclosing symbol + hash of the normalised code + occurrence index
 * among identical (rule, file, symbol, code) findings. No line numbers.
 */
function assignFingerprints(findings: Finding[]): void {
  const seen = new Map<string, number>();
  const ordered = [...findings].sort((a, b) => a.line - b.line || a.column - b.column);
  for (const f of ordered) {
    const key = `${f.ruleId}\u0000${f.file}\u0000${f.symbol}\u0000${f.fingerprint}`;
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    f.fingerprint = `${f.ruleId}:${hash(`${key}\u0000${index}`).slice(0, 16)}`;
  }
}

/** `UserService.load`, `handler`, `routes.get` … from the named declarations around a node. */
export function symbolPath(node: ts.Node): string {
  const parts: string[] = [];
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    let name: string | undefined;
    if ((ts.isClassDeclaration(n) || ts.isFunctionDeclaration(n) || ts.isClassExpression(n)) && n.name) name = n.name.text;
    else if ((ts.isMethodDeclaration(n) || ts.isPropertyDeclaration(n) || ts.isGetAccessorDeclaration(n) || ts.isSetAccessorDeclaration(n) || ts.isPropertyAssignment(n)) && n.name && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name) || ts.isPrivateIdentifier(n.name))) {
      name = n.name.text;
    } else if (ts.isConstructorDeclaration(n)) name = 'constructor';
    else if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer) || ts.isClassExpression(n.initializer))) {
      name = n.name.text;
    }
    if (name) parts.unshift(name);
  }
  return parts.join('.');
}
