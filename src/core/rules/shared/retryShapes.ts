// Retry shapes shared by the retry rules (unbounded-retry, retry-without-backoff): loops whose
// failure path goes round again while success leaves, functions that call themselves again from a
// failure handler, and whether an attempt counter, a deadline or a cancellation bounds them. The
// analysis follows the success and the failure path of a `try/catch` (or a `.catch(…)`) separately
// through the rest of the loop body. Everything is decided from syntax and imports.
import { ts } from 'ts-morph';
import { isFunctionNode, isLoopNode, referenceText, skipOuterExpressions, walk, type FunctionNode, type LoopNode } from '../../engine/ast';
import type { FileFacts } from '../../engine/fileFacts';

const K = ts.SyntaxKind;

/** Names of counters kept somewhere else (`job.attemptsMade`, `this.failures`): trusted as bounds when compared. */
export const ATTEMPT_NAME = /(attempt|retries|retried|retrycount|retry_count|^tries$|trycount|failures|failurecount|failcount|errorcount)/i;
/** Names that hold a point in time or an elapsed duration. */
export const TIME_NAME = /(deadline|elapsed|expiresAt|giveUpAt|stopAt)/i;
export const TIMER_FUNCTIONS = new Set(['setTimeout', 'setImmediate', 'setInterval', 'queueMicrotask']);
/** Methods that hand out the next piece of work: a loop around them is a worker, not a retry. */
const QUEUE_METHODS = /^(next|receive|receiveMessage|receiveMessages|read|readLine|readline|question|prompt|accept|pop|shift|dequeue|take|reserve|claim|consume|getNextJob|nextJob|nextMessage|fetchNext)$/;

export type Tri = boolean | undefined;

interface Outcome {
  /** Statements through which this path leaves the loop. */
  exits: Set<ts.Node>;
  /** The path goes round the loop again. */
  round: boolean;
  /** The path falls through to the next statement. */
  normal: boolean;
  /** Inner loops, switches or labelled blocks the path jumps out of (`break`) and resumes after. */
  resume: Set<ts.Node>;
}

/** How statements are read on a path. */
interface PathMode {
  /** Inside a try block: a `throw` lands in the catch clause instead of leaving the loop. */
  throwsCaught: boolean;
  /** The success path of a try block: exits guarded by "no more input" checks are not successes. */
  successPath: boolean;
  /** The try block whose success path this is. */
  tryBlock?: ts.Block;
}

const PLAIN: PathMode = { throwsCaught: false, successPath: false };
const TRY_SUCCESS: PathMode = { throwsCaught: true, successPath: true };

interface PathEnv {
  /** Truthiness of references (`ok`, `this.connected`) on this path. */
  values: Map<string, Tri>;
  /** References this path assigns; a loop condition made of none of them is still true at the end. */
  assigned: Set<string>;
  /** Truthiness of a `.catch(…)` chain's value on this path. */
  chain?: { node: ts.Node; value: Tri };
}

/** A retry loop found by `RetryShapes.analyzeLoop`. */
export interface LoopRetry {
  /** Whether an exit condition compares a counter, a deadline or a cancellation (or the loop checks `throwIfAborted`). */
  bounded: boolean;
  /** The `catch` clause or `.catch(…)` call that sends the loop round again. */
  goesRound: ts.Node;
  relatedMessage: string;
  /** References the loop changes as counters (`attempt++`, the `for` step). */
  counters: Set<string>;
  /** The loop's condition and the conditions that decide between leaving and going round. */
  exitConditions: ts.Expression[];
}

export interface SelfRetrySite {
  /** The self-call (or the timer call that schedules it, or the handler reference itself). */
  site: ts.Node;
  fn: FunctionNode;
  /** The arguments the next attempt is called with. */
  args: readonly ts.Expression[];
}

/** A function that calls itself again from a failure handler, found by `RetryShapes.selfRetry`. */
export interface SelfRetry {
  site: ts.Node;
  fn: FunctionNode;
  /** Every self-call of that function in the handler. */
  sites: SelfRetrySite[];
}

/** Retry-shape analysis for one file. */
export class RetryShapes {
  constructor(
    private readonly sf: ts.SourceFile,
    private readonly facts: FileFacts,
    /** Whether checking an abort signal counts as a bound. */
    private readonly abortSignalIsBound: boolean,
  ) {}

  // ---- loops ------------------------------------------------------------------------------------

  /**
   * A loop whose `try/catch` (or `.catch`) sends the failure path round again while the success path
   * leaves it. `want` says which retries the caller is after: those with no bound (no counter, deadline
   * or cancellation compared in an exit condition) or those with one; the other kind returns undefined.
   * `owner` says which inner loops take ownership of the `try` blocks inside them.
   */
  analyzeLoop(loop: LoopNode, want: 'bounded' | 'unbounded', owner: (n: ts.Node) => boolean): LoopRetry | undefined {
    // cheap exit: a loop with no `catch` (or `.then(`, which may carry a rejection handler) in its text has no failure path to follow
    const catchAt = this.sf.text.indexOf('catch', loop.statement.pos);
    if (catchAt < 0 || catchAt >= loop.statement.end) {
      const thenAt = this.sf.text.indexOf('.then(', loop.statement.pos);
      if (thenAt < 0 || thenAt >= loop.statement.end) return undefined;
    }
    const cond = loopCondition(loop);
    const body = loop.statement;

    const tries: ts.TryStatement[] = [];
    const catchCalls: ts.CallExpression[] = [];
    const counters = new Set<string>();
    const exitConditions: ts.Expression[] = [];
    let cancelled = false;

    if (cond) exitConditions.push(cond);
    if (ts.isForStatement(loop) && loop.incrementor) collectMutations(loop.incrementor, counters);
    // `do { … } while (++attempt < MAX)`: a counter stepped in the condition itself
    if (cond) collectMutations(cond, counters);

    const visit = (n: ts.Node): boolean => {
      if (isFunctionNode(n) || ts.isClassLike(n)) return false;
      switch (n.kind) {
        case K.TryStatement:
          if ((n as ts.TryStatement).catchClause && this.ownedBy(n, loop, owner)) tries.push(n as ts.TryStatement);
          break;
        case K.CallExpression: {
          const call = n as ts.CallExpression;
          const callee = skipOuterExpressions(call.expression);
          if (ts.isPropertyAccessExpression(callee)) {
            const m = callee.name.text;
            // `.catch(onRejected)`, and `.then(onFulfilled, onRejected)` whose second handler catches the same way
            if ((m === 'catch' || (m === 'then' && rejectionHandlerOf(call))) && this.ownedBy(n, loop, owner)) catchCalls.push(call);
            else if (m === 'throwIfAborted' && this.abortSignalIsBound) cancelled = true;
          }
          if (isAssertion(call) && call.arguments.length) exitConditions.push(call.arguments[0]);
          break;
        }
        case K.PrefixUnaryExpression:
        case K.PostfixUnaryExpression:
        case K.BinaryExpression:
          collectMutation(n, counters);
          break;
        case K.IfStatement: {
          // a condition that decides between leaving and going round (`if (n < MAX) continue; throw err`)
          const s = n as ts.IfStatement;
          if (branchDecides(s.thenStatement, loop) || (s.elseStatement && branchDecides(s.elseStatement, loop))) exitConditions.push(s.expression);
          break;
        }
        case K.ConditionalExpression: {
          const c = n as ts.ConditionalExpression;
          if (containsThrowExpression(c.whenTrue) || containsThrowExpression(c.whenFalse)) exitConditions.push(c.condition);
          break;
        }
      }
      return true;
    };
    if (visit(body)) walk(body, visit);

    const bounded = cancelled || exitConditions.some((c) => this.isBoundCondition(c, counters));
    if (bounded !== (want === 'bounded')) return undefined;

    for (const t of tries) {
      if (this.isRetryTry(t, loop, cond, want === 'bounded')) {
        return { bounded, goesRound: t.catchClause!, relatedMessage: 'the `catch` block lets the loop go round again here', counters, exitConditions };
      }
    }
    for (const c of catchCalls) {
      if (this.isRetryCatchCall(c, loop, cond, want === 'bounded')) {
        return { bounded, goesRound: c, relatedMessage: 'the `.catch` handler lets the loop go round again here', counters, exitConditions };
      }
    }
    return undefined;
  }

