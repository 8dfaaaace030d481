// floating-promise: a call whose result is a promise, used as a bare statement. "A promise" means a
// function this file declares `async` or with a `Promise<…>` return type: a function declaration,
// a function or arrow held in a variable, a callable parameter or property typed `() => Promise<…>`,
// a method of the same class reached through `this.x()` (or of a local class reached through an
// instance, `new C()` / `c: C`, or statically), a method of a local object literal, or an async
// IIFE. Library calls are out of scope: without a type checker the rule would have to guess.
// The statement is fine when the promise is `.catch`ed or `.then(…, onRejected)`ed anywhere in its
// chain, or marked `void` with a comment; `void` without a comment is reported (option
// `voidNeedsComment`). Decisions: docs/rules/floating-promise.md.
import { ts } from 'ts-morph';
import { isFunctionNode, skipOuterExpressions, type FunctionNode } from '../engine/ast';
import type { FileFacts } from '../engine/fileFacts';
import { defineRule, type RuleContext } from '../engine/rule';

const K = ts.SyntaxKind;

/** How many `extends` steps are followed to find an inherited method declared in the same file. */
const MAX_BASE_CLASSES = 4;

const WHY =
  'If it rejects, nothing handles the rejection: Node reports an unhandled rejection, which by default crashes the process and takes the worker (and every request in flight) down, and the failure itself is never logged where anyone looks.';
const FIX =
  'Await it or return it, or attach a `.catch(…)` that logs the error; if fire-and-forget is intended, write `void` before the call with a comment saying why it is safe to ignore.';

interface AsyncTarget {
  /** The declaration that makes the call a promise (for the related location). */
  declaration: ts.Node;
  /** How the declaration makes it a promise, for the related message. */
  how: 'async' | 'Promise';
}

export const floatingPromise = defineRule({
  id: 'floating-promise',
  category: 'reliability',
  defaultSeverity: 'HIGH',
  title: 'Promise neither awaited nor handled',
  requiresTypeInfo: false,
  options: {
    /** `void promiseCall()` counts as handled only with a comment on its line or the line above. */
    voidNeedsComment: true,
  },
  docs: {
    summary:
      'Flags a call to a function declared `async` (or with a `Promise` return type) in the same file that is used as a bare statement: not awaited, returned, assigned, passed on, `.catch`ed, given a rejection handler in `.then(…, onRejected)`, or marked `void` with a comment.',
    why:
      'A promise nobody holds has nowhere to send its failure. When it rejects, Node raises an unhandled rejection, which by default terminates the process: the worker dies with every request it was serving, and the error that caused it is logged, if at all, far away from the code that started the work. When it does not crash, the failure simply vanishes.',
    fix:
      'Await the call (or return it to a caller that awaits it). For work that should run in the background, attach a `.catch((err) => logger.error({ err }, "…"))`. When ignoring the result is really intended, write `void` before the call and a comment saying why.',
    invalid: [
      {
        code: [
          'async function sendReceipt(orderId: string): Promise<void> {',
          '  await fetch(`https://mail.example.com/receipts/${orderId}`, { method: "POST", signal: AbortSignal.timeout(5000) });',
          '}',
          '',
          'export async function completeOrder(orderId: string) {',
          '  sendReceipt(orderId);',
          '  return { ok: true };',
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          'export class OrderService {',
          '  async place(id: string) {',
          '    this.notifyWarehouse(id);',
          '    return id;',
          '  }',
          '',
          '  private async notifyWarehouse(id: string): Promise<void> {',
          '    await fetch(`https://warehouse.example.com/orders/${id}`, { method: "POST", signal: AbortSignal.timeout(5000) });',
          '  }',
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          'const refreshCache = async () => {',
          '  await fetch("https://rates.example.com/latest", { signal: AbortSignal.timeout(3000) });',
          '};',
          '',
          'setInterval(() => {',
          '  refreshCache().then(() => console.log("rates refreshed"));',
          '}, 60_000);',
          '',
        ].join('\n'),
      },
    ],
    valid: [
      {
        code: [
          'async function sendReceipt(orderId: string): Promise<void> {',
          '  await fetch(`https://mail.example.com/receipts/${orderId}`, { method: "POST", signal: AbortSignal.timeout(5000) });',
          '}',
          '',
          'export async function completeOrder(orderId: string) {',
          '  await sendReceipt(orderId);',
          '  sendReceipt(orderId).catch((err) => console.error("receipt not sent", err));',
          '  // best effort: the nightly job resends receipts that were not delivered',
          '  void sendReceipt(orderId);',
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          'import { sendMail } from "./mailer";',
          '',
          'function audit(event: string): void {',
          '  console.log(event);',
          '}',
          '',
          'export function onSignup(email: string) {',
          '  audit("signup");',
          '  sendMail(email); // declared in another file: out of scope',
          '}',
          '',
        ].join('\n'),
      },
    ],
  },
  create(context) {
    // no `async` and no `Promise` in the text: nothing in this file can be declared to return one
    const text = context.sourceFile.text;
    if (!text.includes('async') && !text.includes('Promise')) return {};
    const checker = new FloatingChecker(context);
    return {
      ExpressionStatement: (node) => checker.statement(node as ts.ExpressionStatement),
    };
  },
});

