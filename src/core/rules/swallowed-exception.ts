// swallowed-exception: a `catch` clause, a `.catch(handler)` or the rejection handler of
// `.then(ok, onRejected)` that discards the error. A handler is fine as soon as it does one of:
//   - throws (any `throw`, or returns `Promise.reject(…)`);
//   - references the caught error in any way (logs it, passes it on, wraps it, reads `e.code`);
//   - calls a logging / error-reporting / metrics function (`console.*`, `logger.*`, `log.*`,
//     `Sentry.captureException`, `metrics.increment` …) — showing the user a toast does not count;
//   - calls `reject`, `next`, a callback (`cb`, `done`, `onError`, any parameter of an enclosing
//     function), or emits an `'error'` event.
// Everything else is flagged: empty and comment-only blocks, fallbacks, flags, bare error responses,
// `.catch(() => {})`, `.catch(() => null)`, `.catch(noop)`. Decisions: docs/rules/swallowed-exception.md.
import { ts } from 'ts-morph';
import { catchClauseHead, handlerHead, isFunctionNode, skipOuterExpressions, thisMemberFunction, type FunctionNode } from '../engine/ast';
import type { FileFacts } from '../engine/fileFacts';
import { defineRule, type RuleContext } from '../engine/rule';

const K = ts.SyntaxKind;

/** Bare functions that pass an error on (promise executors, Express, node-style callbacks, test frameworks). */
const CALLBACK_FUNCTION = /^(reject|next|done|cb|callback|errback|fail)$|[a-z](Callback|Cb)$|^on([A-Z]\w*)?(Error|Err|Fail|Failed|Failure|Reject|Rejected|Rejection|Exception)$/;
/** Methods that pass an error on or fail a test: `deferred.reject()`, `this.callback()`, `assert.fail()`, `props.onError()`. */
const CALLBACK_METHOD = /^(reject|callback|cb|fail|setFailed)$|^on([A-Z]\w*)?(Error|Err|Fail|Failed|Failure|Reject|Rejected|Rejection|Exception)$/;
/** Bare functions that log or report: `log(…)`, `debug(…)` (the debug package), `reportError(…)`, `logPaymentFailure(…)`. */
const LOG_FUNCTION =
  /^(log|debug|warn|warning|info|error|trace|fatal|verbose|print|report)$|^(log|warn)[A-Z_0-9]|^(report|capture|notify|notice|track|record|handle|print|alert|emit|raise|surface)[A-Za-z0-9_]*(Error|Exception|Failure|Fault|Warning|Problem|Incident)s?$/;
/** Methods that report an error on any receiver: `this.log.error`, `span.recordException`, `newrelic.noticeError`. */
const REPORT_METHOD =
  /^(error|warn|warning|fatal|critical|exception|emitWarning)$|^(report|capture|notify|notice|track|record|log|handle|print|alert|raise|surface)[A-Za-z0-9_]*(Error|Exception|Failure|Fault|Warning|Problem|Incident|Message|Event)s?$/;
/**
 * Receivers that only show the user a message (toasts, snackbars, antd's `message`, SweetAlert):
 * `toast.error('Could not save')` tells the user and records nothing, like `setError('…')` or an
 * error response. It still counts when it is given the error itself (`toast.error(err.message)`).
 */
const UI_NOTICE_RECEIVER =
  /^(toast|toastr|toaster|sonner|notification|notifications|notifier|message|messageApi|snackbar|snack|swal|modal|dialog|flash|noty|elmessage|elnotification|alert|alerts)$/i;
/** A receiver anywhere in the callee chain that is a logger, error reporter, tracer or metrics client: every method counts. */
const LOGGER_RECEIVER =
  /^(console|logger|log|_log|_logger|logging|winston|pino|bunyan|signale|consola|sentry|bugsnag|rollbar|honeybadger|newrelic|appinsights|airbrake|raygun|errorreporter|errortracker|crashlytics|datadog|statsd|dogstatsd|metrics|telemetry|monitoring|stderr)$/i;
