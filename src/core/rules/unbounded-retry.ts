// unbounded-retry: a retry with no maximum attempt count. Three shapes:
//   1. a `while (true)` / `for (;;)` / `do … while (true)` / `while (!ok)` loop whose `try/catch` (or
//      `.catch`) sends the failure path round again while the success path leaves the loop, and
//      nothing in the loop compares an attempt counter, a deadline or an abort signal to a limit;
//   2. a function that calls itself again from its `catch` block or `.catch` handler (directly or via
//      `setTimeout`) without an attempt parameter that is both counted and compared;
//   3. a retry library configured to never give up (`retries: Infinity`, `forever: true`, …).
// Everything is decided from syntax and imports; see docs/rules/unbounded-retry.md for the decisions.
import { ts } from 'ts-morph';
import { loopHead, skipOuterExpressions, walk, type LoopNode } from '../engine/ast';
import type { FileFacts } from '../engine/fileFacts';
import { defineRule, type RuleContext, type RuleListeners } from '../engine/rule';
import { constInitializer } from './shared/dataAccess';
import { RetryShapes, callTaking, describeHeader, functionName, hasCountingCallback, isCandidateLoop, normaliseText } from './shared/retryShapes';

const K = ts.SyntaxKind;

/** Option names that hold a retry count in the retry libraries we know. */
const COUNT_KEYS = new Set(['retries', 'maxRetries', 'maxAttempts', 'numOfAttempts', 'attempts', 'times', 'retry']);
/** Option names that cap the total time spent retrying (a time budget is a bound). */
const TIME_BUDGET_KEYS = new Set(['maxRetryTime', 'maxRetryDuration', 'maxElapsedTime', 'maxTotalTime', 'deadline', 'timeLimit']);

export const unboundedRetry = defineRule({
  id: 'unbounded-retry',
  category: 'reliability',
  defaultSeverity: 'HIGH',
  title: 'Retry without a maximum attempt count',
  requiresTypeInfo: false,
  options: {
    /** A configured retry count at or above this is treated as unbounded (`retries: 1e6`). */
    largeRetryCount: 10000,
    /** Whether checking an abort signal (`signal.aborted`, `signal.throwIfAborted()`) counts as a bound. */
    abortSignalIsBound: true,
  },
  docs: {
    summary:
      'Flags retries that never give up: `while (true)` / `for (;;)` / `while (!ok)` loops whose `catch` goes round again with no attempt limit, functions that call themselves again from their `catch` without a counted and compared attempt number, and retry libraries configured with `retries: Infinity` or `forever: true`.',
    why:
      'A retry without a limit turns a permanent failure into an infinite loop. The worker keeps hammering a dependency that is down, burns CPU, API quota and money (this is a cost-control risk as much as a reliability one), multiplies a short blip into a retry storm across every instance, and because the job never fails, no alert fires and nobody is told.',
    fix:
      'Cap the attempts: count them and compare the count to a limit (`for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++)`, `if (++attempt >= MAX_ATTEMPTS) throw err`, or a finite `retries`). Wait between attempts with exponential backoff and jitter. After the last attempt, fail loudly: rethrow, log and alert, or move the work to a dead-letter queue.',
    invalid: [
      {
        code: [
          'export async function charge(order: { id: string }) {',
          '  while (true) {',
          '    try {',
          '      return await fetch(`https://payments.example.com/charge/${order.id}`, { method: "POST", signal: AbortSignal.timeout(5000) });',
          '    } catch (err) {',
          '      console.warn("charge failed, retrying", err);',
          '      await new Promise((r) => setTimeout(r, 1000));',
          '    }',
          '  }',
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          'import mongoose from "mongoose";',
          '',
          'export function connectWithRetry(uri: string): void {',
          '  mongoose.connect(uri).catch((err) => {',
          '    console.error("mongo connection failed", err);',
          '    setTimeout(() => connectWithRetry(uri), 5000);',
          '  });',
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          'import pRetry from "p-retry";',
          '',
          'export function syncInventory(run: () => Promise<void>) {',
          '  return pRetry(run, { retries: Infinity, minTimeout: 1000 });',
          '}',
          '',
        ].join('\n'),
      },
    ],
    valid: [
      {
        code: [
          'const MAX_ATTEMPTS = 5;',
          '',
          'export async function charge(order: { id: string }) {',
          '  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {',
          '    try {',
          '      return await fetch(`https://payments.example.com/charge/${order.id}`, { method: "POST", signal: AbortSignal.timeout(5000) });',
          '    } catch (err) {',
          '      if (attempt === MAX_ATTEMPTS) throw err;',
          '      await new Promise((r) => setTimeout(r, 2 ** attempt * 100 + Math.random() * 100));',
          '    }',
          '  }',
          '  throw new Error("unreachable");',
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          'export async function runWorker(queue: { next(): Promise<{ id: string }> }, handle: (job: { id: string }) => Promise<void>) {',
          '  while (true) {',
          '    const job = await queue.next();',
          '    try {',
          '      await handle(job);',
          '    } catch (err) {',
          '      console.error("job failed", job.id, err);',
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
          'export function syncInventory(run: () => Promise<void>) {',
          '  return pRetry(run, { retries: 5, minTimeout: 1000, randomize: true });',
          '}',
          '',
        ].join('\n'),
      },
    ],
  },
  create(context) {
    // listen only for what the file can contain: no `catch` and no `.then(` means no failure path
    const text = context.sourceFile.text;
    const hasCatch = text.includes('catch');
    const hasHandlers = hasCatch || text.includes('.then(');
    const checker = new RetryChecker(context);
    const listeners: RuleListeners & { onEnd?: () => void } = {};
    if (hasHandlers) {
      listeners.WhileStatement = (node) => checker.loop(node as ts.WhileStatement);
      listeners.DoStatement = (node) => checker.loop(node as ts.DoStatement);
      listeners.ForStatement = (node) => checker.loop(node as ts.ForStatement);
    }
    if (hasCatch) listeners.CatchClause = (node) => checker.catchClause(node as ts.CatchClause);
    listeners.CallExpression = (node) => checker.call(node as ts.CallExpression, hasHandlers);
    listeners.PropertyAssignment = (node) => checker.optionProperty(node as ts.PropertyAssignment);
    listeners.ShorthandPropertyAssignment = (node) => checker.optionProperty(node as ts.ShorthandPropertyAssignment);
    listeners.onEnd = () => checker.end();
    return listeners;
  },
});