type Options = { voidNeedsComment: boolean };

class FloatingChecker {
  private readonly sf: ts.SourceFile;
  private readonly facts: FileFacts;
  private readonly voidNeedsComment: boolean;

  constructor(private readonly ctx: RuleContext<Options>) {
    this.sf = ctx.sourceFile;
    this.facts = ctx.facts;
    this.voidNeedsComment = ctx.options.voidNeedsComment !== false;
  }

  statement(stmt: ts.ExpressionStatement): void {
    this.expression(stmt.expression, stmt);
  }

  /** Looks for floating calls in an expression whose value the statement throws away. */
  private expression(expr0: ts.Expression, stmt: ts.ExpressionStatement): void {
    const expr = skipOuterExpressions(expr0);
    if (ts.isCallExpression(expr)) {
      this.chain(expr, expr, false);
      return;
    }
    if (ts.isVoidExpression(expr)) {
      if (!this.voidNeedsComment || hasCommentNear(expr, stmt, this.sf)) return;
      const inner = skipOuterExpressions(expr.expression);
      if (ts.isCallExpression(inner)) this.chain(inner, expr, true);
      return;
    }
    if (ts.isBinaryExpression(expr)) {
      const op = expr.operatorToken.kind;
      // `ready && start()`: the right operand's value is thrown away with the statement's
      if (op === K.AmpersandAmpersandToken || op === K.BarBarToken || op === K.QuestionQuestionToken) this.expression(expr.right, stmt);
      else if (op === K.CommaToken) {
        this.expression(expr.left, stmt);
        this.expression(expr.right, stmt);
      }
      return;
    }
    if (ts.isConditionalExpression(expr)) {
      this.expression(expr.whenTrue, stmt);
      this.expression(expr.whenFalse, stmt);
    }
  }

  /**
   * Follows a `.then(…)` / `.finally(…)` chain down to the call that produced the promise. A
   * `.catch(handler)` or a `.then(ok, onRejected)` anywhere in the chain handles the rejection.
   */
  private chain(outer: ts.CallExpression, reportAt: ts.Node, voided: boolean): void {
    let call = outer;
    for (let i = 0; i < 16; i++) {
      const callee = skipOuterExpressions(call.expression);
      if (!ts.isPropertyAccessExpression(callee)) break;
      const method = callee.name.text;
      if (method === 'catch' && call.arguments.length >= 1 && !isNothing(call.arguments[0])) return;
      if (method === 'then' && call.arguments.length >= 2 && !isNothing(call.arguments[1])) return;
      if (method !== 'then' && method !== 'finally' && method !== 'catch') break;
      const receiver = skipOuterExpressions(callee.expression);
      if (!ts.isCallExpression(receiver)) return; // `promise.then(…)` on a value: not a call this rule judges
      call = receiver;
    }
    const target = this.promiseTarget(call);
    if (!target) return;
    const name = describeCallee(call, this.sf);
    const what = voided
      ? `${name} returns a promise that is discarded with \`void\` but no comment says why that is safe.`
      : call === outer
        ? `${name} returns a promise that nothing awaits, returns or handles.`
        : `${name} returns a promise whose chain has no rejection handler (no \`.catch(…)\`, no second argument to \`.then\`), and nothing awaits or returns it.`;
    this.ctx.report(reportAt, `${what} ${WHY} ${FIX}`, {
      related: [{ node: declarationName(target.declaration), message: target.how === 'async' ? 'declared `async` here' : 'declared to return a `Promise` here' }],
      fingerprintNode: call,
    });
  }