  /** True when no retry-shaped loop lies between `node` and `loop` (that inner loop owns the node). */
  ownedBy(node: ts.Node, loop: LoopNode, owner: (n: ts.Node) => boolean): boolean {
    for (let p = node.parent; p && p !== loop; p = p.parent) {
      if (isLoopNode(p) && owner(p)) return false;
    }
    return true;
  }

  /** A condition that stops the loop on a counter, a deadline or a cancellation. */
  isBoundCondition(cond: ts.Expression, counters: Set<string>): boolean {
    return this.mentionsBound(cond, (ref) => counters.has(ref));
  }

  mentionsBound(expr: ts.Node, isCounter: (ref: string) => boolean): boolean {
    const check = (n: ts.Node): boolean => {
      if (ts.isIdentifier(n)) {
        if (isPropertyName(n)) return false;
        if (isCounter(n.text)) return true;
        if (TIME_NAME.test(n.text)) return true;
        return false;
      }
      if (ts.isPropertyAccessExpression(n)) {
        const ref = referenceText(n);
        if (ref && isCounter(ref)) return true;
        const name = n.name.text;
        if (ATTEMPT_NAME.test(name) && !isCallee(n)) return true;
        if (TIME_NAME.test(name)) return true;
        if (this.abortSignalIsBound && (name === 'aborted' || name === 'isCancellationRequested')) return true;
        if (isTimeCall(n)) return true;
      }
      if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'Date') return true;
      return false;
    };
    if (check(expr)) return true;
    return walk(expr, (n) => {
      if (isFunctionNode(n)) return false;
      return check(n) ? 'stop' : true;
    });
  }

  /** A try/catch in `loop` whose success path leaves the loop while its failure path goes round again. */
  /**
   * `flagExit`: also accept a success path that can only leave (never go round) while the failure path
   * goes round, even when both may leave through the same condition (`do { try { …; ok = true } catch {} }
   * while (!ok && attempt < 3)`): the bounded search only, so unbounded-retry's findings do not change.
   */
  isRetryTry(t: ts.TryStatement, loop: LoopNode, cond: ts.Expression | undefined, flagExit = false): boolean {
    const catchBlock = t.catchClause!.block;
    const tried = assignmentsIn(t.tryBlock);
    const caught = assignmentsIn(catchBlock);
    const initial = this.initialValues([...tried.keys(), ...caught.keys()], t);
    const success: PathEnv = { values: overlay(initial, tried), assigned: new Set(tried.keys()) };
    const failure: PathEnv = { values: overlay(initial, caught), assigned: new Set(caught.keys()) };

    const s = this.pathFrom(t, this.seq(t.tryBlock.statements, success, loop, { ...TRY_SUCCESS, tryBlock: t.tryBlock }), success, loop, cond);
    const f = this.pathFrom(t, this.seq(catchBlock.statements, failure, loop, PLAIN), failure, loop, cond);
    return f.round && ([...s.exits].some((x) => !f.exits.has(x)) || (flagExit && !s.round && s.exits.size > 0));
  }

  /** A `.catch(handler)` (or `.then(ok, handler)`) in `loop` whose value (or side effects) decide whether the loop is left. */
  isRetryCatchCall(call: ts.CallExpression, loop: LoopNode, cond: ts.Expression | undefined, flagExit = false): boolean {
    const rejection = rejectionHandlerOf(call);
    // `.catch()` with no handler catches nothing
    if (!rejection) return false;
    const handler = skipOuterExpressions(rejection);
    if (handlerAlwaysRejects(handler)) return false;
    const stmt = statementOf(call, loop);
    if (!stmt) return false;

    const thenCallbacks = thenCallbacksOf(call);
    // `.then(ok, onRejected)`: `ok` is the last success callback of the chain
    if (rejection !== call.arguments[0]) {
      const ok = skipOuterExpressions(call.arguments[0]);
      if (isFunctionNode(ok)) thenCallbacks.push(ok);
    }
    const succeeded = new Map<string, Tri>();
    for (const cb of thenCallbacks) for (const [k, v] of assignmentsIn(cb)) succeeded.set(k, v);
    const failed = isFunctionNode(handler) ? assignmentsIn(handler) : new Map<string, Tri>();

    const successValue: Tri = thenCallbacks.length ? returnTruth(thenCallbacks[thenCallbacks.length - 1], this.facts) : true;
    const failureValue: Tri = isFunctionNode(handler) ? returnTruth(handler, this.facts) : undefined;
    const target = assignedFrom(stmt, call);
    if (target) {
      succeeded.set(target, successValue);
      failed.set(target, failureValue);
      // `.catch((err) => err)`: on failure the value is the error itself, told apart by `instanceof`
      if (isFunctionNode(handler) && returnsOwnParameter(handler)) {
        failed.set(target, true);
        failed.set(errorKey(target), true);
        succeeded.set(errorKey(target), false);
      }
    }
    const initial = this.initialValues([...succeeded.keys(), ...failed.keys()], stmt);
    const success: PathEnv = { values: overlay(initial, succeeded), assigned: new Set(succeeded.keys()), chain: { node: call, value: successValue } };
    const failure: PathEnv = { values: overlay(initial, failed), assigned: new Set(failed.keys()), chain: { node: call, value: failureValue } };

    const s = this.pathFrom(stmt, this.outcome(stmt, success, loop, PLAIN), success, loop, cond);
    const f = this.pathFrom(stmt, this.outcome(stmt, failure, loop, PLAIN), failure, loop, cond);
    return f.round && ([...s.exits].some((x) => !f.exits.has(x)) || (flagExit && !s.round && s.exits.size > 0));
  }

  /** Values references hold before the try: from their declaration's literal initializer, if any. */
  initialValues(refs: string[], at: ts.Node): Map<string, Tri> {
    const out = new Map<string, Tri>();
    for (const ref of refs) {
      if (out.has(ref) || ref.includes('.')) continue;
      const decl = this.findDeclaration(ref, at);
      if (decl && ts.isVariableDeclaration(decl)) out.set(ref, decl.initializer ? literalTruth(decl.initializer) : false);
    }
    return out;
  }

  findDeclaration(name: string, at: ts.Node): ts.Node | undefined {
    // resolve from an identifier with that name inside `at`, or from `at` itself
    let id: ts.Identifier | undefined;
    walk(at, (n) => {
      if (ts.isIdentifier(n) && n.text === name && !isPropertyName(n)) {
        id = n;
        return 'stop';
      }
      return true;
    });
    return id ? this.facts.resolver.declarationOf(id) : undefined;
  }

  /**
   * Follows a path from `start` (whose own outcome is `first`) through the statements after it, up to
   * the end of the loop body and the loop's condition.
   */
  pathFrom(start: ts.Node, first: Outcome, env: PathEnv, loop: LoopNode, cond: ts.Expression | undefined): Outcome {
    const out: Outcome = { exits: new Set(first.exits), round: first.round, normal: first.normal, resume: new Set(first.resume) };
    let child: ts.Node = start;
    for (;;) {
      if (out.resume.delete(child)) out.normal = true;
      if (child === loop.statement) break;
      if (!out.normal && out.resume.size === 0) break;
      const p = child.parent;
      if (!p || p === loop) break;
      if (out.normal && (ts.isBlock(p) || ts.isCaseClause(p) || ts.isDefaultClause(p))) {
        const i = p.statements.indexOf(child as ts.Statement);
        const rest = this.seq(p.statements.slice(i + 1), env, loop, PLAIN);
        for (const e of rest.exits) out.exits.add(e);
        for (const r of rest.resume) out.resume.add(r);
        out.round ||= rest.round;
        out.normal = rest.normal;
      }
      child = p;
    }
    if (out.normal) {
      // the end of the body: the loop's condition decides
      out.normal = false;
      // a condition this path did not touch is as true as it was when the iteration began
      if (!cond || !mentionsAny(cond, env.assigned)) out.round = true;
      else {
        const t = truth(cond, env);
        if (t === false) out.exits.add(cond);
        else if (t === true) out.round = true;
        else {
          out.round = true;
          out.exits.add(cond);
        }
      }
    }
    return out;
  }

  seq(statements: readonly ts.Statement[], env: PathEnv, loop: LoopNode, mode: PathMode): Outcome {
    const out: Outcome = { exits: new Set(), round: false, normal: true, resume: new Set() };
    for (const s of statements) {
      if (!out.normal) break;
      const o = this.outcome(s, env, loop, mode);
      for (const e of o.exits) out.exits.add(e);
      for (const r of o.resume) out.resume.add(r);
      out.round ||= o.round;
      out.normal = o.normal;
    }
    return out;
  }

  outcome(s: ts.Statement, env: PathEnv, loop: LoopNode, mode: PathMode): Outcome {
    const o = this.rawOutcome(s, env, loop, mode);
    // a `break` out of this very statement resumes after it
    if (o.resume.delete(s)) o.normal = true;
    return o;
  }

  rawOutcome(s: ts.Statement, env: PathEnv, loop: LoopNode, mode: PathMode): Outcome {
    const exit = (): Outcome => ({ exits: new Set([s]), round: false, normal: false, resume: new Set() });
    const normal = (): Outcome => ({ exits: new Set(), round: false, normal: true, resume: new Set() });
    const stop = (): Outcome => ({ exits: new Set(), round: false, normal: false, resume: new Set() });
    switch (s.kind) {
      case K.ReturnStatement:
        return exit();
      case K.ThrowStatement:
        // inside a try block a throw lands in the catch clause, which is the failure path
        return mode.throwsCaught ? stop() : exit();
      case K.BreakStatement: {
        const target = jumpTarget(s as ts.BreakStatement, false);
        if (target && target !== loop && contains(loop, target)) return { ...stop(), resume: new Set([target]) };
        return exit();
      }
      case K.ContinueStatement: {
        const target = jumpTarget(s as ts.ContinueStatement, true);
        if (target === loop) return { ...stop(), round: true };
        // the inner loop goes on; once it ends, the path resumes after it
        if (target && contains(loop, target)) return { ...stop(), resume: new Set([target]) };
        return exit();
      }
      case K.ExpressionStatement:
        return isProcessExit((s as ts.ExpressionStatement).expression) ? exit() : normal();
      case K.Block:
        return this.seq((s as ts.Block).statements, env, loop, mode);
      case K.IfStatement: {
        const i = s as ts.IfStatement;
        // an exit guarded by "nothing there" (`if (!msg) return`) is the end of the work, not a success
        if (mode.successPath && (isAbsenceCheck(i.expression) || this.isWorkItemCheck(i.expression) || this.isOutsideGuard(i.expression, mode.tryBlock))) {
          return i.elseStatement ? union(normal(), this.outcome(i.elseStatement, env, loop, mode)) : normal();
        }
        const t = truth(i.expression, env);
        const whenTrue = (): Outcome => this.outcome(i.thenStatement, env, loop, mode);
        const whenFalse = (): Outcome => (i.elseStatement ? this.outcome(i.elseStatement, env, loop, mode) : normal());
        if (t === true) return whenTrue();
        if (t === false) return whenFalse();
        return union(whenTrue(), whenFalse());
      }
      case K.LabeledStatement: {
        const l = s as ts.LabeledStatement;
        const o = this.outcome(l.statement, env, loop, mode);
        if (o.resume.delete(l.statement)) o.normal = true;
        return o;
      }
      case K.TryStatement: {
        const tr = s as ts.TryStatement;
        let o = this.seq(tr.tryBlock.statements, env, loop, tr.catchClause ? { ...mode, throwsCaught: true } : mode);
        if (tr.catchClause) o = union(o, this.seq(tr.catchClause.block.statements, env, loop, { ...mode, successPath: false }));
        if (tr.finallyBlock) {
          const fin = this.seq(tr.finallyBlock.statements, env, loop, mode);
          if (!fin.normal) return fin;
        }
        return o;
      }
      case K.SwitchStatement: {
        let o = normal();
        for (const clause of (s as ts.SwitchStatement).caseBlock.clauses) o = union(o, this.seq(clause.statements, env, loop, mode));
        o.normal = true;
        return o;
      }
      case K.WhileStatement:
      case K.DoStatement:
      case K.ForStatement:
      case K.ForOfStatement:
      case K.ForInStatement: {
        const o = this.outcome((s as LoopNode).statement, env, loop, mode);
        o.normal = true;
        return o;
      }
      default:
        return normal();
    }
  }

  /**
   * A guard on state from outside the try (`if (this.stopped) return`, `if (shuttingDown) break`):
   * no call, no await, and nothing in it is declared or assigned in the try block. A success check
   * looks at what the try just produced (`if (res.ok) return res`).
   */
  isOutsideGuard(cond: ts.Expression, tryBlock: ts.Block | undefined): boolean {
    if (!tryBlock) return false;
    const assigned = assignmentsIn(tryBlock);
    const inside = (n: ts.Node): boolean => {
      if (ts.isCallExpression(n) || ts.isAwaitExpression(n) || ts.isNewExpression(n)) return true;
      if (ts.isIdentifier(n) && !isPropertyName(n)) {
        if (assigned.has(n.text)) return true;
        const decl = this.facts.resolver.declarationOf(n);
        return !!decl && contains(tryBlock, decl);
      }
      if (ts.isPropertyAccessExpression(n)) {
        const r = referenceText(n);
        return !!r && assigned.has(r);
      }
      return false;
    };
    if (inside(cond)) return false;
    return !walk(cond, (n) => (inside(n) ? 'stop' : true));
  }

  /** A condition on an item just taken from a queue or stream (`if (msg.type === 'shutdown') return`): the end of the work. */
  isWorkItemCheck(cond: ts.Expression): boolean {
    const test = (n: ts.Node): boolean => {
      if (!ts.isIdentifier(n) || isPropertyName(n)) return false;
      const decl = this.facts.resolver.declarationOf(n);
      if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return false;
      let init = skipOuterExpressions(decl.initializer);
      while (ts.isAwaitExpression(init)) init = skipOuterExpressions(init.expression);
      if (!ts.isCallExpression(init)) return false;
      const callee = skipOuterExpressions(init.expression);
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      return QUEUE_METHODS.test(name);
    };
    if (test(cond)) return true;
    return walk(cond, (n) => (test(n) ? 'stop' : true));
  }

  // ---- self-calls from a failure handler --------------------------------------------------------

  /**
   * The calls through which the function enclosing `anchor` calls itself again from the failure
   * handler `region` (directly, through a timer, or as the handler itself), if any.
   */
  selfRetry(region: ts.Node, anchor: ts.Node): SelfRetry | undefined {
    // cheap exit: the handler's text must mention the name of a function around it
    const text = this.sf.text.slice(region.pos, region.end);
    if (!enclosingNames(anchor).some((n) => text.includes(n))) return undefined;
    const sites: SelfRetrySite[] = [];
    const consider = (ref: ts.Expression, site: ts.Node, args: readonly ts.Expression[]) => {
      const fn = this.selfFunction(ref, anchor);
      if (fn) sites.push({ site, fn, args });
    };
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n)) {
        const callee = skipOuterExpressions(n.expression);
        if (ts.isIdentifier(callee) || ts.isPropertyAccessExpression(callee)) {
          const timer = timerArgs(n);
          if (timer) {
            const ref = unbind(skipOuterExpressions(timer.fn));
            if (ref) consider(ref, n, timer.args);
          } else {
            consider(callee, n, n.arguments);
          }
        }
      }
    };
    const handlerRef = ts.isIdentifier(region) || ts.isPropertyAccessExpression(region) ? region : undefined;
    if (handlerRef) {
      // `.catch(connect)`: the handler is the function itself
      consider(handlerRef, handlerRef, []);
    } else {
      visit(region);
      walk(region, (n) => {
        visit(n);
        return true;
      });
    }
    if (!sites.length) return undefined;
    const first = sites[0];
    const fnSites = sites.filter((s) => s.fn === first.fn);
    return { site: first.site, fn: first.fn, sites: fnSites };
  }

  /** The function that `ref` names when it is the function enclosing `anchor` (a self-reference). */
  selfFunction(ref: ts.Expression, anchor: ts.Node): FunctionNode | undefined {
    if (ts.isIdentifier(ref)) {
      const decl = this.facts.resolver.declarationOf(ref);
      if (!decl) return undefined;
      let fn: ts.Node | undefined;
      if (ts.isFunctionDeclaration(decl) || ts.isFunctionExpression(decl)) fn = decl;
      else if (ts.isVariableDeclaration(decl) && decl.initializer) {
        const init = skipOuterExpressions(decl.initializer);
        if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) fn = init;
      }
      if (!fn || !contains(fn, anchor)) return undefined;
      // `bufferAlloc = legacy; return bufferAlloc(size)`: the name is rebound to another function first
      if (reassigns(fn, ref.text)) return undefined;
      return fn as FunctionNode;
    }
    if (ts.isPropertyAccessExpression(ref)) {
      const base = skipOuterExpressions(ref.expression);
      const name = ref.name.text;
      const isThis = base.kind === K.ThisKeyword;
      const className = ts.isIdentifier(base) ? base.text : undefined;
      if (!isThis && !className) return undefined;
      // walk out of the anchor; `this` survives arrow functions only
      for (let n: ts.Node | undefined = anchor.parent; n; n = n.parent) {
        const member = memberFunction(n);
        if (member && member.name === name) {
          if (isThis) return member.fn;
          // `Db.connect()` in a static method, `client.connect()` in `const client = { connect() {…} }`
          const holder = n.parent;
          if (holder && ts.isClassLike(holder) && holder.name?.text === className) return member.fn;
          const decl = holder && ts.isObjectLiteralExpression(holder) ? holder.parent : undefined;
          if (decl && ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name) && decl.name.text === className) return member.fn;
          return undefined;
        }
        if (isThis && (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n)) && !memberFunction(n.parent ?? n)) return undefined;
        if (ts.isClassLike(n)) return undefined;
      }
    }
    return undefined;
  }

  /** A counted and compared attempt parameter, a counter, a deadline or a cancellation check bounds the self-retry. */
  recursionIsBounded(fn: FunctionNode, sites: { site: ts.Node; args: readonly ts.Expression[] }[]): boolean {
    // a function that takes the next item off a stack or queue moves on when it calls itself again; it does not retry
    if (fn.body && drainsWork(fn.body)) return true;
    // parameters whose value changes from one attempt to the next
    const changed = new Set<string>();
    fn.parameters.forEach((p, i) => {
      const names = bindingNames(p.name);
      for (const s of sites) {
        const arg = s.args[i];
        if (!arg) continue;
        const argText = normaliseText(arg.getText(this.sf));
        if (ts.isIdentifier(p.name) && argText === p.name.text) continue;
        for (const n of names) changed.add(n);
      }
    });
    const counters = new Set<string>();
    const controlling: ts.Expression[] = [];
    const siteNodes = sites.map((s) => s.site);
    const body = fn.body;
    if (!body) return false;
    const derived: ts.VariableDeclaration[] = [];
    walk(body, (n) => {
      collectMutation(n, counters);
      if (ts.isVariableDeclaration(n) && n.initializer) derived.push(n);
      if (ts.isIfStatement(n)) {
        if (leavesOrRetries(n.thenStatement, siteNodes) || (n.elseStatement && leavesOrRetries(n.elseStatement, siteNodes))) controlling.push(n.expression);
      } else if (ts.isConditionalExpression(n)) {
        if (leavesOrRetries(n.whenTrue, siteNodes) || leavesOrRetries(n.whenFalse, siteNodes)) controlling.push(n.condition);
      } else if (ts.isBinaryExpression(n) && (n.operatorToken.kind === K.AmpersandAmpersandToken || n.operatorToken.kind === K.BarBarToken)) {
        if (leavesOrRetries(n.right, siteNodes)) controlling.push(n.left);
      } else if (ts.isCallExpression(n) && isAssertion(n) && n.arguments.length) {
        controlling.push(n.arguments[0]);
      } else if (ts.isCallExpression(n) && this.abortSignalIsBound) {
        const c = skipOuterExpressions(n.expression);
        if (ts.isPropertyAccessExpression(c) && c.name.text === 'throwIfAborted') controlling.push(c);
      }
      return true;
    });
    // values computed from a changing parameter change too (`const parent = dirname(dir)`)
    for (let round = 0; round < 3 && changed.size; round++) {
      for (const d of derived) {
        if (!ts.isIdentifier(d.name) || changed.has(d.name.text)) continue;
        if ([...changed].some((c) => mentions(d.initializer!, c))) changed.add(d.name.text);
      }
    }
    const isCounter = (ref: string): boolean => {
      if (counters.has(ref)) return true;
      const root = ref.split('.')[0];
      return changed.has(ref) || changed.has(root);
    };
    return controlling.some((c) => (ts.isPropertyAccessExpression(c) && c.name.text === 'throwIfAborted') || this.mentionsBound(c, isCounter));
  }
}