const LOGGER_RECEIVER_SUFFIX = /[a-z0-9_](Log|Logger|Logging|Reporter|Metrics|Telemetry|Counter)$/;
/** Effect's failure constructors: `Effect.fail(new Timeout())`, `Effect.die('…')` fail the effect again, as a `throw` would. */
const EFFECT_FAILURE = /^(fail|failSync|failCause|failCauseSync|die|dieSync|dieMessage)$/;
const EFFECT_MODULE = /^(effect|effect\/.+|@effect\/.+)$/;
/** Names that by convention hold a function that does nothing. */
const NOOP_NAME = /^(noop|noOp|NOOP|nop|_noop|noopFn|NOOP_FN)$/;
const NOOP_MODULES = new Set(['lodash', 'lodash-es', 'lodash/fp', 'underscore']);
const NOOP_MODULE_FILES = new Set(['lodash/noop', 'lodash.noop', 'lodash-es/noop', 'lodash/fp/noop']);
/** Roots of an HTTP response in Express, Fastify, Koa, hapi and Next.js handlers. */
const RESPONSE_ROOT = /^(res|response|reply|rep|ctx|h)$/;
const RESPONSE_METHOD = /^(status|sendStatus|json|send|end|code|render|redirect|writeHead|type|header|set)$/;
const TEST_FILE = /(^|\/)(__tests__|__mocks__|test|tests|spec|specs)\/|\.(test|spec)\.[cm]?[jt]sx?$/;
/** How deep local helper functions called from a handler are followed (`catch { fail() }` → `function fail() { throw … }`). */
const MAX_HELPER_DEPTH = 2;

const WHY = 'In production the failure disappears: the caller sees success or a fallback value, and nobody can tell that it failed, how often, or why.';
const RETRY_WHY = 'In production the on-call engineer sees "gave up after 3 attempts" (or "no candidate worked") and nothing else: not whether it was a timeout, a refused connection or a 500, so the cause has to be guessed.';
const RETRY_FIX = 'Keep the last error (`lastError = err`) and throw it when the attempts run out, or pass it as the cause (`new Error(\'…\', { cause: lastError })`); log each failed attempt if the attempts matter.';
const FIX_CLAUSE =
  'Log the error with context and rethrow it, or handle it explicitly: pass it on (`next(err)`, the callback, `reject(err)`), or check for the one error you expect and rethrow the rest.';
const FIX_HANDLER =
  "Log the error with context and rethrow it (`.catch((err) => { logger.error({ err }, '…'); throw err; })`), or handle it explicitly: pass it on (`next`, `reject`, the callback), or check for the one error you expect and rethrow the rest.";