  // ---- what returns a promise ------------------------------------------------------------------

  /** The same-file declaration that makes `call` return a promise, if there is one. */
  private promiseTarget(call: ts.CallExpression): AsyncTarget | undefined {
    const callee = skipOuterExpressions(call.expression);
    // (async () => { … })()
    if (ts.isArrowFunction(callee) || ts.isFunctionExpression(callee)) return asyncFunction(callee);
    if (ts.isIdentifier(callee)) return this.identifierTarget(callee);
    if (ts.isPropertyAccessExpression(callee) || (ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression))) {
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : (callee.argumentExpression as ts.StringLiteralLike).text;
      const container = this.containerOf(skipOuterExpressions(callee.expression));
      if (!container) return undefined;
      return memberTarget(container, name, this.facts);
    }
    return undefined;
  }

  private identifierTarget(id: ts.Identifier): AsyncTarget | undefined {
    const decl = this.facts.resolver.declarationOf(id);
    if (!decl) return undefined;
    return declarationTarget(decl);
  }

  /**
   * The class or object literal whose members a receiver exposes: `this` (the enclosing class or
   * object literal), a local class name (statics), a variable holding `new C()` or an object
   * literal, a parameter or property typed with a local class, `this.service` typed that way.
   */
  private containerOf(receiver: ts.Expression): Container | undefined {
    if (receiver.kind === K.ThisKeyword) return thisContainer(receiver);
    if (ts.isIdentifier(receiver)) {
      const decl = this.facts.resolver.declarationOf(receiver);
      if (!decl) return undefined;
      if (ts.isClassDeclaration(decl)) return { kind: 'class', node: decl, statics: true };
      if (ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name)) return this.valueContainer(decl.initializer, decl.type);
      if (ts.isParameter(decl) && ts.isIdentifier(decl.name)) return this.valueContainer(undefined, decl.type);
      return undefined;
    }
    if (ts.isPropertyAccessExpression(receiver) && skipOuterExpressions(receiver.expression).kind === K.ThisKeyword) {
      const own = thisContainer(receiver.expression);
      if (!own || own.kind !== 'class') return undefined;
      const member = findMember(own.node, receiver.name.text);
      if (member && (ts.isPropertyDeclaration(member) || ts.isParameter(member))) {
        return this.valueContainer(ts.isPropertyDeclaration(member) ? member.initializer : undefined, member.type);
      }
    }
    return undefined;
  }

  private valueContainer(init: ts.Expression | undefined, type: ts.TypeNode | undefined): Container | undefined {
    if (init) {
      const v = skipOuterExpressions(init);
      if (ts.isObjectLiteralExpression(v)) return { kind: 'object', node: v };
      if (ts.isNewExpression(v) && ts.isIdentifier(v.expression)) {
        const cls = this.localClass(v.expression);
        if (cls) return { kind: 'class', node: cls, statics: false };
      }
    }
    if (type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
      const cls = this.localClass(type.typeName);
      if (cls) return { kind: 'class', node: cls, statics: false };
    }
    return undefined;
  }

  private localClass(name: ts.Identifier): ts.ClassDeclaration | undefined {
    const decl = this.facts.resolver.declarationOf(name);
    return decl && ts.isClassDeclaration(decl) ? decl : undefined;
  }
}

type Container = { kind: 'class'; node: ts.ClassLikeDeclaration; statics: boolean } | { kind: 'object'; node: ts.ObjectLiteralExpression };

/** The class (or object literal) that `this` refers to at `node`; undefined inside a plain `function`. */
function thisContainer(node: ts.Node): Container | undefined {
  const owner = (o: ts.Node | undefined): Container | undefined =>
    o && ts.isClassLike(o) ? { kind: 'class', node: o, statics: false } : o && ts.isObjectLiteralExpression(o) ? { kind: 'object', node: o } : undefined;
  for (let n = node.parent; n; n = n.parent) {
    // arrows keep the `this` of where they are written
    if (ts.isArrowFunction(n)) continue;
    if (ts.isMethodDeclaration(n) || ts.isGetAccessorDeclaration(n) || ts.isSetAccessorDeclaration(n) || ts.isConstructorDeclaration(n)) return owner(n.parent);
    // `name: function () { … }` in an object literal, or a class field initialised with one, is a method
    if (ts.isFunctionExpression(n)) return n.parent && (ts.isPropertyAssignment(n.parent) || ts.isPropertyDeclaration(n.parent)) ? owner(n.parent.parent) : undefined;
    // a plain function binds its own `this`
    if (ts.isFunctionDeclaration(n)) return undefined;
    // a class field initialiser (`onTick = () => this.run()`) or static block
    if (ts.isPropertyDeclaration(n) || ts.isClassStaticBlockDeclaration(n)) return owner(n.parent);
    if (ts.isClassLike(n) || ts.isSourceFile(n)) return undefined;
  }
  return undefined;
}