// ---- loop shape helpers -------------------------------------------------------------------------

export function loopCondition(loop: LoopNode): ts.Expression | undefined {
  if (ts.isWhileStatement(loop) || ts.isDoStatement(loop)) return loop.expression;
  if (ts.isForStatement(loop)) return loop.condition;
  return undefined;
}

/**
 * A loop that can only end from inside: no condition, `true`, or a condition made only of flags
 * (`!ok`, `!this.connected`, `result === undefined`). Loops with comparisons or calls in their
 * condition (`attempt < MAX`, `Date.now() < deadline`, `queue.length > 0`) are bounded elsewhere.
 */
export function isCandidateLoop(loop: ts.Node): boolean {
  if (ts.isForOfStatement(loop) || ts.isForInStatement(loop)) return false;
  if (!ts.isWhileStatement(loop) && !ts.isDoStatement(loop) && !ts.isForStatement(loop)) return false;
  const cond = loopCondition(loop);
  if (!cond) return true;
  // a `for` with a step walks something (`for (…; !it.done; it = it.next())`) unless nothing can end it
  if (ts.isForStatement(loop) && loop.incrementor) return literalTruth(cond) === true;
  return isFlagCondition(cond);
}

export function isFlagCondition(e: ts.Expression): boolean {
  const v = skipOuterExpressions(e);
  if (v.kind === K.TrueKeyword) return true;
  if (ts.isNumericLiteral(v)) return Number(v.text) !== 0;
  if (ts.isPrefixUnaryExpression(v) && v.operator === K.ExclamationToken) return isFlagCondition(v.operand);
  if (isRef(v)) return !isIteratorDone(v);
  if (ts.isBinaryExpression(v)) {
    const op = v.operatorToken.kind;
    if (op === K.AmpersandAmpersandToken || op === K.BarBarToken) return isFlagCondition(v.left) && isFlagCondition(v.right);
    if (op === K.EqualsEqualsEqualsToken || op === K.ExclamationEqualsEqualsToken || op === K.EqualsEqualsToken || op === K.ExclamationEqualsToken) {
      return (isRef(v.left) && isFlagLiteral(v.right)) || (isRef(v.right) && isFlagLiteral(v.left));
    }
  }
  return false;
}