export const swallowedException = defineRule({
  id: 'swallowed-exception',
  category: 'reliability',
  defaultSeverity: 'HIGH',
  title: 'Exception caught and discarded',
  requiresTypeInfo: false,
  options: {
    /** Skip test files (`*.test.ts`, `*.spec.js`, files under `__tests__/` or `test/`). Off by default: tests deserve the same care. */
    ignoreTestFiles: false,
  },
  docs: {
    summary:
      'Flags `catch` blocks, `.catch(handler)` handlers and `.then(ok, onRejected)` rejection handlers that discard the error: they neither rethrow, nor use the error, nor log or report anything, nor pass the failure to `reject`, `next` or a callback.',
    why:
      'A swallowed error turns a failure into silence. The request, job or message looks successful (or quietly gets a fallback value), so no alert fires, no log line exists, and when customers report wrong data or missing orders the on-call engineer has nothing to search for. Problems that could have been fixed in minutes stay hidden for weeks.',
    fix:
      'Log the error with context (`logger.error({ err, orderId }, "could not reserve stock")`) and rethrow it, or handle it explicitly: pass it to `next(err)`, `reject(err)` or the callback, wrap it (`throw new AppError("…", { cause: err })`), or test for the one error you expect (`if (err instanceof NotFoundError) return null;`) and rethrow everything else.',
    invalid: [
      {
        code: [
          'import { readFile } from "node:fs/promises";',
          '',
          'export async function loadSettings(path: string) {',
          '  try {',
          '    return JSON.parse(await readFile(path, "utf8"));',
          '  } catch {',
          '    return null;',
          '  }',
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          'import { Router } from "express";',
          'import { cancelOrder } from "./orders";',
          '',
          'export const router = Router();',
          '',
          'router.post("/orders/:id/cancel", async (req, res) => {',
          '  try {',
          '    await cancelOrder(req.params.id);',
          '    res.status(204).end();',
          '  } catch (err) {',
          '    res.status(500).json({ error: "Something went wrong" });',
          '  }',
          '});',
          '',
        ].join('\n'),
      },
      {
        code: [
          'import { noop } from "lodash";',
          'import { publishEvent } from "./events";',
          '',
          'export function orderShipped(orderId: string): void {',
          '  publishEvent("order.shipped", { orderId }).catch(noop);',
          '  publishEvent("audit", { orderId }).catch(() => {});',
          '}',
          '',
        ].join('\n'),
        count: 2,
      },
    ],
    valid: [
      {
        code: [
          'import { readFile } from "node:fs/promises";',
          'import { logger } from "./logger";',
          '',
          'export async function loadSettings(path: string) {',
          '  try {',
          '    return JSON.parse(await readFile(path, "utf8"));',
          '  } catch (err) {',
          '    logger.error({ err, path }, "settings file unreadable");',
          '    throw err;',
          '  }',
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          'import { Router } from "express";',
          'import { cancelOrder, OrderNotFoundError } from "./orders";',
          '',
          'export const router = Router();',
          '',
          'router.post("/orders/:id/cancel", async (req, res, next) => {',
          '  try {',
          '    await cancelOrder(req.params.id);',
          '    res.status(204).end();',
          '  } catch (err) {',
          '    if (err instanceof OrderNotFoundError) return res.status(404).json({ error: "Order not found" });',
          '    next(err);',
          '  }',
          '});',
          '',
        ].join('\n'),
      },
      {
        code: [
          'import { publishEvent } from "./events";',
          '',
          'export function orderShipped(orderId: string): void {',
          '  publishEvent("order.shipped", { orderId }).catch((err) => console.warn("order.shipped not published", orderId, err));',
          '}',
          '',
        ].join('\n'),
      },
    ],
  },
  create(context) {
    if (context.options.ignoreTestFiles && TEST_FILE.test(context.file)) return {};
    const checker = new SwallowChecker(context);
    return {
      CatchClause: (node) => checker.catchClause(node as ts.CatchClause),
      CallExpression: (node) => checker.call(node as ts.CallExpression),
    };
  },
});

class SwallowChecker {
  private readonly sf: ts.SourceFile;
  private readonly facts: FileFacts;

  constructor(private readonly ctx: RuleContext<{ ignoreTestFiles: boolean }>) {
    this.sf = ctx.sourceFile;
    this.facts = ctx.facts;
  }

  // ---- the three shapes ---------------------------------------------------------------------------

  catchClause(clause: ts.CatchClause): void {
    const names = new Set<string>();
    if (clause.variableDeclaration) bindingNames(clause.variableDeclaration.name, names);
    if (this.handles(clause.block, names, clause, 0)) return;
    const message = isRetryAttempt(clause)
      ? `This \`catch\` drops the error of every failed attempt: the loop goes on to the next attempt, and when the loop ends the error thrown after it says nothing about why the attempts failed. ${RETRY_WHY} ${RETRY_FIX}`
      : `This \`catch\` block ${this.describeBlock(clause.block)}, so the error is discarded: nothing logs it, rethrows it or passes it on. ${WHY} ${FIX_CLAUSE}`;
    this.ctx.report(clause, message, {
      end: catchClauseHead(clause, this.sf).end,
      fingerprintNode: clause,
    });
  }