function memberTarget(container: Container, name: string, facts: FileFacts): AsyncTarget | undefined {
  if (container.kind === 'object') {
    for (const p of container.node.properties) {
      if (!p.name || propertyNameText(p.name) !== name) continue;
      if (ts.isMethodDeclaration(p)) return asyncFunction(p);
      if (ts.isPropertyAssignment(p)) {
        const v = skipOuterExpressions(p.initializer);
        if (ts.isArrowFunction(v) || ts.isFunctionExpression(v)) return asyncFunction(v);
        if (ts.isIdentifier(v)) {
          const decl = facts.resolver.declarationOf(v);
          return decl ? declarationTarget(decl) : undefined;
        }
      }
      if (ts.isShorthandPropertyAssignment(p)) {
        const decl = facts.resolver.declarationOf(p.name);
        return decl ? declarationTarget(decl) : undefined;
      }
      return undefined;
    }
    return undefined;
  }
  let cls: ts.ClassLikeDeclaration | undefined = container.node;
  for (let depth = 0; cls && depth <= MAX_BASE_CLASSES; depth++) {
    const member = findMember(cls, name);
    if (member) return memberDeclarationTarget(member);
    cls = localBaseClass(cls, facts);
  }
  return undefined;
}

function findMember(cls: ts.ClassLikeDeclaration, name: string): ts.Node | undefined {
  for (const m of cls.members) {
    if ((ts.isMethodDeclaration(m) || ts.isPropertyDeclaration(m)) && m.name && propertyNameText(m.name) === name) return m;
    if (ts.isConstructorDeclaration(m)) {
      for (const p of m.parameters) {
        if (ts.isIdentifier(p.name) && p.name.text === name && ts.getModifiers(p)?.some((x) => isParameterPropertyModifier(x.kind))) return p;
      }
    }
  }
  return undefined;
}

function isParameterPropertyModifier(kind: ts.SyntaxKind): boolean {
  return kind === K.PrivateKeyword || kind === K.PublicKeyword || kind === K.ProtectedKeyword || kind === K.ReadonlyKeyword;
}

function memberDeclarationTarget(member: ts.Node): AsyncTarget | undefined {
  if (ts.isMethodDeclaration(member)) {
    // overloads: the first signature with a return type decides, else the implementation
    return asyncFunction(member);
  }
  if (ts.isPropertyDeclaration(member)) {
    if (member.initializer) {
      const v = skipOuterExpressions(member.initializer);
      if (ts.isArrowFunction(v) || ts.isFunctionExpression(v)) return asyncFunction(v);
    }
    return member.type && returnsPromiseType(member.type) ? { declaration: member, how: 'Promise' } : undefined;
  }
  if (ts.isParameter(member)) return member.type && returnsPromiseType(member.type) ? { declaration: member, how: 'Promise' } : undefined;
  return undefined;
}

function localBaseClass(cls: ts.ClassLikeDeclaration, facts: FileFacts): ts.ClassLikeDeclaration | undefined {
  const ext = cls.heritageClauses?.find((h) => h.token === K.ExtendsKeyword)?.types[0];
  if (!ext || !ts.isIdentifier(ext.expression)) return undefined;
  const decl = facts.resolver.declarationOf(ext.expression);
  return decl && ts.isClassDeclaration(decl) ? decl : undefined;
}

