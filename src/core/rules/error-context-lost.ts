// error-context-lost: a `catch` (a catch clause, a `.catch(handler)`, or the rejection handler of
// `.then(ok, onRejected)`) that
//   1. logs without the caught error: a logging call, and the error is not used anywhere in the
//      handler (not logged, not rethrown, not passed on, not inspected); or
//   2. throws a new error without `{ cause }`: `throw new XError(…)` whose arguments neither carry a
//      `cause` option nor pass the caught error itself (interpolating `err.message` keeps the text
//      but drops the type and the stack, so it is still reported).
// Reported at the log call or the `throw`, with the catch as the related location. Client-error
// exceptions (`BadRequestException`, `NotFoundError` …) and throws guarded by a check on the caught
// error (`if (err.code === 'P2002') throw new DuplicateEmailError()`) are deliberate translations
// and are not reported. Decisions: docs/rules/error-context-lost.md.
import { ts } from 'ts-morph';
import { catchClauseHead, handlerHead, isFunctionNode, skipOuterExpressions, walk, type NodeHead } from '../engine/ast';
import type { FileFacts } from '../engine/fileFacts';
import { defineRule, type RuleContext } from '../engine/rule';

const K = ts.SyntaxKind;

/** Log levels that are for diagnosing expected paths, not failures: a catch that logs at these is not judged. */
const QUIET_LEVELS = /^(debug|trace|verbose|silly)$/;
/** The logger methods that record something else than a log line (a metric, a child logger). */
const NOT_A_LOG_LINE = /^(child|record|track|write|captureException|recordException|report|reportError|notify)$/;
/** Error classes that describe the client's mistake (HTTP 4xx): the server-side cause is deliberately not passed on. */
const CLIENT_ERROR =
  /^(BadRequest|NotFound|Unauthorized|Unauthorised|Forbidden|Conflict|Gone|UnprocessableEntity|Unprocessable|PayloadTooLarge|UnsupportedMediaType|NotAcceptable|MethodNotAllowed|TooManyRequests|PreconditionFailed|PreconditionRequired|RequestTimeout|Validation|InvalidInput|InvalidArgument|InvalidRequest)(Exception|Error)$/;
/** The built-in error constructors: passing the caught error as their first argument only keeps its text. */
const BUILTIN_ERRORS = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError']);
/** Properties of the caught error that identify it: a throw guarded by a check on one of them is a translation. */
const IDENTIFYING = /^(code|name|status|statusCode|status_code|errno|type|kind|reason|response)$/;

const LOG_WHY =
  'The log line says that something failed but not what: no error message, no type, no stack trace. When this fires in production, the one line meant to explain the incident gives on-call nothing to go on, and the original error is gone for good.';
const THROW_WHY =
  'The original error (its type, message and stack trace) is dropped at this point, so whoever logs the new error later sees where it was rethrown, not what actually failed; quoting `err.message` in the new message keeps only the text.';

interface Handler {
  /** The block or expression body to search. */
  body: ts.Node;
  /** Names bound to the caught error (none for `catch {}` or `.catch(() => …)`). */
  bindings: ts.Node[];
  /** The related location: the catch clause header or the `.catch(…)` handler. */
  related: NodeHead;
  relatedMessage: string;
  /** The name to show in messages, e.g. `err`. */
  errorName?: string;
}