type Options = { largeRetryCount: number; abortSignalIsBound: boolean };
class RetryChecker {
  private readonly sf: ts.SourceFile;
  private readonly facts: FileFacts;
  private readonly options: Options;
  /** The retry-shape analysis shared with retry-without-backoff. */
  private readonly shapes: RetryShapes;
  /** Option objects with an unbounded count that live in a variable (`const opts = { retries: Infinity }`). */
  private readonly pendingOptionVars: { decl: ts.VariableDeclaration; obj: ts.ObjectLiteralExpression; prop: ts.ObjectLiteralElementLike }[] = [];

  constructor(private readonly ctx: RuleContext<Options>) {
    this.sf = ctx.sourceFile;
    this.facts = ctx.facts;
    this.options = {
      largeRetryCount: typeof ctx.options.largeRetryCount === 'number' ? ctx.options.largeRetryCount : 10000,
      abortSignalIsBound: ctx.options.abortSignalIsBound !== false,
    };
    this.shapes = new RetryShapes(this.sf, this.facts, this.options.abortSignalIsBound);
  }
  // ---- 1. loops ---------------------------------------------------------------------------------

  loop(loop: LoopNode): void {
    if (!isCandidateLoop(loop)) return;
    const retry = this.shapes.analyzeLoop(loop, 'unbounded', isCandidateLoop);
    if (retry) this.reportLoop(loop, retry.goesRound, retry.relatedMessage);
  }

