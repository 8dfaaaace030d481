// retry-without-backoff: a bounded retry whose attempts are not spread out. Three shapes:
//   1. a retry loop (the shapes unbounded-retry recognises, found by shared/retryShapes.ts) with a
//      bound: an attempt counter, a deadline or a cancellation compared in its condition or an exit;
//   2. a function that calls itself again from its failure handler with a counted and compared
//      attempt number;
//   3. a retry library configured for a constant or zero delay without randomisation (`factor: 1`,
//      `minTimeout: 0`, `minTimeout === maxTimeout`, exponential-backoff `timeMultiple: 1`,
//      cockatiel `ConstantBackoff`, `async.retry({ interval })`, ts-retry-promise `delay`,
//      axios-retry `retryDelay: () => n`).
// Shapes 1 and 2 are reported when nothing awaited waits between attempts, or when every wait is a
// constant (`await sleep(1000)`, `setTimeout(retry, 1000)`) with no `Math.random()` jitter.
// Unbounded retries are unbounded-retry's findings and are skipped here. Decisions:
// docs/rules/retry-without-backoff.md.
import { ts } from 'ts-morph';
import { isFunctionNode, isLoopNode, loopHead, referenceText, skipOuterExpressions, walk, type FunctionNode, type LoopNode } from '../engine/ast';
import type { FileFacts } from '../engine/fileFacts';
import { defineRule, type RuleContext, type RuleListeners } from '../engine/rule';
import {
  ATTEMPT_NAME,
  RetryShapes,
  collectMutation,
  collectMutations,
  describeHeader,
  functionName,
  isCandidateLoop,
  loopCondition,
  normaliseText,
  type SelfRetry,
} from './shared/retryShapes';

const K = ts.SyntaxKind;

/** Names of helpers that wait: `sleep(ms)`, `delay(ms)`, `wait(ms)`, `sleepMs`, `backoffDelay`, `exponentialBackoff`, timers/promises `setTimeout(ms)`. */
const DELAY_EXACT = /^(sleep|delay|wait|pause|snooze|timeout|settimeout|settimeoutpromise|settimeoutasync)$/i;
const DELAY_WORD = /^(sleep|delay|wait|pause|backoff|jitter)[A-Z_0-9]|[a-z0-9_](Sleep|Delay|Backoff|Jitter|Wait)$/;
/** What makes a wait random. */
const RANDOM_NAME = /random|jitter/i;
/** Option names of the node-retry family (p-retry, async-retry, promise-retry, retry). */
const NODE_RETRY_LIBRARIES = new Set(['p-retry', 'async-retry', 'promise-retry', 'retry']);
/** Modules of the retry libraries whose timing options the rule reads. */
const RETRY_MODULES = new Set(['p-retry', 'async-retry', 'promise-retry', 'retry', 'exponential-backoff', 'async', 'async/retry', 'cockatiel', 'ts-retry-promise', 'axios-retry']);
const UPPER_CONSTANT = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$|^[A-Z]{2,}[0-9]*$/;
const RETRIED_FLAG = /retr|again|second|attempt/i;

type DelayKind = 'constant' | 'growing' | 'jittered' | 'unknown';

/** What is wrong with the waits of one retry. */
type Verdict = { kind: 'none'; delay?: undefined } | { kind: 'constant'; delay: Delay } | { kind: 'growing'; delay: Delay };

interface Delay {
  node: ts.Node;
  kind: DelayKind;
  /** The wait as written (`1_000`, `RETRY_DELAY_MS`), for constant waits. */
  amount?: string;
}

const WHY_NONE =
  'A dependency that just failed is usually overloaded or restarting; hitting it again at once fails the same way, the attempts are used up in milliseconds before a short blip can pass, and every client that failed at the same moment retries in lockstep, turning a brief overload into a retry storm that keeps it down.';
const WHY_CONSTANT =
  'Every client that failed at the same moment waits the same time and retries at the same moment, so the load comes back in synchronised waves that can keep an overloaded dependency down, and a fixed short wait gives a slow recovery no more room on the last attempt than on the first.';
const FIX =
  'Wait longer after each attempt and add jitter: `await sleep(Math.min(cap, base * 2 ** attempt) * (0.5 + Math.random() / 2))`, or use a retry library with exponential backoff and `randomize: true`.';