export const errorContextLost = defineRule({
  id: 'error-context-lost',
  category: 'observability',
  defaultSeverity: 'MEDIUM',
  title: 'Caught error dropped from the log or the rethrown error',
  requiresTypeInfo: false,
  options: {},
  docs: {
    summary:
      'Flags a `catch` (block, `.catch(handler)` or `.then` rejection handler) that logs without the caught error, or that throws a new error without passing the caught one as `{ cause }`.',
    why:
      'An error that is caught and then described in other words loses everything that makes it debuggable: its type, its message, its stack trace and its own cause. The log says "payment failed" and the incident review has to guess why. Errors wrapped without a cause show the line that rethrew them instead of the line that failed.',
    fix:
      'Log the error object itself (`logger.error({ err, orderId }, "payment failed")`, `console.error("payment failed", err)`), and when wrapping it, keep it as the cause: `throw new PaymentError("payment failed", { cause: err })`.',
    invalid: [
      {
        code: [
          'import { logger } from "./logger";',
          'import { chargeCard } from "./payments";',
          '',
          'export async function pay(orderId: string) {',
          '  try {',
          '    await chargeCard(orderId);',
          '  } catch (e) {',
          '    logger.error("payment failed");',
          '  }',
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          'import { chargeCard } from "./payments";',
          '',
          'export async function pay(orderId: string) {',
          '  try {',
          '    await chargeCard(orderId);',
          '  } catch (err) {',
          '    throw new Error(`payment failed for ${orderId}: ${(err as Error).message}`);',
          '  }',
          '}',
          '',
        ].join('\n'),
      },
    ],
    valid: [
      {
        code: [
          'import { logger } from "./logger";',
          'import { chargeCard } from "./payments";',
          '',
          'export async function pay(orderId: string) {',
          '  try {',
          '    await chargeCard(orderId);',
          '  } catch (err) {',
          '    logger.error({ err, orderId }, "payment failed");',
          '    throw new Error(`payment failed for ${orderId}`, { cause: err });',
          '  }',
          '}',
          '',
        ].join('\n'),
      },
    ],
  },
  create(context) {
    const text = context.sourceFile.text;
    if (!text.includes('catch') && !text.includes('.then(')) return {};
    const checker = new ContextChecker(context);
    return {
      CatchClause: (node) => checker.catchClause(node as ts.CatchClause),
      CallExpression: (node) => checker.call(node as ts.CallExpression),
    };
  },
});

class ContextChecker {
  private readonly sf: ts.SourceFile;
  private readonly facts: FileFacts;

  constructor(private readonly ctx: RuleContext) {
    this.sf = ctx.sourceFile;
    this.facts = ctx.facts;
  }

  catchClause(clause: ts.CatchClause): void {
    const decl = clause.variableDeclaration;
    this.check({
      body: clause.block,
      bindings: decl ? [decl] : [],
      related: catchClauseHead(clause, this.sf),
      relatedMessage: 'the error is caught here',
      errorName: decl && ts.isIdentifier(decl.name) ? decl.name.text : undefined,
    });
  }