export function isRef(e: ts.Expression): boolean {
  const v = skipOuterExpressions(e);
  return referenceText(v) !== undefined && v.kind !== K.ThisKeyword && !(ts.isIdentifier(v) && v.text === 'undefined');
}

/** `!step.done`: an iterator being walked, not a flag set on success. */
export function isIteratorDone(e: ts.Expression): boolean {
  const r = referenceText(skipOuterExpressions(e));
  return !!r && r.endsWith('.done');
}

export function isFlagLiteral(e: ts.Expression): boolean {
  const v = skipOuterExpressions(e);
  return v.kind === K.TrueKeyword || v.kind === K.FalseKeyword || v.kind === K.NullKeyword || (ts.isIdentifier(v) && v.text === 'undefined');
}

/**
 * True when `stmt` leaves `loop` (return, throw, a break aimed at the loop or beyond, process.exit) or
 * explicitly goes round it again (`continue`): its condition then decides whether the retry goes on.
 */
export function branchDecides(stmt: ts.Statement, loop: LoopNode): boolean {
  const test = (n: ts.Node): boolean => {
    if (ts.isReturnStatement(n) || ts.isThrowStatement(n)) return true;
    if (ts.isBreakStatement(n) || ts.isContinueStatement(n)) {
      const target = jumpTarget(n, ts.isContinueStatement(n));
      if (ts.isBreakStatement(n)) return !target || target === loop || !contains(loop, target);
      return true;
    }
    if (ts.isExpressionStatement(n) && isProcessExit(n.expression)) return true;
    if (ts.isCallExpression(n) && isRejectCall(n)) return true;
    return false;
  };
  if (test(stmt)) return true;
  return walk(stmt, (n) => {
    if (isFunctionNode(n)) return false;
    return test(n) ? 'stop' : true;
  });
}