export const retryWithoutBackoff = defineRule({
  id: 'retry-without-backoff',
  category: 'reliability',
  defaultSeverity: 'MEDIUM',
  title: 'Retry without backoff or jitter',
  requiresTypeInfo: false,
  options: {
    /** Also report waits that grow (exponential, linear) but have no random jitter. */
    growingNeedsJitter: false,
    /** Whether checking an abort signal bounds a retry (keep in step with unbounded-retry's option). */
    abortSignalIsBound: true,
  },
  docs: {
    summary:
      'Flags bounded retries that retry at once (nothing awaited between attempts) or after a constant wait with no jitter (`await sleep(1000)`), and retry libraries configured for a constant or zero delay without randomisation (`factor: 1`, `minTimeout: 0`).',
    why:
      'Retrying immediately or at a fixed interval synchronises the clients of a struggling dependency: they all fail together and come back together, so the retries arrive as a wave that keeps it overloaded. Immediate retries also burn the whole attempt budget within milliseconds, before a transient failure has had time to clear.',
    fix:
      'Wait between attempts with exponential backoff and jitter (`base * 2 ** attempt`, multiplied by a random factor), capped at a maximum, or configure the retry library to do so (`randomize: true`, a factor above 1).',
    invalid: [
      {
        code: [
          'export async function readWithRetry<T>(read: () => Promise<T>, maxAttempts = 3): Promise<T> {',
          '  let lastError: unknown;',
          '  for (let attempt = 1; attempt <= maxAttempts; attempt++) {',
          '    try {',
          '      return await read();',
          '    } catch (err) {',
          '      lastError = err;',
          '    }',
          '  }',
          '  throw lastError;',
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          'const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));',
          '',
          'export async function submit(send: () => Promise<void>) {',
          '  for (let attempt = 1; attempt <= 3; attempt++) {',
          '    try {',
          '      return await send();',
          '    } catch (err) {',
          '      if (attempt === 3) throw err;',
          '      await sleep(1_000);',
          '    }',
          '  }',
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          'import pRetry from "p-retry";',
          '',
          'export function readInventory<T>(read: () => Promise<T>) {',
          '  return pRetry(read, { retries: 4, factor: 1, minTimeout: 250 });',
          '}',
          '',
        ].join('\n'),
      },
    ],
    valid: [
      {
        code: [
          'const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));',
          '',
          'export async function submit(send: () => Promise<void>) {',
          '  for (let attempt = 1; attempt <= 3; attempt++) {',
          '    try {',
          '      return await send();',
          '    } catch (err) {',
          '      if (attempt === 3) throw err;',
          '      await sleep(200 * 2 ** attempt + Math.random() * 100);',
          '    }',
          '  }',
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          'import pRetry from "p-retry";',
          '',
          'export function lookup<T>(get: () => Promise<T>) {',
          '  return pRetry(get, { retries: 5, randomize: true });',
          '}',
          '',
        ].join('\n'),
      },
    ],
  },
  create(context) {
    const text = context.sourceFile.text;
    const hasCatch = text.includes('catch');
    const checker = new BackoffChecker(context);
    const listeners: RuleListeners = {};
    listeners.WhileStatement = (node) => checker.loop(node as ts.WhileStatement, hasCatch);
    listeners.DoStatement = (node) => checker.loop(node as ts.DoStatement, hasCatch);
    listeners.ForStatement = (node) => checker.loop(node as ts.ForStatement, hasCatch);
    if (hasCatch) listeners.CatchClause = (node) => checker.catchClause(node as ts.CatchClause);
    // `.catch(…)` / `.then(…)` calls anywhere in the file
    const handlers = (hasCatch && text.includes('.catch')) || text.includes('.then(');
    // retry libraries are bound by top-level imports/requires: without one, only failure handlers matter
    const libraries = checker.libraryNames().size > 0;
    if (handlers || libraries) listeners.CallExpression = (node) => checker.call(node as ts.CallExpression, handlers, libraries);
    return listeners;
  },
});

type Options = { growingNeedsJitter: boolean; abortSignalIsBound: boolean };

/** Any `while`, `do` or `for (;;)` loop takes ownership of the `try` blocks inside it. */
function isCountingLoop(n: ts.Node): boolean {
  return ts.isWhileStatement(n) || ts.isDoStatement(n) || ts.isForStatement(n);
}

class BackoffChecker {
  private readonly sf: ts.SourceFile;
  private readonly facts: FileFacts;
  private readonly shapes: RetryShapes;
  private readonly growingNeedsJitter: boolean;

  constructor(private readonly ctx: RuleContext<Options>) {
    this.sf = ctx.sourceFile;
    this.facts = ctx.facts;
    this.growingNeedsJitter = ctx.options.growingNeedsJitter === true;
    this.shapes = new RetryShapes(this.sf, this.facts, ctx.options.abortSignalIsBound !== false);
  }

  // ---- 1. bounded retry loops ----------------------------------------------------------------------

  loop(loop: LoopNode, hasCatch: boolean): void {
    const retry = hasCatch && this.hasFailurePath(loop.statement.pos, loop.statement.end) ? this.shapes.analyzeLoop(loop, 'bounded', isCountingLoop) : undefined;
    if (!retry) {
      this.resultRetryLoop(loop);
      return;
    }
    // the bound must count attempts (`attempt <= 3`, `++tries > MAX`) or watch the clock
    const stepped = steppedCounters(loop);
    if (!retry.exitConditions.some((c) => this.shapes.mentionsBound(c, (ref) => stepped.has(ref)))) return;
    if (this.walksCollection(loop, retry.counters)) return;
    if (this.insideUnboundedRetry(loop)) return;
    const mutated = new Set(retry.counters);
    collectMutations(loop.statement, mutated);
    const delays = this.delaysIn(loop.statement, mutated, undefined);
    const verdict = this.verdict(delays);
    if (!verdict) return;
    const header = describeHeader(loop, this.sf);
    this.ctx.report(loop, this.message(`\`${header}\``, 'retries', verdict), {
      end: loopHead(loop, this.sf).end,
      related: [verdict.delay ? { node: verdict.delay.node, message: 'the constant wait between attempts' } : { node: retry.goesRound, message: retry.relatedMessage }],
    });
  }

  /** Offsets of every `catch` clause / `.catch(` / `.then(` in the file, found in one pass when first needed. */
  private failureOffsets: number[] | undefined;

  private offsets(): number[] {
    return (this.failureOffsets ??= failureOffsetsOf(this.sf.text));
  }

  /** Whether the text of a loop has a failure path worth the full analysis (see `failureOffsetsOf`). */
  private hasFailurePath(pos: number, end: number): boolean {
    const offsets = this.offsets();
    // first offset ≥ pos, by binary search
    let lo = 0;
    let hi = offsets.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offsets[mid] < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo < offsets.length && offsets[lo] < end;
  }