  private reportLoop(loop: LoopNode, goesRound: ts.Node, relatedMessage: string): void {
    const head = loopHead(loop, this.sf);
    const text = describeHeader(loop, this.sf);
    const message =
      `\`${text}\` retries after every failure with no maximum attempt count: the failure path goes round the loop again and nothing in the loop compares an attempt counter or a deadline to a limit. ` +
      'When the failure is permanent this never ends: the worker hammers the failing dependency forever, burns CPU, quota and money (a cost-control risk as well as a reliability one), turns a short blip into a retry storm, and since the job never fails nobody is told. ' +
      'Cap the attempts (`for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++)` or `if (++attempt >= MAX_ATTEMPTS) throw err`), back off with jitter between tries, and after the last attempt fail loudly or dead-letter the work.';
    this.ctx.report(head.node, message, { end: head.end, related: [{ node: goesRound, message: relatedMessage }] });
  }
  // ---- 2. self-calls from a catch -----------------------------------------------------------------

  catchClause(clause: ts.CatchClause): void {
    this.checkSelfRetry(clause.block, clause, 'its `catch` block');
  }

  call(call: ts.CallExpression, handlers: boolean): void {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee)) return;
    const m = callee.name.text;
    if (handlers && m === 'catch' && call.arguments.length >= 1) this.checkSelfRetry(call.arguments[0], call, 'its `.catch` handler');
    else if (handlers && m === 'then' && call.arguments.length >= 2) this.checkSelfRetry(call.arguments[1], call, 'its rejection handler');
    else if (m === 'attempts' && call.arguments.length === 1) this.cockatielAttempts(call, callee);
  }
  private checkSelfRetry(region: ts.Node, anchor: ts.Node, where: string): void {
    const retry = this.shapes.selfRetry(region, anchor);
    if (!retry || this.shapes.recursionIsBounded(retry.fn, retry.sites)) return;
    const name = functionName(retry.fn) ?? 'this function';
    const message =
      `\`${name}()\` calls itself again from ${where} with no attempt number that is counted and compared to a limit, so it retries forever. ` +
      'When the failure is permanent the retries never stop: the process hammers the failing dependency, burns CPU, quota and money (a cost-control risk as well as a reliability one), turns a short blip into a retry storm, and since the call never fails for good nobody is told. ' +
      'Pass an attempt number, increment it on every retry and throw once it reaches a limit (`if (attempt >= MAX_ATTEMPTS) throw err`), back off with jitter, and after the last attempt fail loudly or dead-letter the work.';
    this.ctx.report(retry.site, message, { related: [{ node: anchor, message: 'the failure handler that starts the next attempt' }] });
  }

  // ---- 3. retry libraries -------------------------------------------------------------------------

  optionProperty(prop: ts.PropertyAssignment | ts.ShorthandPropertyAssignment): void {
    const name = ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name) ? prop.name.text : undefined;
    if (!name || (name !== 'forever' && !COUNT_KEYS.has(name))) return;
    const value = ts.isPropertyAssignment(prop) ? prop.initializer : prop.name;
    if (name === 'forever' ? !this.isTrue(value) : !this.isUnboundedCount(value, 0)) return;
    const obj = prop.parent;
    if (!ts.isObjectLiteralExpression(obj)) return;
    const call = callTaking(obj);
    if (call) {
      this.checkRetryCall(call, obj, prop);
      return;
    }
    let holder: ts.Node = obj;
    while (holder.parent && (ts.isParenthesizedExpression(holder.parent) || ts.isAsExpression(holder.parent) || ts.isSatisfiesExpression(holder.parent))) holder = holder.parent;
    const decl = holder.parent;
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer === holder && ts.isIdentifier(decl.name)) {
      this.pendingOptionVars.push({ decl, obj, prop });
    }
  }

  end(): void {
    if (!this.pendingOptionVars.length) return;
    const names = new Set(this.pendingOptionVars.map((p) => (p.decl.name as ts.Identifier).text));
    walk(this.sf, (n) => {
      if (!ts.isCallExpression(n)) return true;
      for (const a of n.arguments) {
        const arg = skipOuterExpressions(a);
        if (!ts.isIdentifier(arg) || !names.has(arg.text)) continue;
        const decl = this.facts.resolver.declarationOf(arg);
        const pending = this.pendingOptionVars.find((p) => p.decl === decl);
        if (pending) this.checkRetryCall(n, pending.obj, pending.prop);
      }
      return true;
    });
  }

  private checkRetryCall(call: ts.CallExpression, obj: ts.ObjectLiteralExpression, prop: ts.ObjectLiteralElementLike): void {
    const kind = this.facts.callKind(call);
    if (kind?.kind !== 'retry') return;
    if (this.hasTimeBudget(obj) || hasCountingCallback(obj)) return;
    const library = kind.library.startsWith('custom:') ? 'retry helper' : kind.library;
    this.reportOption(prop, library, call);
  }

  /** cockatiel's builder API: `Policy.handleAll().retry().attempts(Infinity)`. */
  private cockatielAttempts(call: ts.CallExpression, callee: ts.PropertyAccessExpression): void {
    const arg = call.arguments[0];
    if (!this.isUnboundedCount(arg, 0)) return;
    const origin = this.facts.originOf(callee.expression);
    if (origin?.module !== 'cockatiel') return;
    this.reportOption(arg, 'cockatiel', call);
  }

  private reportOption(node: ts.Node, library: string, call: ts.CallExpression): void {
    const text = normaliseText(node.getText(this.sf));
    const message =
      `\`${text}\` makes this ${library} call retry without limit, so it never gives up. ` +
      'When the failure is permanent the retries never stop: the process keeps hitting the failing dependency, burns CPU, quota and money (a cost-control risk as well as a reliability one), turns a short blip into a retry storm, and since the call never fails nobody is told. ' +
      'Set a finite retry count (or a total time budget such as `maxRetryTime`), keep exponential backoff with jitter, and let the final failure surface: rethrow it, alert on it, or dead-letter the work.';
    const related = node.pos >= call.pos && node.end <= call.end ? [] : [{ node: call, message: 'the retry call that uses these options' }];
    this.ctx.report(node, message, { related });
  }

  private hasTimeBudget(obj: ts.ObjectLiteralExpression): boolean {
    return obj.properties.some((p) => {
      if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return false;
      if (!TIME_BUDGET_KEYS.has(p.name.text)) return false;
      // a budget is a number of milliseconds: only an infinite one is no budget at all
      const v = skipOuterExpressions(p.initializer);
      if (ts.isIdentifier(v) && v.text === 'undefined') return false;
      return !this.isUnboundedCount(p.initializer, 0, true);
    });
  }

  private isTrue(e: ts.Expression): boolean {
    const v = skipOuterExpressions(e);
    if (v.kind === K.TrueKeyword) return true;
    if (ts.isPrefixUnaryExpression(v) && v.operator === K.ExclamationToken && ts.isNumericLiteral(v.operand) && Number(v.operand.text) === 0) return true;
    if (ts.isIdentifier(v)) {
      const init = constInitializer(this.facts, v);
      return !!init && skipOuterExpressions(init).kind === K.TrueKeyword;
    }
    return false;
  }

  /** `Infinity`, `Number.MAX_SAFE_INTEGER`, `'INFINITELY'`, a huge literal, or a const holding one. */
  private isUnboundedCount(e: ts.Expression, depth: number, infiniteOnly = false): boolean {
    const v = skipOuterExpressions(e);
    if (ts.isIdentifier(v)) {
      if (v.text === 'Infinity' && !this.facts.isLocal('Infinity', v)) return true;
      const init = depth < 3 ? constInitializer(this.facts, v) : undefined;
      return !!init && this.isUnboundedCount(init, depth + 1, infiniteOnly);
    }
    if (ts.isPropertyAccessExpression(v) && ts.isIdentifier(v.expression) && v.expression.text === 'Number') {
      return ['POSITIVE_INFINITY', 'MAX_SAFE_INTEGER', 'MAX_VALUE'].includes(v.name.text);
    }
    if (ts.isNumericLiteral(v)) return !infiniteOnly && Number(v.text) >= this.options.largeRetryCount;
    if (ts.isStringLiteral(v)) return v.text === 'INFINITELY';
    if (ts.isBinaryExpression(v) && (v.operatorToken.kind === K.MinusToken || v.operatorToken.kind === K.PlusToken || v.operatorToken.kind === K.AsteriskToken)) {
      return this.isUnboundedCount(v.left, depth + 1, infiniteOnly) && (v.operatorToken.kind !== K.MinusToken || ts.isNumericLiteral(skipOuterExpressions(v.right)));
    }
    return false;
  }

}