/** True when `node` throws, returns, rejects or reaches one of the self-retry sites. */
export function leavesOrRetries(node: ts.Node, sites: ts.Node[]): boolean {
  const test = (n: ts.Node): boolean =>
    ts.isThrowStatement(n) || ts.isReturnStatement(n) || (ts.isCallExpression(n) && isRejectCall(n)) || sites.some((s) => s === n || contains(n, s));
  if (test(node)) return true;
  return walk(node, (n) => (test(n) ? 'stop' : true));
}

export function containsThrowExpression(node: ts.Node): boolean {
  // a `(() => { throw err })()` arm or a call to Promise.reject
  return walk(node, (n) => (ts.isThrowStatement(n) || (ts.isCallExpression(n) && isRejectCall(n)) ? 'stop' : true));
}

/** The statement a break/continue jumps relative to: its label's statement, or the nearest loop (or switch, for break). */
export function jumpTarget(s: ts.BreakStatement | ts.ContinueStatement, isContinue: boolean): ts.Node | undefined {
  const label = s.label?.text;
  for (let n: ts.Node | undefined = s.parent; n; n = n.parent) {
    if (isFunctionNode(n)) return undefined;
    if (label) {
      if (ts.isLabeledStatement(n) && n.label.text === label) {
        let inner: ts.Node = n.statement;
        while (ts.isLabeledStatement(inner)) inner = inner.statement;
        return inner;
      }
    } else if (isLoopNode(n) || (!isContinue && ts.isSwitchStatement(n))) {
      return n;
    }
  }
  return undefined;
}

export function contains(outer: ts.Node, inner: ts.Node): boolean {
  return inner.pos >= outer.pos && inner.end <= outer.end && inner !== outer;
}

export function union(a: Outcome, b: Outcome): Outcome {
  return { exits: new Set([...a.exits, ...b.exits]), round: a.round || b.round, normal: a.normal || b.normal, resume: new Set([...a.resume, ...b.resume]) };
}

export function overlay(base: Map<string, Tri>, top: Map<string, Tri>): Map<string, Tri> {
  const out = new Map(base);
  for (const [k, v] of top) out.set(k, v);
  return out;
}

/** `process.exit(1)` */
export function isProcessExit(e: ts.Expression): boolean {
  const v = skipOuterExpressions(e);
  if (!ts.isCallExpression(v)) return false;
  const c = skipOuterExpressions(v.expression);
  return ts.isPropertyAccessExpression(c) && c.name.text === 'exit' && ts.isIdentifier(c.expression) && c.expression.text === 'process';
}

/** `Promise.reject(err)` or `reject(err)` */
export function isRejectCall(call: ts.CallExpression): boolean {
  const c = skipOuterExpressions(call.expression);
  if (ts.isIdentifier(c)) return c.text === 'reject';
  return ts.isPropertyAccessExpression(c) && c.name.text === 'reject' && ts.isIdentifier(c.expression) && c.expression.text === 'Promise';
}

/** `assert(attempt < MAX)`, `assert.ok(…)`, `invariant(…)` */
export function isAssertion(call: ts.CallExpression): boolean {
  const c = skipOuterExpressions(call.expression);
  if (ts.isIdentifier(c)) return c.text === 'assert' || c.text === 'invariant';
  return ts.isPropertyAccessExpression(c) && ts.isIdentifier(c.expression) && c.expression.text === 'assert';
}

/** `Date.now()`, `performance.now()`, `process.hrtime…`, `x.getTime()` */
export function isTimeCall(n: ts.PropertyAccessExpression): boolean {
  const base = n.expression;
  const name = n.name.text;
  if (ts.isIdentifier(base) && (base.text === 'Date' || base.text === 'performance') && name === 'now') return true;
  if (ts.isIdentifier(base) && base.text === 'process' && name === 'hrtime') return true;
  return name === 'getTime' && !!n.parent && ts.isCallExpression(n.parent);
}