  /** `.catch(handler)` and `.then(ok, onRejected)` with an inline function. */
  call(call: ts.CallExpression): void {
    const callee = skipOuterExpressions(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return;
    const method = callee.name.text;
    const arg = method === 'catch' ? call.arguments[0] : method === 'then' ? call.arguments[1] : undefined;
    if (!arg) return;
    const handler = skipOuterExpressions(arg);
    if (!ts.isArrowFunction(handler) && !ts.isFunctionExpression(handler)) return;
    const p = handler.parameters[0];
    this.check({
      body: handler.body,
      bindings: p ? [p] : [],
      related: handlerHead(handler, this.sf),
      relatedMessage: method === 'catch' ? 'the error is caught by this `.catch` handler' : 'the error is caught by this rejection handler',
      errorName: p && ts.isIdentifier(p.name) ? p.name.text : undefined,
    });
  }

  private check(h: Handler): void {
    const logs: ts.CallExpression[] = [];
    const throws: ts.ThrowStatement[] = [];
    let used = false;
    const names = new Set<string>();
    for (const b of h.bindings) collectNames((b as ts.VariableDeclaration | ts.ParameterDeclaration).name, names);

    const visit = (n: ts.Node): boolean => {
      // a nested catch judges its own body; nested functions run later, elsewhere
      if (ts.isCatchClause(n)) return false;
      if (isFunctionNode(n)) {
        // the error used inside a callback is still used (`setImmediate(() => report(err))`)
        if (!used && names.size && mentionsBinding(n, names, h.bindings, this.facts)) used = true;
        return false;
      }
      if (ts.isIdentifier(n) && names.has(n.text) && this.isBinding(n, h.bindings)) used = true;
      else if (ts.isCallExpression(n) && this.isLogLine(n)) logs.push(n);
      else if (ts.isThrowStatement(n)) throws.push(n);
      return true;
    };
    if (ts.isBlock(h.body)) walk(h.body, visit);
    else if (visit(h.body)) walk(h.body, visit);

    if (logs.length && !used) {
      const log = logs[0];
      const what = h.errorName
        ? `\`${calleeText(log, this.sf)}(…)\` logs inside a catch but leaves out the caught error \`${h.errorName}\`.`
        : `\`${calleeText(log, this.sf)}(…)\` logs inside a catch that does not even bind the caught error.`;
      const fix = h.errorName
        ? `Pass \`${h.errorName}\` to the logger (\`logger.error({ err: ${h.errorName} }, '…')\`, \`console.error('…', ${h.errorName})\`).`
        : "Bind the error (`catch (err)`) and pass it to the logger (`logger.error({ err }, '…')`, `console.error('…', err)`).";
      this.ctx.report(log, `${what} ${LOG_WHY} ${fix}`, { related: [{ node: h.related.node, end: h.related.end, message: h.relatedMessage }] });
    }
    for (const t of throws) this.checkThrow(t, h);
  }

  private checkThrow(t: ts.ThrowStatement, h: Handler): void {
    const e = skipOuterExpressions(t.expression);
    if (!ts.isNewExpression(e) && !ts.isCallExpression(e)) return;
    const name = constructorName(e);
    if (!name || !isErrorClassName(name)) return;
    if (CLIENT_ERROR.test(name)) return;
    const args = e.arguments ?? [];
    const names = new Set<string>();
    for (const b of h.bindings) collectNames((b as ts.VariableDeclaration | ts.ParameterDeclaration).name, names);
    if (args.some((a) => carriesCause(a, names, h.bindings, BUILTIN_ERRORS.has(name), this))) return;
    if (names.size && this.guardedByErrorCheck(t, h, names)) return;
    const ctor = `${ts.isNewExpression(e) ? 'new ' : ''}${name}(…)`;
    const cause = h.errorName ?? 'err';
    const fix = h.errorName
      ? `Keep the original as the cause: \`throw new ${name}('…', { cause: ${cause} })\`.`
      : `Bind the caught error (\`catch (err)\`) and keep it as the cause: \`throw new ${name}('…', { cause: err })\`.`;
    this.ctx.report(t, `\`throw ${ctor}\` replaces the caught error without \`{ cause }\`. ${THROW_WHY} ${fix}`, {
      related: [{ node: h.related.node, end: h.related.end, message: h.relatedMessage }],
    });
  }

  /** True when `id` refers to the caught error (not a shadowing local of the same name). */
  isBinding(id: ts.Identifier, bindings: ts.Node[]): boolean {
    if (isPropertyNameOnly(id)) return false;
    const decl = this.facts.resolver.declarationOf(id);
    return !!decl && bindings.some((b) => b === decl || b === decl.parent || containsDecl(b, decl));
  }

  /** A logging call that writes a line: not a debug/trace line, not a metric or a child logger. */
  private isLogLine(call: ts.CallExpression): boolean {
    if (!this.facts.isLoggingCall(call)) return false;
    // the `debug` package writes debug-level lines only
    if (this.facts.callKind(call)?.library === 'debug') return false;
    const callee = skipOuterExpressions(call.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      const m = callee.name.text;
      if (QUIET_LEVELS.test(m) || NOT_A_LOG_LINE.test(m)) return false;
    } else if (ts.isIdentifier(callee)) {
      // `captureException(new Error('x'))`-style reporters take an error, not a line of text
      if (/^(captureException|reportError|notifyError|trackError|recordError|handleError)$/.test(callee.text)) return false;
    }
    return call.arguments.length > 0;
  }

  /**
   * `if (err.code === 'P2002') throw new DuplicateEmailError()`, `if (err instanceof ZodError) throw
   * new ValidationFailed(…)`: the caught error was identified, and translating it is deliberate.
   */
  private guardedByErrorCheck(t: ts.ThrowStatement, h: Handler, names: Set<string>): boolean {
    let child: ts.Node = t;
    for (let n: ts.Node | undefined = t.parent; n && n !== h.body; child = n, n = n.parent) {
      // only the branch taken when the check holds: `else` is where the unidentified errors go
      if (ts.isIfStatement(n) && child === n.thenStatement && this.identifiesError(n.expression, names, h.bindings)) return true;
      if (ts.isCaseClause(n) && ts.isSwitchStatement(n.parent.parent) && this.refersToError(n.parent.parent.expression, names, h.bindings)) return true;
    }
    return false;
  }

  /** A positive check on what the caught error is: `err instanceof X`, `err.code === 'P2002'`, `isNotFound(err)`. */
  private identifiesError(cond: ts.Expression, names: Set<string>, bindings: ts.Node[]): boolean {
    const e = skipOuterExpressions(cond);
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op === K.AmpersandAmpersandToken || op === K.BarBarToken) return this.identifiesError(e.left, names, bindings) || this.identifiesError(e.right, names, bindings);
      if (op === K.InstanceOfKeyword) return this.refersToError(e.left, names, bindings, false);
      const compares = op === K.EqualsEqualsEqualsToken || op === K.EqualsEqualsToken || op === K.GreaterThanEqualsToken || op === K.GreaterThanToken || op === K.LessThanToken || op === K.LessThanEqualsToken;
      if (compares) return this.refersToError(e.left, names, bindings) || this.refersToError(e.right, names, bindings);
      return false;
    }
    if (ts.isCallExpression(e)) return e.arguments.some((a) => this.refersToError(a, names, bindings, false));
    return false;
  }

  /** `err`, or (with `property`) an identifying property of it: `err.code`, `err.response.status`. */
  private refersToError(expr: ts.Expression, names: Set<string>, bindings: ts.Node[], property = true): boolean {
    let v = skipOuterExpressions(expr);
    if (property) {
      if (!ts.isPropertyAccessExpression(v) || !IDENTIFYING.test(v.name.text)) return false;
      while (ts.isPropertyAccessExpression(v)) v = skipOuterExpressions(v.expression);
    }
    return ts.isIdentifier(v) && names.has(v.text) && this.isBinding(v, bindings);
  }
}