  call(call: ts.CallExpression): void {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee)) return;
    const method = callee.name.text;
    let handler: ts.Expression;
    let construct: string;
    if (method === 'catch' && call.arguments.length === 1) {
      handler = call.arguments[0];
      construct = 'This `.catch()` handler';
    } else if (method === 'then' && call.arguments.length === 2) {
      handler = call.arguments[1];
      construct = 'This rejection handler of `.then(onFulfilled, onRejected)`';
    } else {
      return;
    }
    const verdict = this.handlerVerdict(handler, 0);
    if (!verdict) return;
    const message =
      verdict.reference !== undefined
        ? `\`${method === 'catch' ? `.catch(${verdict.reference})` : `.then(…, ${verdict.reference})`}\` hands the rejection to ${verdict.detail}, so the error is discarded: nothing logs it, rethrows it or passes it on. ${WHY} ${FIX_HANDLER}`
        : `${construct} ${verdict.detail}, so the error is discarded: nothing logs it, rethrows it or passes it on. ${WHY} ${FIX_HANDLER}`;
    const target = skipOuterExpressions(handler);
    this.ctx.report(target, message, { end: handlerHead(target, this.sf).end, fingerprintNode: target });
  }

  /**
   * Whether a rejection handler discards the error; undefined when it does not (or when it cannot be
   * seen). `reference` is set when the handler is a name (`noop`) rather than a function literal.
   */
  private handlerVerdict(expr0: ts.Expression, depth: number): { detail: string; reference?: string } | undefined {
    const expr = skipOuterExpressions(expr0);
    if (ts.isArrowFunction(expr) || ts.isFunctionExpression(expr)) {
      const names = new Set<string>();
      for (const p of expr.parameters) bindingNames(p.name, names);
      // `function () { … arguments[0] … }` reads the error too
      if (ts.isFunctionExpression(expr)) names.add('arguments');
      if (this.handles(expr.body, names, expr, 0)) return undefined;
      return { detail: ts.isBlock(expr.body) ? this.describeBlock(expr.body) : this.describeExpression(expr.body) };
    }
    if (ts.isIdentifier(expr)) {
      const name = expr.text;
      const decl = this.facts.resolver.declarationOf(expr);
      const fn = decl && functionOf(decl);
      // `.catch(next)`, `.catch(reject)`, `.catch(done)`, `.catch(reportError)`: passed on or reported
      if (!fn && (CALLBACK_FUNCTION.test(name) || LOG_FUNCTION.test(name))) return undefined;
      if (decl) {
        if (ts.isParameter(decl)) return undefined; // a handler the caller chose
        if (fn) return this.functionVerdict(name, fn, depth);
        if (!ts.isVariableDeclaration(decl)) return undefined;
        // `const ignore = noop;`, `const swallow = _.noop;`
        if (decl.initializer && ts.isIdentifier(decl.name) && depth < MAX_HELPER_DEPTH) {
          const inner = this.handlerVerdict(decl.initializer, depth + 1);
          if (inner) return { reference: name, detail: inner.reference ? `\`${name}\`, which is ${inner.detail}` : inner.detail };
        }
        // `const { noop } = require('lodash')`, `const noop = require('lodash/noop')`
        if (this.isLibraryNoop(expr) || (!ts.isIdentifier(decl.name) && NOOP_NAME.test(name))) return { reference: name, detail: `\`${name}\`, an empty function` };
        return undefined;
      }
      // imported or global: only lodash's `noop` and functions named like one
      if (NOOP_NAME.test(name) || this.isLibraryNoop(expr)) return { reference: name, detail: `\`${name}\`, an empty function` };
      return undefined;
    }
    if (ts.isPropertyAccessExpression(expr)) {
      const text = expr.getText(this.sf);
      // `.catch(this.swallow)` with `private readonly swallow = () => {}` or a method of the class
      if (expr.expression.kind === K.ThisKeyword) {
        const member = thisMemberFunction(expr);
        if (member) return this.functionVerdict(text, member, depth);
      }
      // `Function.prototype` does nothing; `_.noop`, `lodash.noop`, `utils.noop`
      if (text === 'Function.prototype' && !this.facts.isLocal('Function', expr)) return { reference: text, detail: '`Function.prototype`, an empty function' };
      if (NOOP_NAME.test(expr.name.text) || this.isLibraryNoop(expr)) return { reference: text, detail: `\`${text}\`, an empty function` };
      return undefined; // `console.error`, `logger.warn`, `this.handleError`: may log
    }
    return undefined;
  }

  /** The verdict on a handler given by name (`noop`, `this.swallow`) whose function is in this file. */
  private functionVerdict(name: string, fn: FunctionNode, depth: number): { detail: string; reference?: string } | undefined {
    if (!fn.body || depth >= MAX_HELPER_DEPTH) return undefined;
    const names = new Set<string>();
    for (const p of fn.parameters) bindingNames(p.name, names);
    if (this.handles(fn.body, names, fn, 0)) return undefined;
    const empty = ts.isBlock(fn.body) ? fn.body.statements.length === 0 : isEmptyValue(fn.body);
    return { reference: name, detail: empty ? `\`${name}\`, an empty function` : `\`${name}\`, a function that ${ts.isBlock(fn.body) ? this.describeBlock(fn.body) : this.describeExpression(fn.body)}` };
  }

  private isLibraryNoop(expr: ts.Expression): boolean {
    const origin = this.facts.originOf(expr);
    if (!origin) return false;
    if (NOOP_MODULE_FILES.has(origin.module) && origin.path.length === 0) return true;
    return NOOP_MODULES.has(origin.module) && origin.path.length === 1 && origin.path[0] === 'noop';
  }

  // ---- does the handler deal with the error? --------------------------------------------------------

  /**
   * True when `root` (a catch block or a handler body) throws, references one of `names` (the caught
   * error), logs or reports something, or passes the failure on. `owner` is the catch clause or
   * function being checked (local helpers that contain it are not followed).
   */
  private handles(root: ts.Node, names: ReadonlySet<string>, owner: ts.Node, depth: number): boolean {
    let handled = false;
    const visit = (n: ts.Node, live: ReadonlySet<string>): void => {
      if (handled) return;
      switch (n.kind) {
        case K.ThrowStatement:
          handled = true;
          return;
        case K.Identifier:
          if (live.size > 0 && live.has((n as ts.Identifier).text) && isReference(n as ts.Identifier)) handled = true;
          return;
        case K.CallExpression:
          if (this.callHandles(n as ts.CallExpression, owner, depth)) {
            handled = true;
            return;
          }
          break;
      }
      let next = live;
      if (live.size > 0 && n !== root && (isFunctionNode(n) || ts.isCatchClause(n))) next = withoutShadowed(n, live);
      ts.forEachChild(n, (c) => visit(c, next));
    };
    visit(root, names);
    return handled;
  }

  /** A call that logs, reports, rethrows (`Promise.reject`) or passes the failure on. */
  private callHandles(call: ts.CallExpression, owner: ts.Node, depth: number): boolean {
    const callee = skipOuterExpressions(call.expression);
    // a named import of a logger (`import { captureMessage } from '@sentry/node'`) is recognised below
    if (ts.isIdentifier(callee) && this.identifierCallHandles(callee, owner, depth)) return true;
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      // `toast.error('Could not save')`: shown to the user, recorded nowhere
      if (UI_NOTICE_RECEIVER.test(lastName(callee.expression) ?? '')) return false;
      if (CALLBACK_METHOD.test(method) || REPORT_METHOD.test(method)) return true;
      if (EFFECT_FAILURE.test(method) && this.isEffectModule(callee.expression)) return true;
      // `this.emit('error', err)`, `stream.destroy(err)` references err anyway
      if (method === 'emit' && call.arguments.length > 0) {
        const first = call.arguments[0];
        if (ts.isStringLiteralLike(first) && /error|fail/i.test(first.text)) return true;
      }
      // `cb.call(null)`, `done.apply(this)`
      if ((method === 'call' || method === 'apply') && ts.isIdentifier(skipOuterExpressions(callee.expression))) {
        return this.identifierCallHandles(skipOuterExpressions(callee.expression) as ts.Identifier, owner, depth);
      }
      if (receiverIsLogger(callee.expression)) return true;
      // OpenTelemetry: `span.setStatus({ code: SpanStatusCode.ERROR })`
      if (method === 'setStatus' && /span$/i.test(lastName(callee.expression) ?? '')) return true;
    }
    return this.facts.isLoggingCall(call);
  }

  /** `Effect` / `Micro` from the effect package (or, inside effect's own sources, the module of that name). */
  private isEffectModule(expr0: ts.Expression): boolean {
    const expr = skipOuterExpressions(expr0);
    if (ts.isIdentifier(expr) && (expr.text === 'Effect' || expr.text === 'Micro')) return true;
    const origin = this.facts.originOf(expr);
    return !!origin && EFFECT_MODULE.test(origin.module);
  }

  private identifierCallHandles(callee: ts.Identifier, owner: ts.Node, depth: number): boolean {
    const name = callee.text;
    if (CALLBACK_FUNCTION.test(name) || LOG_FUNCTION.test(name)) return true;
    const decl = this.facts.resolver.declarationOf(callee);
    if (!decl) return false;
    // a function handed in by the caller (`cb`, `resolve`, `onDone`): the caller decides
    if (ts.isParameter(decl)) return true;
    // a local helper: `catch { fail('bad input') }` with `function fail(m) { throw new Error(m) }`
    if (depth >= MAX_HELPER_DEPTH) return false;
    const fn = functionOf(decl);
    if (!fn?.body) return false;
    if (fn.pos <= owner.pos && owner.end <= fn.end) return false; // the function around the catch itself
    return this.handles(fn.body, new Set(), fn, depth + 1);
  }

  // ---- describing what the handler does, for the message ------------------------------------------

  private describeBlock(block: ts.Block): string {
    if (block.statements.length === 0) {
      const inner = this.sf.text.slice(block.getStart(this.sf) + 1, block.end - 1);
      return /\/\/|\/\*/.test(inner) ? 'holds only a comment' : 'is empty';
    }
    return summarise(block.statements.map((s) => this.classifyStatement(s)));
  }

  private describeExpression(expr: ts.Expression): string {
    return summarise([this.classifyExpression(expr)]);
  }

  private classifyStatement(s: ts.Statement): Kind {
    if (ts.isReturnStatement(s)) return s.expression ? this.classifyExpression(s.expression) : { kind: 'return' };
    if (ts.isExpressionStatement(s)) return this.classifyExpression(s.expression);
    if (ts.isContinueStatement(s) || ts.isBreakStatement(s)) return { kind: 'skip' };
    if (ts.isEmptyStatement(s)) return { kind: 'nothing' };
    return { kind: 'other' };
  }

  private classifyExpression(e0: ts.Expression): Kind {
    const e = skipOuterExpressions(e0);
    if (isEmptyValue(e) || isLiteralValue(e)) return { kind: 'fallback', text: shortText(e.getText(this.sf)) };
    if (ts.isBinaryExpression(e) && isAssignment(e.operatorToken.kind)) {
      if (isResponseChain(e.left)) return { kind: 'response' };
      return { kind: 'flag', text: shortText(e.left.getText(this.sf)) };
    }
    if ((ts.isPostfixUnaryExpression(e) || ts.isPrefixUnaryExpression(e)) && (e.operator === K.PlusPlusToken || e.operator === K.MinusMinusToken)) {
      return { kind: 'flag', text: shortText(e.operand.getText(this.sf)) };
    }
    if (ts.isCallExpression(e)) {
      if (isResponseChain(e)) return { kind: 'response' };
      const callee = skipOuterExpressions(e.expression);
      if (ts.isIdentifier(callee) && /^set[A-Z]/.test(callee.text)) return { kind: 'flag', text: `${callee.text}(…)` };
    }
    if (ts.isAwaitExpression(e)) return this.classifyExpression(e.expression);
    return { kind: 'other' };
  }
}