/** An identifier that is a property name (`x.attempt`'s `attempt`, `{ attempt: 1 }`'s key), not a reference. */
export function isPropertyName(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p) return false;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return true;
  if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p)) && p.name === id) return true;
  return false;
}

export function isCallee(n: ts.Node): boolean {
  return !!n.parent && ts.isCallExpression(n.parent) && skipOuterExpressions(n.parent.expression) === n;
}

/** Records references changed by `x++`, `--x`, `x += 1`, `x = x + 1`, `x = next(x)`. */
export function collectMutation(n: ts.Node, out: Set<string>): void {
  if (ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) {
    if (n.operator === K.PlusPlusToken || n.operator === K.MinusMinusToken) {
      const r = referenceText(skipOuterExpressions(n.operand));
      if (r) out.add(r);
    }
    return;
  }
  if (ts.isBinaryExpression(n)) {
    const op = n.operatorToken.kind;
    const left = referenceText(skipOuterExpressions(n.left));
    if (!left) return;
    if (op === K.PlusEqualsToken || op === K.MinusEqualsToken || op === K.AsteriskEqualsToken) out.add(left);
    else if (op === K.EqualsToken && mentions(n.right, left)) out.add(left);
  }
}

export function collectMutations(node: ts.Node, out: Set<string>): void {
  collectMutation(node, out);
  walk(node, (n) => {
    collectMutation(n, out);
    return true;
  });
}

export function mentionsAny(node: ts.Node, refs: Set<string>): boolean {
  if (!refs.size) return false;
  for (const r of refs) if (mentions(node, r)) return true;
  return false;
}

export function mentions(node: ts.Node, ref: string): boolean {
  const test = (n: ts.Node) => (ts.isIdentifier(n) || ts.isPropertyAccessExpression(n)) && referenceText(n) === ref;
  if (test(node)) return true;
  return walk(node, (n) => (test(n) ? 'stop' : true));
}

/** `x = value` assignments inside `node` (not in nested functions unless `node` is one): ref → truthiness of the value. */
export function assignmentsIn(node: ts.Node): Map<string, Tri> {
  const out = new Map<string, Tri>();
  const root = node;
  walk(node, (n) => {
    if (n !== root && isFunctionNode(n)) return false;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === K.EqualsToken) {
      const left = referenceText(skipOuterExpressions(n.left));
      if (left && left !== 'this') {
        const lit = literalTruth(n.right);
        out.set(left, lit === undefined ? true : lit);
      }
    }
    return true;
  });
  return out;
}

/** Truthiness of a literal value; undefined for anything else. */
export function literalTruth(e: ts.Expression): Tri {
  const v = skipOuterExpressions(e);
  switch (v.kind) {
    case K.TrueKeyword:
      return true;
    case K.FalseKeyword:
    case K.NullKeyword:
      return false;
    case K.NumericLiteral:
      return Number((v as ts.NumericLiteral).text) !== 0;
    case K.StringLiteral:
    case K.NoSubstitutionTemplateLiteral:
      return (v as ts.StringLiteral).text.length > 0;
    case K.ObjectLiteralExpression:
    case K.ArrayLiteralExpression:
    case K.NewExpression:
    case K.ArrowFunction:
    case K.FunctionExpression:
      return true;
    case K.Identifier:
      return (v as ts.Identifier).text === 'undefined' ? false : undefined;
    case K.VoidExpression:
      return false;
  }
  return undefined;
}

/** Truthiness of a condition on one path; undefined when it cannot be told. */
/** The path-environment key for "`ref` holds a caught error" (see `.catch((err) => err)`). */
function errorKey(ref: string): string {
  return `${ref} instanceof Error`;
}

/** `(err) => err`, `function (e) { return e; }`: a rejection handler that turns the error into the value. */
function returnsOwnParameter(fn: FunctionNode): boolean {
  const p = fn.parameters[0];
  if (!p || !ts.isIdentifier(p.name)) return false;
  const name = p.name.text;
  const body = fn.body;
  if (!body) return false;
  if (!ts.isBlock(body)) {
    const r = skipOuterExpressions(body);
    return ts.isIdentifier(r) && r.text === name;
  }
  const last = body.statements[body.statements.length - 1];
  if (body.statements.length !== 1 || !last || !ts.isReturnStatement(last) || !last.expression) return false;
  const r = skipOuterExpressions(last.expression);
  return ts.isIdentifier(r) && r.text === name;
}

export function truth(e: ts.Expression, env: PathEnv): Tri {
  let v = skipOuterExpressions(e);
  while (ts.isAwaitExpression(v)) v = skipOuterExpressions(v.expression);
  if (env.chain && v === env.chain.node) return env.chain.value;
  const lit = literalTruth(v);
  if (lit !== undefined) return lit;
  if (ts.isPrefixUnaryExpression(v) && v.operator === K.ExclamationToken) {
    const t = truth(v.operand, env);
    return t === undefined ? undefined : !t;
  }
  if (ts.isBinaryExpression(v)) {
    const op = v.operatorToken.kind;
    if (op === K.AmpersandAmpersandToken) {
      const l = truth(v.left, env);
      if (l === false) return false;
      const r = truth(v.right, env);
      if (l === true) return r;
      return r === false ? false : undefined;
    }
    if (op === K.BarBarToken) {
      const l = truth(v.left, env);
      if (l === true) return true;
      const r = truth(v.right, env);
      if (l === false) return r;
      return r === true ? true : undefined;
    }
    if (op === K.InstanceOfKeyword && /Error$/.test(skipOuterExpressions(v.right).getText())) {
      const ref = referenceText(skipOuterExpressions(v.left));
      return ref === undefined ? undefined : env.values.get(errorKey(ref));
    }
    if (op === K.EqualsEqualsEqualsToken || op === K.EqualsEqualsToken || op === K.ExclamationEqualsEqualsToken || op === K.ExclamationEqualsToken) {
      const negate = op === K.ExclamationEqualsEqualsToken || op === K.ExclamationEqualsToken;
      const [ref, other] = isComparableLiteral(v.right) ? [v.left, v.right] : isComparableLiteral(v.left) ? [v.right, v.left] : [undefined, undefined];
      if (!ref || !other) return undefined;
      const t = truth(ref, env);
      const o = skipOuterExpressions(other);
      let r: Tri;
      if (o.kind === K.NullKeyword || (ts.isIdentifier(o) && o.text === 'undefined')) r = t === undefined ? undefined : !t;
      else if (o.kind === K.TrueKeyword) r = t;
      else if (o.kind === K.FalseKeyword) r = t === undefined ? undefined : !t;
      else r = t === false ? false : undefined; // `status === 'done'` is false while status is unset
      return r === undefined ? undefined : negate ? !r : r;
    }
    return undefined;
  }
  if (ts.isIdentifier(v) || ts.isPropertyAccessExpression(v)) {
    const ref = referenceText(v);
    if (ref && env.values.has(ref)) return env.values.get(ref);
    // a property of something that is not there is not there either
    if (ts.isPropertyAccessExpression(v)) {
      const base = truth(v.expression, env);
      if (base === false) return false;
    }
    return undefined;
  }
  if (ts.isCallExpression(v)) {
    // `res.ok()`-style checks on a missing result are false
    const c = skipOuterExpressions(v.expression);
    if (ts.isPropertyAccessExpression(c) && truth(c.expression, env) === false) return false;
  }
  return undefined;
}

export function isComparableLiteral(e: ts.Expression): boolean {
  const v = skipOuterExpressions(e);
  return isFlagLiteral(v) || ts.isStringLiteral(v) || ts.isNumericLiteral(v) || ts.isNoSubstitutionTemplateLiteral(v);
}