function collectNames(name: ts.BindingName, out: Set<string>): void {
  if (ts.isIdentifier(name)) out.add(name.text);
  else for (const el of name.elements) if (ts.isBindingElement(el)) collectNames(el.name, out);
}

function containsDecl(binding: ts.Node, decl: ts.Node): boolean {
  for (let n: ts.Node | undefined = decl; n; n = n.parent) if (n === binding) return true;
  return false;
}

/** An identifier that is only a property name (`x.err`, `{ err: 1 }` key), not a reference. */
function isPropertyNameOnly(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p) return false;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return true;
  if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p)) && p.name === id) return true;
  if (ts.isBindingElement(p) && p.propertyName === id) return true;
  return false;
}

function mentionsBinding(fn: ts.Node, names: Set<string>, bindings: ts.Node[], facts: FileFacts): boolean {
  return walk(fn, (n) => {
    if (ts.isIdentifier(n) && names.has(n.text) && !isPropertyNameOnly(n)) {
      const decl = facts.resolver.declarationOf(n);
      if (decl && bindings.some((b) => b === decl || containsDecl(b, decl))) return 'stop';
    }
    return true;
  });
}

/**
 * An argument that keeps the caught error: an options object with `cause`, the error itself (custom
 * error classes take it as their cause: `new PaymentError('…', err)`, `new VError(err, '…')`), or an
 * object that holds it (`new AppError({ message, error: err })`). For the built-in `Error`, the error
 * as the message argument only keeps its text, so it does not count.
 */
function carriesCause(arg: ts.Expression, names: Set<string>, bindings: ts.Node[], builtin: boolean, checker: ContextChecker): boolean {
  const v = skipOuterExpressions(arg);
  if (ts.isObjectLiteralExpression(v)) {
    for (const p of v.properties) {
      if (ts.isSpreadAssignment(p)) return true; // cannot see what it holds
      const key = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
      if (key === 'cause') return true;
      if (ts.isShorthandPropertyAssignment(p) && names.has(p.name.text)) return true;
      if (ts.isPropertyAssignment(p)) {
        const val = skipOuterExpressions(p.initializer);
        if (ts.isIdentifier(val) && names.has(val.text) && checker.isBinding(val, bindings)) return true;
      }
    }
    return false;
  }
  if (builtin) return false;
  if (ts.isIdentifier(v) && names.has(v.text) && checker.isBinding(v, bindings)) return true;
  // `new AggregateError([err])`-style lists
  if (ts.isArrayLiteralExpression(v)) return v.elements.some((el) => ts.isIdentifier(skipOuterExpressions(el)) && names.has((skipOuterExpressions(el) as ts.Identifier).text));
  // a variable holding the options (`new PaymentError(msg, options)`) cannot be seen: assume it carries it
  if (ts.isIdentifier(v) && /^(opts|options|errorOptions|init)$/.test(v.text)) return true;
  return false;
}

function constructorName(e: ts.NewExpression | ts.CallExpression): string | undefined {
  const c = skipOuterExpressions(e.expression);
  if (ts.isIdentifier(c)) return c.text;
  if (ts.isPropertyAccessExpression(c)) return c.name.text;
  return undefined;
}

/** `Error`, `TypeError`, `PaymentError`, `HttpException`, `InternalServerErrorException`. */
function isErrorClassName(name: string): boolean {
  return /^([A-Z][A-Za-z0-9]*)?(Error|Exception)$/.test(name);
}

function calleeText(call: ts.CallExpression, sf: ts.SourceFile): string {
  const t = skipOuterExpressions(call.expression).getText(sf).replace(/\s+/g, ' ');
  return t.length > 50 ? `${t.slice(0, 47)}…` : t;
}