type Kind =
  | { kind: 'fallback'; text: string }
  | { kind: 'flag'; text: string }
  | { kind: 'response' }
  | { kind: 'return' }
  | { kind: 'skip' }
  | { kind: 'nothing' }
  | { kind: 'other' };

function summarise(kinds: Kind[]): string {
  const real = kinds.filter((k) => k.kind !== 'nothing');
  if (real.length === 0) return 'is empty';
  if (real.some((k) => k.kind === 'other')) return 'does not log, rethrow or pass on the error';
  if (real.some((k) => k.kind === 'response')) return 'only sends an error response';
  const flags = real.filter((k): k is { kind: 'flag'; text: string } => k.kind === 'flag');
  const fallback = real.find((k): k is { kind: 'fallback'; text: string } => k.kind === 'fallback');
  const flagText = flags.length ? `sets ${flags.map((f) => `\`${f.text}\``).join(', ')}` : '';
  if (fallback) return flagText ? `only ${flagText} and returns \`${fallback.text}\`` : `only returns the fallback \`${fallback.text}\``;
  if (flagText) return `only ${flagText}`;
  if (real.some((k) => k.kind === 'skip')) return 'only skips to the next item';
  return 'only returns';
}

// ---- syntax helpers ---------------------------------------------------------------------------------