  /**
   * A retry decided by the result rather than by an exception: an attempt counter in the loop's
   * condition, an awaited call whose result is kept (`const res = await fetch(url)`), and a check of
   * that result that leaves the loop (`if (res.ok) return res`). Loops with a `try` or `.catch` are the
   * exception-driven shape's to judge.
   */
  private resultRetryLoop(loop: LoopNode): void {
    if (!ts.isForStatement(loop) && !ts.isWhileStatement(loop) && !ts.isDoStatement(loop)) return;
    const cond = loopCondition(loop);
    if (!cond || !ts.isBlock(loop.statement)) return;
    // cheap text checks first: an attempt-like name in the condition, an `await` and an exit in the body
    const condText = this.sf.text.slice(cond.pos, cond.end);
    const lower = condText.toLowerCase();
    if (!lower.includes('attempt') && !lower.includes('retr') && !lower.includes('tries') && !lower.includes('trycount') && !lower.includes('fail') && !lower.includes('errorcount')) return;
    if (!(condText.match(/[A-Za-z_$][\w$]*/g) ?? []).some((w) => ATTEMPT_NAME.test(w))) return;
    const bodyText = this.sf.text.slice(loop.statement.pos, loop.statement.end);
    if (!bodyText.includes('await') || bodyText.includes('catch') || (!bodyText.includes('return') && !bodyText.includes('break'))) return;
    const stepped = steppedCounters(loop);
    const attemptCounters = new Set([...stepped].filter((c) => ATTEMPT_NAME.test(c.split('.').pop() ?? c)));
    if (!attemptCounters.size || !this.shapes.mentionsBound(cond, (ref) => attemptCounters.has(ref))) return;
    // `const res = await call(…)` followed by `if (<check of res>) return/break`
    const results = new Set<string>();
    let exit: ts.IfStatement | undefined;
    for (const st of loop.statement.statements) {
      if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) {
          const init = d.initializer && skipOuterExpressions(d.initializer);
          if (ts.isIdentifier(d.name) && init && ts.isAwaitExpression(init) && ts.isCallExpression(skipOuterExpressions(init.expression))) results.add(d.name.text);
        }
      } else if (ts.isIfStatement(st) && results.size && !exit && leavesLoop(st.thenStatement) && mentionsName(st.expression, results)) {
        exit = st;
      }
    }
    if (!exit) return;
    if (this.walksCollection(loop, attemptCounters)) return;
    const mutated = new Set(attemptCounters);
    collectMutations(loop.statement, mutated);
    const verdict = this.verdict(this.delaysIn(loop.statement, mutated, undefined));
    if (!verdict) return;
    this.ctx.report(loop, this.message(`\`${describeHeader(loop, this.sf)}\``, 'retries', verdict), {
      end: loopHead(loop, this.sf).end,
      related: [verdict.delay ? { node: verdict.delay.node, message: 'the constant wait between attempts' } : { node: exit, message: 'the check of the result that ends the retries' }],
    });
  }

  /**
   * `for (let i = 0; i < mirrors.length; i++) { try { return await get(mirrors[i]) } catch {} }` walks a
   * list (fail over to the next mirror), it does not retry the same operation.
   */
  private walksCollection(loop: LoopNode, counters: Set<string>): boolean {
    const cond = loopCondition(loop);
    if (cond && mentionsLength(cond)) return true;
    if (!counters.size) return false;
    return walk(loop.statement, (n) => {
      if (ts.isElementAccessExpression(n)) {
        const idx = skipOuterExpressions(n.argumentExpression);
        if (ts.isIdentifier(idx) && counters.has(idx.text)) return 'stop';
      }
      return true;
    });
  }

  /** A bounded retry nested in a retry that never stops is part of unbounded-retry's finding. */
  private insideUnboundedRetry(loop: LoopNode): boolean {
    for (let n = loop.parent; n && !isFunctionNode(n); n = n.parent) {
      if (isLoopNode(n) && isCandidateLoop(n) && this.shapes.analyzeLoop(n, 'unbounded', isCandidateLoop)) return true;
    }
    return false;
  }

  // ---- 2. bounded self-retries ---------------------------------------------------------------------

  catchClause(clause: ts.CatchClause): void {
    this.selfRetry(clause.block, clause, 'its `catch` block');
  }

  call(call: ts.CallExpression, handlers: boolean, libraries: boolean): void {
    const callee = skipOuterExpressions(call.expression);
    if (handlers && ts.isPropertyAccessExpression(callee)) {
      const m = callee.name.text;
      if (m === 'catch' && call.arguments.length >= 1) this.selfRetry(call.arguments[0], call, 'its `.catch` handler');
      else if (m === 'then' && call.arguments.length >= 2) this.selfRetry(call.arguments[1], call, 'its rejection handler');
    }
    if (!libraries || !call.arguments.length) return;
    // a retry library's import must be the callee's root, and an options object among the arguments
    const root = calleeRoot(callee);
    if (!root || !this.libraryNames().has(root)) return;
    if (call.arguments.some((a) => ts.isObjectLiteralExpression(skipOuterExpressions(a)) || ts.isIdentifier(skipOuterExpressions(a)))) this.libraryCall(call);
  }

  private retryImports: Set<string> | undefined;

  /** Local names bound to a retry library by the file's imports and top-level `require`s. */
  libraryNames(): Set<string> {
    if (this.retryImports) return this.retryImports;
    const names = new Set<string>();
    const addBinding = (b: ts.BindingName) => {
      if (ts.isIdentifier(b)) names.add(b.text);
      else for (const el of b.elements) if (ts.isBindingElement(el)) addBinding(el.name);
    };
    for (const st of this.sf.statements) {
      if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && RETRY_MODULES.has(st.moduleSpecifier.text) && st.importClause) {
        const c = st.importClause;
        if (c.name) names.add(c.name.text);
        if (c.namedBindings && ts.isNamespaceImport(c.namedBindings)) names.add(c.namedBindings.name.text);
        if (c.namedBindings && ts.isNamedImports(c.namedBindings)) for (const el of c.namedBindings.elements) names.add(el.name.text);
      } else if (ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference) && ts.isStringLiteral(st.moduleReference.expression) && RETRY_MODULES.has(st.moduleReference.expression.text)) {
        names.add(st.name.text);
      } else if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) {
          const m = d.initializer && requiredModule(d.initializer);
          if (m && RETRY_MODULES.has(m)) addBinding(d.name);
        }
      }
    }
    this.retryImports = names;
    return names;
  }

  private selfRetry(region: ts.Node, anchor: ts.Node, where: string): void {
    const retry = this.shapes.selfRetry(region, anchor);
    if (!retry) return;
    // unbounded: unbounded-retry's finding; not counted: a walk or a search, not a retry
    if (!this.shapes.recursionIsBounded(retry.fn, retry.sites)) return;
    const varying = this.changingParameters(retry);
    if (!varying.counted) return;
    const mutated = new Set(varying.names);
    if (retry.fn.body) collectMutations(retry.fn.body, mutated);
    // a wait anywhere in the function's own body (before the try, in the catch, in a `.catch` handler)
    const delays = retry.fn.body ? this.delaysIn(retry.fn.body, mutated, retry.fn) : [];
    // a timer that schedules the next attempt is a wait too
    for (const s of retry.sites) {
      const d = this.timerDelay(s.site, mutated, retry.fn);
      if (d) delays.push(d);
    }
    const verdict = this.verdict(delays);
    if (!verdict) return;
    const name = functionName(retry.fn) ?? 'this function';
    this.ctx.report(retry.site, this.message(`\`${name}()\`, called again from ${where},`, 'retries', verdict), {
      related: [{ node: verdict.delay?.node ?? anchor, message: verdict.delay ? 'the constant wait between attempts' : 'the failure handler that starts the next attempt' }],
    });
  }

  /**
   * Parameters whose value changes from one attempt to the next, and whether one of them counts the
   * attempts (`attempt + 1`, `retriesLeft - 1`, `++n`, `true` for a `retried` flag, `{ attempt: n + 1 }`),
   * or the function counts them itself (`this.retries++`).
   */
  private changingParameters(retry: SelfRetry): { names: string[]; counted: boolean } {
    const names: string[] = [];
    let counted = false;
    retry.fn.parameters.forEach((p, i) => {
      if (!ts.isIdentifier(p.name)) {
        // an options object: `{ attempt = 0 }`
        for (const s of retry.sites) {
          const arg = s.args[i] && skipOuterExpressions(s.args[i]);
          if (arg && ts.isObjectLiteralExpression(arg) && arg.properties.some((q) => q.name && ts.isIdentifier(q.name) && ATTEMPT_NAME.test(q.name.text))) counted = true;
        }
        return;
      }
      const pname = p.name.text;
      for (const s of retry.sites) {
        const arg0 = s.args[i];
        if (!arg0) continue;
        const arg = skipOuterExpressions(arg0);
        if (ts.isIdentifier(arg) && arg.text === pname) continue;
        names.push(pname);
        if (isCountStep(arg, pname) || (ATTEMPT_NAME.test(pname) && !ts.isIdentifier(arg)) || (arg.kind === K.TrueKeyword && RETRIED_FLAG.test(pname))) counted = true;
      }
    });
    if (!counted && retry.fn.body) {
      const mutated = new Set<string>();
      collectMutations(retry.fn.body, mutated);
      counted = [...mutated].some((m) => ATTEMPT_NAME.test(m.split('.').pop() ?? m));
    }
    return { names, counted };
  }

  /**
   * `setTimeout(() => send(x, attempt + 1), ms)`, `setTimeout(send, ms, x, attempt + 1)`: the timer's
   * delay. `setImmediate` and `process.nextTick` wait for nothing.
   */
  private timerDelay(site: ts.Node, mutated: Set<string>, fn: FunctionNode): Delay | undefined {
    let timer: ts.CallExpression | undefined;
    if (ts.isCallExpression(site) && isTimerCall(site)) timer = site;
    else {
      // the self-call inside a timer's callback, however deep (`setTimeout(() => open().catch(() => retry(n + 1)), ms)`)
      for (let n: ts.Node | undefined = site.parent; n && n !== fn && !timer; n = n.parent) {
        if (!isFunctionNode(n)) continue;
        const p: ts.Node | undefined = n.parent;
        if (p && ts.isCallExpression(p) && p.arguments[0] === n && isTimerCall(p)) timer = p;
      }
    }
    if (!timer) return undefined;
    const ms = timer.arguments[1];
    if (!ms) return { node: timer, kind: 'constant', amount: '0' };
    return this.classify(timer, ms, undefined, mutated, fn);
  }

  // ---- waits -------------------------------------------------------------------------------------

  /**
   * The awaited waits in a retry region: `await sleep(ms)`, `await delay(ms)`, `await new Promise((r) =>
   * setTimeout(r, ms))`, timers/promises `await setTimeout(ms)`, `yield delay(ms)`, and a wait returned
   * from a `.catch` handler in the region. Other nested functions are not searched.
   */
  private delaysIn(region: ts.Node, mutated: Set<string>, fn: FunctionNode | undefined): Delay[] {
    const out: Delay[] = [];
    const root = region;
    const visit = (n: ts.Node): boolean => {
      if (n !== root && isFunctionNode(n) && !isPromiseHandler(n)) return false;
      if (ts.isAwaitExpression(n) || ts.isYieldExpression(n)) {
        const e = n.expression && skipOuterExpressions(n.expression);
        const d = e && this.delayOf(e, mutated, fn);
        if (d) out.push(d);
      } else if (isFunctionNode(n) && n !== root && n.body && !ts.isBlock(n.body)) {
        // `.catch(() => sleep(500))`: the chain waits for the returned promise
        const d = this.delayOf(skipOuterExpressions(n.body), mutated, fn);
        if (d) out.push(d);
      } else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(skipOuterExpressions(n.expression)) && (skipOuterExpressions(n.expression) as ts.PropertyAccessExpression).name.text === 'then') {
        // `sleep(500).then(() => retry(n + 1))`
        const d = this.delayOf(skipOuterExpressions((skipOuterExpressions(n.expression) as ts.PropertyAccessExpression).expression), mutated, fn);
        if (d) out.push(d);
      } else if (ts.isReturnStatement(n) && n.expression && isInsidePromiseHandler(n, root)) {
        const d = this.delayOf(skipOuterExpressions(n.expression), mutated, fn);
        if (d) out.push(d);
      }
      return true;
    };
    if (isFunctionNode(region) && region.body) {
      if (!ts.isBlock(region.body)) {
        const d = this.delayOf(skipOuterExpressions(region.body), mutated, fn);
        if (d) out.push(d);
      }
      walk(region.body, visit);
    } else if (visit(region)) walk(region, visit);
    return out;
  }

  /** The wait an awaited expression stands for, if it is one. */
  private delayOf(e: ts.Expression, mutated: Set<string>, fn: FunctionNode | undefined): Delay | undefined {
    if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'Promise' && e.arguments?.[0]) {
      // new Promise((resolve) => setTimeout(resolve, ms))
      let timer: ts.CallExpression | undefined;
      walk(e.arguments[0], (n) => {
        if (ts.isCallExpression(n)) {
          const c = skipOuterExpressions(n.expression);
          const name = ts.isIdentifier(c) ? c.text : ts.isPropertyAccessExpression(c) ? c.name.text : '';
          if (name === 'setTimeout') {
            timer = n;
            return 'stop';
          }
        }
        return true;
      });
      if (!timer) return undefined;
      return timer.arguments[1] ? this.classify(e, timer.arguments[1], undefined, mutated, fn) : { node: e, kind: 'constant', amount: '0' };
    }
    if (!ts.isCallExpression(e)) return undefined;
    const callee = skipOuterExpressions(e.expression);
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    // `waitForTask(…)`, `waitUntilReady(…)` wait for something to happen: an operation, not a pause
    if (!name || !(DELAY_EXACT.test(name) || DELAY_WORD.test(name)) || /^wait(For|Until)[A-Z]/.test(name)) return undefined;
    // timers/promises setTimeout(ms[, value]); the global setTimeout(fn, ms) is not awaitable
    const first = e.arguments[0];
    const amount = first && isFunctionNode(skipOuterExpressions(first)) ? e.arguments[1] : first;
    if (RANDOM_NAME.test(name)) return { node: e, kind: 'jittered' };
    const local = this.localFunction(callee);
    if (local && mentionsRandom(local)) return { node: e, kind: 'jittered' };
    if (!amount) return { node: e, kind: 'unknown' };
    return this.classify(e, amount, local, mutated, fn);
  }

  private classify(node: ts.Node, amount: ts.Expression, helper: ts.Node | undefined, mutated: Set<string>, fn: FunctionNode | undefined): Delay {
    if (mentionsRandom(amount) || (helper && mentionsRandom(helper))) return { node, kind: 'jittered' };
    if (this.isConstant(amount, mutated, fn, 0)) return { node, kind: 'constant', amount: normaliseText(amount.getText(this.sf)) };
    if (this.grows(amount, mutated)) return { node, kind: 'growing' };
    return { node, kind: 'unknown' };
  }

  /**
   * A value that is the same on every attempt: literals, `const`s and never-changed `let`s holding one,
   * UPPER_CASE constants (also imported), parameters with a literal default that no attempt changes,
   * and arithmetic or `Math.min`/`Math.max` of those.
   */
  private isConstant(e0: ts.Expression, mutated: Set<string>, fn: FunctionNode | undefined, depth: number): boolean {
    if (depth > 4) return false;
    const e = skipOuterExpressions(e0);
    if (ts.isNumericLiteral(e)) return true;
    if (ts.isPrefixUnaryExpression(e) && (e.operator === K.MinusToken || e.operator === K.PlusToken)) return this.isConstant(e.operand, mutated, fn, depth + 1);
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      const arithmetic = op === K.PlusToken || op === K.MinusToken || op === K.AsteriskToken || op === K.SlashToken || op === K.PercentToken || op === K.AsteriskAsteriskToken;
      return arithmetic && this.isConstant(e.left, mutated, fn, depth + 1) && this.isConstant(e.right, mutated, fn, depth + 1);
    }
    if (ts.isCallExpression(e)) {
      const c = skipOuterExpressions(e.expression);
      const isMath = ts.isPropertyAccessExpression(c) && ts.isIdentifier(c.expression) && c.expression.text === 'Math' && /^(min|max|round|floor|ceil|trunc)$/.test(c.name.text);
      return isMath && e.arguments.length > 0 && e.arguments.every((a) => this.isConstant(a, mutated, fn, depth + 1));
    }
    if (ts.isPropertyAccessExpression(e)) return UPPER_CONSTANT.test(e.name.text);
    if (!ts.isIdentifier(e)) return false;
    if (mutated.has(e.text)) return false;
    const decl = this.facts.resolver.declarationOf(e);
    if (!decl) return UPPER_CONSTANT.test(e.text); // imported or global: trust the naming convention
    if (ts.isVariableDeclaration(decl)) {
      if (!decl.initializer || !ts.isIdentifier(decl.name)) return false;
      const list = decl.parent;
      const isConst = ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
      if (!isConst && this.assignedAnywhere(e.text, decl)) return false;
      return this.isConstant(decl.initializer, mutated, fn, depth + 1);
    }
    if (ts.isParameter(decl)) {
      // a parameter of the retrying function itself stays the same when no attempt passes a new value
      if (fn && decl.parent === fn && mutated.has(e.text)) return false;
      return !!decl.initializer && ts.isIdentifier(decl.name) && this.isConstant(decl.initializer, mutated, fn, depth + 1);
    }
    return false;
  }

  /** A wait that depends on the attempt: mentions a counter or a changing value, or an exponent. */
  private grows(e: ts.Expression, mutated: Set<string>): boolean {
    const test = (n: ts.Node): boolean =>
      (ts.isIdentifier(n) && (mutated.has(n.text) || ATTEMPT_NAME.test(n.text))) ||
      (ts.isPropertyAccessExpression(n) && ATTEMPT_NAME.test(n.name.text)) ||
      (ts.isBinaryExpression(n) && n.operatorToken.kind === K.AsteriskAsteriskToken);
    return test(e) || walk(e, (n) => (test(n) ? 'stop' : true));
  }

  private assignedAnywhere(name: string, decl: ts.VariableDeclaration): boolean {
    let scope: ts.Node = decl;
    while (scope.parent && !ts.isBlock(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
    const changed = new Set<string>();
    collectMutations(scope, changed);
    if (changed.has(name)) return true;
    return walk(scope, (n) => {
      if (ts.isBinaryExpression(n) && n.operatorToken.kind === K.EqualsToken) {
        const l = skipOuterExpressions(n.left);
        if (ts.isIdentifier(l) && l.text === name) return 'stop';
      }
      collectMutation(n, changed);
      return true;
    });
  }

  /** The same-file function a wait helper names (`const sleep = (ms) => …`), to see whether it adds jitter. */
  private localFunction(callee: ts.Expression): ts.Node | undefined {
    if (!ts.isIdentifier(callee)) return undefined;
    const decl = this.facts.resolver.declarationOf(callee);
    if (!decl) return undefined;
    if (ts.isFunctionDeclaration(decl)) return decl;
    if (ts.isVariableDeclaration(decl) && decl.initializer) {
      const init = skipOuterExpressions(decl.initializer);
      if (isFunctionNode(init)) return init;
    }
    return undefined;
  }

  /** What to report about the waits of one retry, or undefined when they back off properly. */
  private verdict(delays: Delay[]): Verdict | undefined {
    if (!delays.length) return { kind: 'none' };
    if (delays.some((d) => d.kind === 'jittered' || d.kind === 'unknown')) return undefined;
    const constant = delays.find((d) => d.kind === 'constant');
    if (delays.every((d) => d.kind === 'constant')) return { kind: 'constant', delay: constant! };
    if (this.growingNeedsJitter) return { kind: 'growing', delay: delays.find((d) => d.kind === 'growing')! };
    return undefined;
  }

  private message(subject: string, verb: string, verdict: Verdict): string {
    if (verdict.kind === 'none') return `${subject} ${verb} immediately after a failure: nothing is awaited between attempts. ${WHY_NONE} ${FIX}`;
    if (verdict.kind === 'constant') {
      const amount = verdict.delay.amount ? ` (\`${verdict.delay.amount}\`)` : '';
      return `${subject} ${verb} after a constant wait${amount} with no jitter. ${WHY_CONSTANT} ${FIX}`;
    }
    return `${subject} ${verb} after a growing wait with no jitter, so clients that failed together still retry together. ${WHY_CONSTANT} ${FIX}`;
  }

  // ---- 3. retry libraries ------------------------------------------------------------------------

  private libraryCall(call: ts.CallExpression): void {
    const kind = this.facts.callKind(call);
    if (kind?.kind !== 'retry') return;
    const lib = kind.library;
    for (const a of call.arguments) {
      const obj = this.optionsObject(a);
      if (!obj) continue;
      const finding = this.libraryFinding(lib, obj);
      if (finding) {
        const related = finding.node.pos >= call.pos && finding.node.end <= call.end ? [] : [{ node: call, message: 'the retry call that uses these options' }];
        this.ctx.report(finding.node, finding.message, { related });
        return;
      }
    }
  }

  /** An options object written inline or held in a `const` of this file. */
  private optionsObject(a: ts.Expression): ts.ObjectLiteralExpression | undefined {
    const v = skipOuterExpressions(a);
    if (ts.isObjectLiteralExpression(v)) return v;
    if (!ts.isIdentifier(v)) return undefined;
    const decl = this.facts.resolver.declarationOf(v);
    if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return undefined;
    const list = decl.parent;
    if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return undefined;
    const init = skipOuterExpressions(decl.initializer);
    return ts.isObjectLiteralExpression(init) ? init : undefined;
  }

  private libraryFinding(lib: string, obj: ts.ObjectLiteralExpression): { node: ts.Node; message: string } | undefined {
    const prop = (name: string) => {
      const p = obj.properties.find((q) => q.name && (ts.isIdentifier(q.name) || ts.isStringLiteral(q.name)) && q.name.text === name);
      return p && ts.isPropertyAssignment(p) ? p : undefined;
    };
    const num = (name: string): number | undefined => {
      const p = prop(name);
      return p ? this.numberValue(p.initializer) : undefined;
    };
    const isLiteral = (name: string, literal: ts.SyntaxKind) => {
      const p = prop(name);
      return !!p && skipOuterExpressions(p.initializer).kind === literal;
    };
    if (obj.properties.some((p) => ts.isSpreadAssignment(p))) return undefined;
    const say = (p: ts.PropertyAssignment, what: 'none' | 'constant', library: string) => {
      const text = normaliseText(p.getText(this.sf));
      const head =
        what === 'none'
          ? `\`${text}\` makes this ${library} call retry with no wait between attempts.`
          : `\`${text}\` makes this ${library} call wait the same time before every attempt, with no randomisation.`;
      return { node: p, message: `${head} ${what === 'none' ? WHY_NONE : WHY_CONSTANT} ${FIX}` };
    };

    if (NODE_RETRY_LIBRARIES.has(lib)) {
      if (this.retriesUnboundedOrZero(obj)) return undefined;
      // async-retry randomises unless told not to (its default is `randomize: true`)
      if (isLiteral('randomize', K.TrueKeyword) || (lib === 'async-retry' && !isLiteral('randomize', K.FalseKeyword))) {
        // randomised, but zero is still zero
        const min = num('minTimeout');
        return min === 0 && (num('maxTimeout') ?? 0) === 0 && prop('minTimeout') ? say(prop('minTimeout')!, 'none', lib) : undefined;
      }
      const min = num('minTimeout');
      const max = num('maxTimeout');
      const factor = num('factor');
      if (min === 0 && prop('minTimeout')) return say(prop('minTimeout')!, 'none', lib);
      if (factor !== undefined && factor <= 1 && prop('factor')) return say(prop('factor')!, 'constant', lib);
      if (min !== undefined && max !== undefined && min === max && prop('maxTimeout')) return say(prop('maxTimeout')!, 'constant', lib);
      return undefined;
    }
    if (lib === 'exponential-backoff') {
      if (this.retriesUnboundedOrZero(obj)) return undefined;
      const start = num('startingDelay');
      if (start === 0 && prop('startingDelay')) return say(prop('startingDelay')!, 'none', lib);
      const jitter = prop('jitter');
      const full = !!jitter && ts.isStringLiteralLike(skipOuterExpressions(jitter.initializer)) && (skipOuterExpressions(jitter.initializer) as ts.StringLiteralLike).text === 'full';
      const multiple = num('timeMultiple');
      if (!full && multiple !== undefined && multiple <= 1 && prop('timeMultiple')) return say(prop('timeMultiple')!, 'constant', lib);
      return undefined;
    }
    if (lib === 'async') {
      const interval = prop('interval');
      if (!interval || this.retriesUnboundedOrZero(obj)) return undefined;
      const n = this.numberValue(interval.initializer);
      if (n === undefined) return undefined;
      return say(interval, n === 0 ? 'none' : 'constant', 'async.retry');
    }
    if (lib === 'ts-retry-promise') {
      const delay = prop('delay');
      if (!delay || this.retriesUnboundedOrZero(obj)) return undefined;
      const backoff = prop('backoff');
      if (backoff) {
        const b = skipOuterExpressions(backoff.initializer);
        if (!(ts.isStringLiteralLike(b) && b.text === 'FIXED')) return undefined;
      }
      const n = this.numberValue(delay.initializer);
      if (n === undefined) return undefined;
      return say(delay, n === 0 ? 'none' : 'constant', lib);
    }
    if (lib === 'cockatiel') {
      const backoff = prop('backoff');
      if (!backoff || this.retriesUnboundedOrZero(obj)) return undefined;
      const b = skipOuterExpressions(backoff.initializer);
      if (ts.isNewExpression(b)) {
        const origin = this.facts.originOf(b.expression);
        if (origin?.module === 'cockatiel' && origin.path[origin.path.length - 1] === 'ConstantBackoff') {
          const n = b.arguments?.[0] ? this.numberValue(b.arguments[0]) : undefined;
          return say(backoff, n === 0 ? 'none' : 'constant', lib);
        }
      }
      return undefined;
    }
    if (lib === 'axios-retry') {
      const rd = prop('retryDelay');
      if (!rd || this.retriesUnboundedOrZero(obj)) return undefined;
      const fn = skipOuterExpressions(rd.initializer);
      if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.body) {
        const returned = ts.isBlock(fn.body)
          ? fn.body.statements.length === 1 && ts.isReturnStatement(fn.body.statements[0])
            ? fn.body.statements[0].expression
            : undefined
          : fn.body;
        if (!returned || mentionsRandom(returned)) return undefined;
        const n = this.numberValue(returned);
        if (n === undefined) return undefined;
        return say(rd, n === 0 ? 'none' : 'constant', lib);
      }
      return undefined;
    }
    return undefined;
  }

  /** `retries: Infinity` / `forever: true` (unbounded-retry's finding) or `retries: 0` (no retry at all). */
  private retriesUnboundedOrZero(obj: ts.ObjectLiteralExpression): boolean {
    for (const p of obj.properties) {
      if (!ts.isPropertyAssignment(p) || !p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) continue;
      const key = p.name.text;
      const v = skipOuterExpressions(p.initializer);
      if (key === 'forever' && v.kind === K.TrueKeyword) return true;
      if (!/^(retries|maxRetries|maxAttempts|numOfAttempts|attempts|times|retry)$/.test(key)) continue;
      if (ts.isIdentifier(v) && v.text === 'Infinity') return true;
      if (ts.isPropertyAccessExpression(v) && ts.isIdentifier(v.expression) && v.expression.text === 'Number' && /^(POSITIVE_INFINITY|MAX_SAFE_INTEGER|MAX_VALUE)$/.test(v.name.text)) return true;
      const n = this.numberValue(v);
      if (n !== undefined && (n >= 10000 || (key === 'retries' || key === 'maxRetries' ? n <= 0 : n <= 1))) return true;
    }
    return false;
  }

  /** The number a literal, a `const` or simple arithmetic of those evaluates to. */
  private numberValue(e0: ts.Expression, depth = 0): number | undefined {
    if (depth > 4) return undefined;
    const e = skipOuterExpressions(e0);
    if (ts.isNumericLiteral(e)) return Number(e.text.replace(/_/g, ''));
    if (ts.isPrefixUnaryExpression(e) && e.operator === K.MinusToken) {
      const v = this.numberValue(e.operand, depth + 1);
      return v === undefined ? undefined : -v;
    }
    if (ts.isBinaryExpression(e)) {
      const l = this.numberValue(e.left, depth + 1);
      const r = this.numberValue(e.right, depth + 1);
      if (l === undefined || r === undefined) return undefined;
      switch (e.operatorToken.kind) {
        case K.PlusToken:
          return l + r;
        case K.MinusToken:
          return l - r;
        case K.AsteriskToken:
          return l * r;
        case K.SlashToken:
          return r === 0 ? undefined : l / r;
      }
      return undefined;
    }
    if (ts.isIdentifier(e)) {
      const decl = this.facts.resolver.declarationOf(e);
      if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return undefined;
      const list = decl.parent;
      if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return undefined;
      return this.numberValue(decl.initializer, depth + 1);
    }
    return undefined;
  }
}