/** A local declaration of a name called as `name()`. */
function declarationTarget(decl: ts.Node): AsyncTarget | undefined {
  if (ts.isFunctionDeclaration(decl)) return asyncFunction(decl);
  if (ts.isVariableDeclaration(decl)) {
    if (!ts.isIdentifier(decl.name)) return undefined;
    if (decl.type) return returnsPromiseType(decl.type) ? { declaration: decl, how: 'Promise' } : undefined;
    if (!decl.initializer) return undefined;
    const v = skipOuterExpressions(decl.initializer);
    if (ts.isArrowFunction(v) || ts.isFunctionExpression(v)) {
      const t = asyncFunction(v);
      return t && { ...t, declaration: decl };
    }
    return undefined;
  }
  if (ts.isParameter(decl)) {
    if (!ts.isIdentifier(decl.name) || !decl.type) return undefined;
    return returnsPromiseType(decl.type) ? { declaration: decl, how: 'Promise' } : undefined;
  }
  return undefined;
}

/** A function that returns a promise: `async` (not an async generator), or a declared `Promise<…>` return type. */
function asyncFunction(fn: FunctionNode): AsyncTarget | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn)) && fn.asteriskToken) return undefined;
  if (ts.getModifiers(fn as ts.HasModifiers)?.some((m) => m.kind === K.AsyncKeyword)) return { declaration: fn, how: 'async' };
  if (fn.type && isPromiseType(fn.type)) return { declaration: fn, how: 'Promise' };
  return undefined;
}

/** `Promise<T>` (not a union with something else, not `PromiseLike`, not a thenable). */
function isPromiseType(type: ts.TypeNode): boolean {
  let t = type;
  while (ts.isParenthesizedTypeNode(t)) t = t.type;
  return ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName) && t.typeName.text === 'Promise';
}

/** A function type whose return type is `Promise<…>`: `() => Promise<void>`, `{ (): Promise<void> }`. */
function returnsPromiseType(type: ts.TypeNode): boolean {
  let t = type;
  while (ts.isParenthesizedTypeNode(t)) t = t.type;
  if (ts.isFunctionTypeNode(t)) return isPromiseType(t.type);
  if (ts.isTypeLiteralNode(t) && t.members.length === 1) {
    const m = t.members[0];
    return ts.isCallSignatureDeclaration(m) && !!m.type && isPromiseType(m.type);
  }
  return false;
}

function propertyNameText(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

/** `undefined` or `null` as a handler argument: no handler at all. */
function isNothing(e: ts.Expression): boolean {
  const v = skipOuterExpressions(e);
  return v.kind === K.NullKeyword || (ts.isIdentifier(v) && v.text === 'undefined');
}

/**
 * A comment that explains a `void`: on the statement's line (before or after it, or between `void`
 * and the call) or on the line directly above.
 */
function hasCommentNear(voidExpr: ts.VoidExpression, stmt: ts.ExpressionStatement, sf: ts.SourceFile): boolean {
  const text = sf.text;
  const line = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line;
  const stmtLine = line(stmt.getStart(sf));
  const leading = ts.getLeadingCommentRanges(text, stmt.pos) ?? [];
  if (leading.some((c) => line(c.end) >= stmtLine - 1)) return true;
  const trailing = ts.getTrailingCommentRanges(text, stmt.end) ?? [];
  if (trailing.some((c) => line(c.pos) === line(stmt.end))) return true;
  // `void /* best effort */ warm()`
  const inner = voidExpr.expression.pos;
  return (ts.getTrailingCommentRanges(text, inner) ?? []).length > 0 || (ts.getLeadingCommentRanges(text, inner) ?? []).length > 0;
}

function declarationName(decl: ts.Node): ts.Node {
  if ((ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl) || ts.isPropertyDeclaration(decl) || ts.isVariableDeclaration(decl) || ts.isParameter(decl)) && decl.name) return decl.name;
  if (isFunctionNode(decl) && decl.parent && (ts.isVariableDeclaration(decl.parent) || ts.isPropertyDeclaration(decl.parent) || ts.isPropertyAssignment(decl.parent))) return decl.parent.name;
  return decl;
}

/** `` `sendReceipt(…)` ``, `` `this.notifyWarehouse(…)` `` or a phrase for an async IIFE, to open the message. */
function describeCallee(call: ts.CallExpression, sf: ts.SourceFile): string {
  const callee = skipOuterExpressions(call.expression);
  if (ts.isArrowFunction(callee) || ts.isFunctionExpression(callee)) return 'This immediately invoked async function';
  const text = callee.getText(sf).replace(/\s+/g, ' ');
  return `\`${text.length > 60 ? `${text.slice(0, 57)}…` : text}(…)\``;
}