/**
 * One attempt of a bounded retry: the `try` sits in a loop, its catch neither returns nor breaks
 * (the failure goes round again), and a `throw` follows the loop. Still reported (the error of every
 * attempt is lost), with a message of its own.
 * `for (…; attempt <= 3; …) { try { return await op(); } catch { await sleep(ms); } } throw …`
 */
function isRetryAttempt(clause: ts.CatchClause): boolean {
  const tryStatement = clause.parent;
  let loop: ts.Node | undefined;
  for (let n: ts.Node = tryStatement.parent; n && !isFunctionNode(n) && !ts.isSourceFile(n); n = n.parent) {
    if (ts.isForStatement(n) || ts.isForOfStatement(n) || ts.isForInStatement(n) || ts.isWhileStatement(n) || ts.isDoStatement(n)) {
      loop = n;
      break;
    }
  }
  if (!loop) return false;
  const leaves = (root: ts.Node): boolean => {
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found || isFunctionNode(n)) return;
      if (ts.isReturnStatement(n) || (ts.isBreakStatement(n) && !n.label && !insideInnerBreakable(n, root))) {
        found = true;
        return;
      }
      ts.forEachChild(n, visit);
    };
    visit(root);
    return found;
  };
  if (leaves(clause.block)) return false;
  // the loop is followed, in the same statement list, by a `throw`
  const list = loop.parent;
  if (!ts.isBlock(list) && !ts.isSourceFile(list) && !ts.isCaseClause(list) && !ts.isDefaultClause(list)) return false;
  const after = list.statements.slice(list.statements.indexOf(loop as ts.Statement) + 1);
  return after.some((s) => {
    if (ts.isThrowStatement(s)) return true;
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found || isFunctionNode(n)) return;
      if (ts.isThrowStatement(n)) found = true;
      else ts.forEachChild(n, visit);
    };
    visit(s);
    return found;
  });
}