/** References stepped by `++`, `--`, `+=` or `-=` in a loop (its body, step and condition): counters, not cursors. */
function steppedCounters(loop: LoopNode): Set<string> {
  const out = new Set<string>();
  const visit = (n: ts.Node): boolean => {
    if (isFunctionNode(n)) return false;
    if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && (n.operator === K.PlusPlusToken || n.operator === K.MinusMinusToken)) {
      const r = referenceText(skipOuterExpressions(n.operand));
      if (r) out.add(r);
    } else if (ts.isBinaryExpression(n) && (n.operatorToken.kind === K.PlusEqualsToken || n.operatorToken.kind === K.MinusEqualsToken)) {
      const r = referenceText(skipOuterExpressions(n.left));
      if (r) out.add(r);
    } else if (ts.isBinaryExpression(n) && n.operatorToken.kind === K.EqualsToken) {
      // attempt = attempt + 1
      const r = referenceText(skipOuterExpressions(n.left));
      const v = skipOuterExpressions(n.right);
      if (r && ts.isBinaryExpression(v) && (v.operatorToken.kind === K.PlusToken || v.operatorToken.kind === K.MinusToken) && referenceText(skipOuterExpressions(v.left)) === r && ts.isNumericLiteral(skipOuterExpressions(v.right))) out.add(r);
    }
    return true;
  };
  visit(loop);
  walk(loop, visit);
  return out;
}