/** `!msg`, `msg == null`, `!items.length`, `items.length === 0`, `done`: the end of the input, not a success. */
export function isAbsenceCheck(e: ts.Expression): boolean {
  const v = skipOuterExpressions(e);
  // `!out.failed`, `!res.errors.length`, `res.Failed?.length === 0`: nothing went wrong, a success check
  if (namesFailure(v)) return false;
  if (ts.isPrefixUnaryExpression(v) && v.operator === K.ExclamationToken) return isRef(v.operand);
  if (isRef(v)) {
    const r = referenceText(v)!;
    return r === 'done' || r.endsWith('.done');
  }
  if (ts.isBinaryExpression(v)) {
    const op = v.operatorToken.kind;
    if (op === K.BarBarToken) return isAbsenceCheck(v.left) || isAbsenceCheck(v.right);
    if (op === K.EqualsEqualsEqualsToken || op === K.EqualsEqualsToken) {
      const [a, b] = [skipOuterExpressions(v.left), skipOuterExpressions(v.right)];
      const nullish = (x: ts.Expression) => x.kind === K.NullKeyword || (ts.isIdentifier(x) && x.text === 'undefined');
      if ((isRef(a) && nullish(b)) || (isRef(b) && nullish(a))) return true;
      const zeroLength = (x: ts.Expression, y: ts.Expression) => ts.isPropertyAccessExpression(x) && x.name.text === 'length' && ts.isNumericLiteral(y) && Number(y.text) === 0;
      return zeroLength(a, b) || zeroLength(b, a);
    }
  }
  return false;
}

const FAILURE_NAME = /fail|error|reject|invalid|unprocessed/i;

/** A check on a failure flag or list: `!x.failed`, `!x.errors?.length`, `x.Failed?.length === 0`. */
function namesFailure(e: ts.Expression): boolean {
  let v = skipOuterExpressions(e);
  if (ts.isPrefixUnaryExpression(v) && v.operator === K.ExclamationToken) v = skipOuterExpressions(v.operand);
  else if (ts.isBinaryExpression(v) && (v.operatorToken.kind === K.EqualsEqualsEqualsToken || v.operatorToken.kind === K.EqualsEqualsToken)) {
    const [a, b] = [skipOuterExpressions(v.left), skipOuterExpressions(v.right)];
    v = ts.isNumericLiteral(b) ? a : ts.isNumericLiteral(a) ? b : v;
  }
  if (!ts.isPropertyAccessExpression(v)) return false;
  if (v.name.text === 'length') {
    const list = skipOuterExpressions(v.expression);
    return ts.isPropertyAccessExpression(list) && FAILURE_NAME.test(list.name.text);
  }
  return FAILURE_NAME.test(v.name.text);
}

/** The statement of the loop body that holds `node`. */
export function statementOf(node: ts.Node, loop: LoopNode): ts.Statement | undefined {
  for (let n: ts.Node | undefined = node; n && n !== loop; n = n.parent) {
    const p = n.parent;
    if (p && (ts.isBlock(p) || ts.isCaseClause(p) || ts.isDefaultClause(p) || p === loop) && isStatement(n)) return n as ts.Statement;
  }
  return undefined;
}

export function isStatement(n: ts.Node): boolean {
  return ts.isExpressionStatement(n) || ts.isVariableStatement(n) || ts.isIfStatement(n) || ts.isReturnStatement(n) || ts.isThrowStatement(n) || ts.isBlock(n) || ts.isTryStatement(n) || isLoopNode(n) || ts.isSwitchStatement(n) || ts.isLabeledStatement(n);
}

/** The reference a statement stores the value of `call` into: `const r = await x.catch(…)`, `ok = await …`. */
export function assignedFrom(stmt: ts.Statement, call: ts.CallExpression): string | undefined {
  const is = (e: ts.Expression | undefined): boolean => {
    if (!e) return false;
    let v = skipOuterExpressions(e);
    while (ts.isAwaitExpression(v)) v = skipOuterExpressions(v.expression);
    return v === call;
  };
  if (ts.isVariableStatement(stmt)) {
    for (const d of stmt.declarationList.declarations) if (ts.isIdentifier(d.name) && is(d.initializer)) return d.name.text;
  }
  if (ts.isExpressionStatement(stmt)) {
    const e = skipOuterExpressions(stmt.expression);
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === K.EqualsToken && is(e.right)) return referenceText(skipOuterExpressions(e.left));
  }
  return undefined;
}

/**
 * The rejection handler of `.catch(handler)` or `.then(ok, handler)`; undefined when there is none
 * (`.catch()`, `.then(ok)`, `.then(ok, undefined)`).
 */
export function rejectionHandlerOf(call: ts.CallExpression): ts.Expression | undefined {
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const arg = callee.name.text === 'catch' ? call.arguments[0] : callee.name.text === 'then' ? call.arguments[1] : undefined;
  if (!arg) return undefined;
  const v = skipOuterExpressions(arg);
  if (v.kind === K.NullKeyword || (ts.isIdentifier(v) && v.text === 'undefined')) return undefined;
  return arg;
}

/** The `.then(cb)` callbacks earlier in the chain of a `.catch(…)` call. */
export function thenCallbacksOf(call: ts.CallExpression): ts.Node[] {
  const out: ts.Node[] = [];
  let e: ts.Expression = skipOuterExpressions(call.expression);
  for (let i = 0; i < 8 && ts.isPropertyAccessExpression(e); i++) {
    const inner = skipOuterExpressions(e.expression);
    if (!ts.isCallExpression(inner)) break;
    const c = skipOuterExpressions(inner.expression);
    if (ts.isPropertyAccessExpression(c) && c.name.text === 'then' && inner.arguments[0]) {
      const cb = skipOuterExpressions(inner.arguments[0]);
      if (isFunctionNode(cb)) out.unshift(cb);
    }
    e = c;
  }
  return out;
}

/** Truthiness of what a callback returns: `() => true`, `() => null`, `e => { log(e) }` (undefined, falsy). */
export function returnTruth(fn: ts.Node, facts: FileFacts): Tri {
  if (!isFunctionNode(fn) || !fn.body) return undefined;
  if (!ts.isBlock(fn.body)) {
    const body = skipOuterExpressions(fn.body);
    const lit = literalTruth(body);
    if (lit !== undefined) return lit;
    if (ts.isCallExpression(body) && facts.isLoggingCall(body)) return false;
    return undefined;
  }
  let result: Tri = false;
  let found = false;
  walk(fn.body, (n) => {
    if (isFunctionNode(n)) return false;
    if (ts.isReturnStatement(n)) {
      found = true;
      result = n.expression ? literalTruth(n.expression) : false;
      return 'stop';
    }
    return true;
  });
  return found ? result : false;
}

/** A `.catch` handler that always passes the failure on: `e => { throw e }`, `e => Promise.reject(e)`. */
export function handlerAlwaysRejects(handler: ts.Expression): boolean {
  if (!isFunctionNode(handler) || !handler.body) return false;
  if (!ts.isBlock(handler.body)) {
    const b = skipOuterExpressions(handler.body);
    return ts.isCallExpression(b) && isRejectCall(b);
  }
  return handler.body.statements.some((s) => ts.isThrowStatement(s) || (ts.isReturnStatement(s) && !!s.expression && ts.isCallExpression(skipOuterExpressions(s.expression)) && isRejectCall(skipOuterExpressions(s.expression) as ts.CallExpression)));
}