/** A `break` that ends a loop or switch nested inside `root` rather than the retry loop. */
function insideInnerBreakable(node: ts.Node, root: ts.Node): boolean {
  for (let n = node.parent; n && n !== root; n = n.parent) {
    if (ts.isSwitchStatement(n) || ts.isForStatement(n) || ts.isForOfStatement(n) || ts.isForInStatement(n) || ts.isWhileStatement(n) || ts.isDoStatement(n)) return true;
  }
  return false;
}

function bindingNames(name: ts.BindingName, out: Set<string>): void {
  if (ts.isIdentifier(name)) {
    out.add(name.text);
    return;
  }
  for (const el of name.elements) if (!ts.isOmittedExpression(el)) bindingNames(el.name, out);
}

/** `live` minus the names a nested function's parameters or a nested catch clause bind again. */
function withoutShadowed(n: ts.Node, live: ReadonlySet<string>): ReadonlySet<string> {
  const bound = new Set<string>();
  if (ts.isCatchClause(n)) {
    if (n.variableDeclaration) bindingNames(n.variableDeclaration.name, bound);
  } else if (isFunctionNode(n)) {
    for (const p of n.parameters) bindingNames(p.name, bound);
    if (!ts.isArrowFunction(n)) bound.add('arguments');
  }
  if (bound.size === 0) return live;
  let changed = false;
  const rest = new Set<string>();
  for (const name of live) {
    if (bound.has(name)) changed = true;
    else rest.add(name);
  }
  return changed ? rest : live;
}

/** True when the identifier reads a value (not a property name, a declared name or a label). */
function isReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p) return true;
  if (ts.isPropertyAccessExpression(p)) return p.expression === id;
  if (ts.isQualifiedName(p)) return p.left === id;
  if (
    (ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isPropertySignature(p) || ts.isGetAccessorDeclaration(p) || ts.isSetAccessorDeclaration(p) || ts.isEnumMember(p)) &&
    p.name === id
  ) {
    return false;
  }
  if (ts.isBindingElement(p)) return p.name !== id && p.propertyName !== id;
  if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isFunctionExpression(p) || ts.isClassDeclaration(p)) && p.name === id) return false;
  if ((ts.isLabeledStatement(p) || ts.isBreakStatement(p) || ts.isContinueStatement(p)) && p.label === id) return false;
  if (ts.isJsxAttribute(p) && p.name === id) return false;
  return true;
}