/** `retry` in `retry.operation(…)`, `pRetry` in `pRetry(…)`, `async` in `async.retry(…)`. */
function calleeRoot(callee: ts.Expression): string | undefined {
  let e = skipOuterExpressions(callee);
  for (let i = 0; i < 8; i++) {
    if (ts.isIdentifier(e)) return e.text;
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) e = skipOuterExpressions(e.expression);
    else if (ts.isCallExpression(e)) e = skipOuterExpressions(e.expression);
    else return undefined;
  }
  return undefined;
}

/** The module of `require('x')`, `require('x').default`, `require('x').retry`, `await import('x')`. */
function requiredModule(init: ts.Expression): string | undefined {
  let e = skipOuterExpressions(init);
  if (ts.isAwaitExpression(e)) e = skipOuterExpressions(e.expression);
  while (ts.isPropertyAccessExpression(e)) e = skipOuterExpressions(e.expression);
  if (!ts.isCallExpression(e) || !e.arguments[0] || !ts.isStringLiteralLike(e.arguments[0])) return undefined;
  const c = skipOuterExpressions(e.expression);
  if ((ts.isIdentifier(c) && c.text === 'require') || c.kind === K.ImportKeyword) return e.arguments[0].text;
  return undefined;
}

/** `attempt + 1`, `retriesLeft - 1`, `1 + n`, `++attempt`: the next attempt's count. */
function isCountStep(arg: ts.Expression, param: string): boolean {
  if (ts.isPrefixUnaryExpression(arg) && (arg.operator === K.PlusPlusToken || arg.operator === K.MinusMinusToken)) {
    const o = skipOuterExpressions(arg.operand);
    return ts.isIdentifier(o) && o.text === param;
  }
  if (ts.isBinaryExpression(arg) && (arg.operatorToken.kind === K.PlusToken || arg.operatorToken.kind === K.MinusToken)) {
    const l = skipOuterExpressions(arg.left);
    const r = skipOuterExpressions(arg.right);
    return (ts.isIdentifier(l) && l.text === param && ts.isNumericLiteral(r)) || (ts.isIdentifier(r) && r.text === param && ts.isNumericLiteral(l));
  }
  return false;
}