// ---- self-retry helpers -------------------------------------------------------------------------

/** `setTimeout(fn, ms, …args)`, `setImmediate(fn, …args)`, `process.nextTick(fn, …args)`, `queueMicrotask(fn)`. */
export function timerArgs(call: ts.CallExpression): { fn: ts.Expression; args: readonly ts.Expression[] } | undefined {
  const c = skipOuterExpressions(call.expression);
  const name = ts.isIdentifier(c) ? c.text : ts.isPropertyAccessExpression(c) ? c.name.text : undefined;
  if (!name || !call.arguments.length) return undefined;
  if (ts.isPropertyAccessExpression(c)) {
    const base = skipOuterExpressions(c.expression);
    const okBase = ts.isIdentifier(base) && (base.text === 'globalThis' || base.text === 'window' || base.text === 'global' || (base.text === 'process' && name === 'nextTick') || base.text === 'timers');
    if (!okBase) return undefined;
  }
  if (name === 'nextTick' || name === 'setImmediate') return { fn: call.arguments[0], args: call.arguments.slice(1) };
  if (TIMER_FUNCTIONS.has(name)) return { fn: call.arguments[0], args: call.arguments.slice(2) };
  return undefined;
}

/** `this.connect.bind(this)` → `this.connect`; identifiers and member references as they are; anything else: none. */
export function unbind(e: ts.Expression): ts.Expression | undefined {
  if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)) return e;
  if (ts.isCallExpression(e)) {
    const c = skipOuterExpressions(e.expression);
    if (ts.isPropertyAccessExpression(c) && c.name.text === 'bind') {
      const inner = skipOuterExpressions(c.expression);
      if (ts.isIdentifier(inner) || ts.isPropertyAccessExpression(inner)) return inner;
    }
  }
  return undefined;
}

/** A class or object member that is a function: `connect() {…}`, `connect = async () => {…}`, `connect: function () {…}`. */
export function memberFunction(n: ts.Node): { name: string; fn: FunctionNode } | undefined {
  if (ts.isMethodDeclaration(n) && (ts.isIdentifier(n.name) || ts.isPrivateIdentifier(n.name) || ts.isStringLiteral(n.name))) return { name: n.name.text, fn: n };
  if ((ts.isPropertyDeclaration(n) || ts.isPropertyAssignment(n)) && (ts.isIdentifier(n.name) || ts.isPrivateIdentifier(n.name) || ts.isStringLiteral(n.name)) && n.initializer) {
    const init = skipOuterExpressions(n.initializer);
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return { name: n.name.text, fn: init };
  }
  return undefined;
}

/** Names by which the functions around `node` can call themselves (`connect`, `this.connect`'s `connect`). */
export function enclosingNames(node: ts.Node): string[] {
  const out: string[] = [];
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (!isFunctionNode(n)) continue;
    if ((ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n)) && n.name) out.push(n.name.text);
    const member = memberFunction(n) ?? (n.parent ? memberFunction(n.parent) : undefined);
    if (member) out.push(member.name);
    if (n.parent && ts.isVariableDeclaration(n.parent) && ts.isIdentifier(n.parent.name)) out.push(n.parent.name.text);
  }
  return out;
}

export function functionName(fn: FunctionNode): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.name) return fn.name.text;
  if (ts.isMethodDeclaration(fn) && (ts.isIdentifier(fn.name) || ts.isPrivateIdentifier(fn.name))) return `this.${fn.name.text}`;
  const p = fn.parent;
  if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (p && (ts.isPropertyDeclaration(p) || ts.isPropertyAssignment(p)) && (ts.isIdentifier(p.name) || ts.isPrivateIdentifier(p.name))) return `this.${p.name.text}`;
  return undefined;
}

/** True when `fn` assigns to `name` (the function's own name is pointed at something else). */
export function reassigns(fn: ts.Node, name: string): boolean {
  return walk(fn, (n) => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === K.EqualsToken && ts.isIdentifier(skipOuterExpressions(n.left)) && (skipOuterExpressions(n.left) as ts.Identifier).text === name) return 'stop';
    return true;
  });
}

const DRAIN_METHODS = /^(pop|shift|dequeue|take|receive|receiveMessage|reserve|claim|consume|getNextJob|nextJob|nextMessage|fetchNext)$/;

/** `while (r = stack.pop())`, `const job = queue.shift()`: the function works through a collection. */
export function drainsWork(body: ts.Node): boolean {
  return walk(body, (n) => {
    if (isFunctionNode(n)) return false;
    if (ts.isCallExpression(n)) {
      const c = skipOuterExpressions(n.expression);
      if (ts.isPropertyAccessExpression(c) && DRAIN_METHODS.test(c.name.text) && n.arguments.length === 0) return 'stop';
    }
    return true;
  });
}

export function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  const out: string[] = [];
  for (const el of name.elements) if (ts.isBindingElement(el)) out.push(...bindingNames(el.name));
  return out;
}

// ---- retry library helpers ----------------------------------------------------------------------

/** The call that receives this object literal as an argument, if any. */
export function callTaking(obj: ts.ObjectLiteralExpression): ts.CallExpression | undefined {
  let n: ts.Node = obj;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isSatisfiesExpression(n.parent))) n = n.parent;
  const p = n.parent;
  return p && ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression) ? p : undefined;
}

/**
 * An option callback that gives up after a number of attempts: `onFailedAttempt: (e) => { if
 * (e.attemptNumber > 5) throw e }`, exponential-backoff's `retry: (e, n) => n < 10` (a callback's
 * parameters after the first are the attempt number in these libraries).
 */
export function hasCountingCallback(obj: ts.ObjectLiteralExpression): boolean {
  return obj.properties.some((p) => {
    const fn = ts.isMethodDeclaration(p) ? p : ts.isPropertyAssignment(p) ? skipOuterExpressions(p.initializer) : undefined;
    if (!fn || !isFunctionNode(fn) || !fn.body) return false;
    const counts = new Set(fn.parameters.slice(1).flatMap((q) => bindingNames(q.name)));
    const namesAttempt = (e: ts.Expression): boolean => {
      const v = skipOuterExpressions(e);
      if (ts.isIdentifier(v)) return counts.has(v.text) || ATTEMPT_NAME.test(v.text);
      if (ts.isPropertyAccessExpression(v)) return ATTEMPT_NAME.test(v.name.text);
      return false;
    };
    const test = (n: ts.Node): boolean => {
      if (!ts.isBinaryExpression(n)) return false;
      const op = n.operatorToken.kind;
      const relational = op === K.LessThanToken || op === K.LessThanEqualsToken || op === K.GreaterThanToken || op === K.GreaterThanEqualsToken || op === K.EqualsEqualsEqualsToken || op === K.EqualsEqualsToken;
      return relational && (namesAttempt(n.left) || namesAttempt(n.right));
    };
    return test(fn.body) || walk(fn.body, (n) => (test(n) ? 'stop' : true));
  });
}

// ---- reporting helpers --------------------------------------------------------------------------

export function describeHeader(loop: LoopNode, sf: ts.SourceFile): string {
  if (ts.isDoStatement(loop)) return `do … while (${normaliseText(loop.expression.getText(sf))})`;
  const start = loop.getStart(sf);
  const close = sf.text.lastIndexOf(')', loop.statement.getStart(sf));
  const text = normaliseText(sf.text.slice(start, close + 1));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function normaliseText(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 80 ? `${t.slice(0, 77)}…` : t;
}