/** The function a declaration names: `function f() {}` or `const f = () => …`. */
function functionOf(decl: ts.Node): FunctionNode | undefined {
  if (ts.isFunctionDeclaration(decl)) return decl;
  if (ts.isVariableDeclaration(decl) && decl.initializer && ts.isIdentifier(decl.name)) {
    const init = skipOuterExpressions(decl.initializer);
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
  }
  return undefined;
}

/** Some part of the callee's receiver chain is a logger, reporter, tracer or metrics client. */
function receiverIsLogger(expr0: ts.Expression): boolean {
  let expr = skipOuterExpressions(expr0);
  for (let i = 0; i < 12; i++) {
    if (ts.isIdentifier(expr)) return isLoggerName(expr.text);
    if (ts.isPropertyAccessExpression(expr)) {
      if (isLoggerName(expr.name.text)) return true;
      expr = skipOuterExpressions(expr.expression);
    } else if (ts.isCallExpression(expr) || ts.isElementAccessExpression(expr)) {
      expr = skipOuterExpressions(expr.expression);
    } else {
      return false;
    }
  }
  return false;
}

function lastName(expr0: ts.Expression): string | undefined {
  const expr = skipOuterExpressions(expr0);
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) return expr.name.text;
  return undefined;
}

function isLoggerName(name: string): boolean {
  return LOGGER_RECEIVER.test(name) || LOGGER_RECEIVER_SUFFIX.test(name);
}

/** `null`, `undefined`, `void 0`, `[]`, `{}`. */
function isEmptyValue(e0: ts.Expression): boolean {
  const e = skipOuterExpressions(e0);
  if (e.kind === K.NullKeyword) return true;
  if (ts.isIdentifier(e) && e.text === 'undefined') return true;
  if (ts.isVoidExpression(e) && ts.isLiteralExpression(e.expression)) return true;
  if (ts.isArrayLiteralExpression(e) && e.elements.length === 0) return true;
  if (ts.isObjectLiteralExpression(e) && e.properties.length === 0) return true;
  return false;
}

/** A constant fallback: `false`, `0`, `''`, `-1`, `{ ok: false }`, `[0]`. */
function isLiteralValue(e: ts.Expression): boolean {
  if (e.kind === K.TrueKeyword || e.kind === K.FalseKeyword) return true;
  if (ts.isNumericLiteral(e) || ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isBigIntLiteral(e)) return true;
  if (ts.isPrefixUnaryExpression(e) && ts.isNumericLiteral(e.operand)) return true;
  if (ts.isArrayLiteralExpression(e)) return e.elements.every((x) => isEmptyValue(x) || isLiteralValue(skipOuterExpressions(x)));
  if (ts.isObjectLiteralExpression(e)) {
    return e.properties.every((p) => ts.isPropertyAssignment(p) && (isEmptyValue(p.initializer) || isLiteralValue(skipOuterExpressions(p.initializer))));
  }
  return isEmptyValue(e);
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= K.FirstAssignment && kind <= K.LastAssignment;
}

/** `res.status(500).json(…)`, `reply.code(502).send()`, `ctx.status = 500`, `res.sendStatus(503)`. */
function isResponseChain(e0: ts.Expression): boolean {
  let e = skipOuterExpressions(e0);
  let sawResponseMethod = false;
  for (let i = 0; i < 12; i++) {
    if (ts.isCallExpression(e)) {
      e = skipOuterExpressions(e.expression);
    } else if (ts.isPropertyAccessExpression(e)) {
      if (RESPONSE_METHOD.test(e.name.text) || e.name.text === 'body') sawResponseMethod = true;
      e = skipOuterExpressions(e.expression);
    } else if (ts.isIdentifier(e)) {
      return sawResponseMethod && RESPONSE_ROOT.test(e.text);
    } else {
      return false;
    }
  }
  return false;
}

function shortText(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 40 ? `${t.slice(0, 37)}…` : t;
}