/** `setTimeout(…)` / `setInterval(…)`, also as `globalThis.setTimeout(…)` or `timers.setTimeout(…)`. */
function isTimerCall(call: ts.CallExpression): boolean {
  const c = skipOuterExpressions(call.expression);
  const name = ts.isIdentifier(c) ? c.text : ts.isPropertyAccessExpression(c) ? c.name.text : undefined;
  return (name === 'setTimeout' || name === 'setInterval') && call.arguments.length >= 1 && !!call.arguments[0] && (isFunctionNode(skipOuterExpressions(call.arguments[0])) || ts.isIdentifier(skipOuterExpressions(call.arguments[0])) || ts.isPropertyAccessExpression(skipOuterExpressions(call.arguments[0])) || ts.isCallExpression(skipOuterExpressions(call.arguments[0])));
}

/** `.length` in a loop condition: the loop walks a collection. */
/**
 * Offsets, in order, of the `catch` clauses (`catch (`, `catch {`), `.catch(` / `.catch<T>(` calls and
 * `.then(` calls of a file. Names that merely start with `catch` (`Effect.catchAll(…)`) do not count.
 */
function failureOffsetsOf(text: string): number[] {
  const out: number[] = [];
  let t = text.indexOf('.then(');
  for (let i = text.indexOf('catch'); i >= 0; i = text.indexOf('catch', i + 5)) {
    while (t >= 0 && t < i) {
      out.push(t);
      t = text.indexOf('.then(', t + 6);
    }
    let j = i + 5;
    while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13 || text.charCodeAt(j) === 9)) j++;
    const c = text.charCodeAt(j);
    if (c === 40 /* ( */ || c === 123 /* { */ || c === 60 /* < */) out.push(i);
  }
  while (t >= 0) {
    out.push(t);
    t = text.indexOf('.then(', t + 6);
  }
  return out;
}

/** `return x`, `break`, or a block that ends with one. */
function leavesLoop(s: ts.Statement): boolean {
  if (ts.isReturnStatement(s) || (ts.isBreakStatement(s) && !s.label)) return true;
  if (ts.isBlock(s) && s.statements.length) return leavesLoop(s.statements[s.statements.length - 1]);
  return false;
}

/** Whether `node` reads one of `names` (`res.ok`, `res.status !== 429`, `!result`). */
function mentionsName(node: ts.Node, names: Set<string>): boolean {
  const test = (n: ts.Node) => ts.isIdentifier(n) && names.has(n.text) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n);
  return test(node) || walk(node, (n) => (test(n) ? 'stop' : true));
}

function mentionsLength(cond: ts.Expression): boolean {
  const test = (n: ts.Node) => ts.isPropertyAccessExpression(n) && (n.name.text === 'length' || n.name.text === 'size');
  return test(cond) || walk(cond, (n) => (test(n) ? 'stop' : true));
}

/** `Math.random()`, `randomInt(…)`, a `jitter` value. */
function mentionsRandom(node: ts.Node): boolean {
  const test = (n: ts.Node): boolean => (ts.isIdentifier(n) && RANDOM_NAME.test(n.text)) || (ts.isPropertyAccessExpression(n) && RANDOM_NAME.test(n.name.text));
  return test(node) || walk(node, (n) => (test(n) ? 'stop' : true));
}

/** A function passed to `.catch(…)` / `.then(…)`: it runs within the attempt, and the chain waits for what it returns. */
function isPromiseHandler(fn: ts.Node): boolean {
  const p = fn.parent;
  if (!p || !ts.isCallExpression(p) || !p.arguments.includes(fn as ts.Expression)) return false;
  const c = skipOuterExpressions(p.expression);
  return ts.isPropertyAccessExpression(c) && (c.name.text === 'catch' || c.name.text === 'then' || c.name.text === 'finally');
}

function isInsidePromiseHandler(n: ts.Node, root: ts.Node): boolean {
  for (let p = n.parent; p && p !== root; p = p.parent) {
    if (isFunctionNode(p)) return isPromiseHandler(p);
  }
  return false;
}
