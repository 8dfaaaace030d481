// Is a string expression built only from constants? Used by the injection rules (sql-injection,
// command-injection) to tell a template or concatenation whose pieces are all fixed text from one
// that carries a value a caller could control. The answer comes from the syntax of one file:
// literals, `const` declarations with literal values (followed through their initializers), enum
// members, allow-list lookups in constant objects, numbers, and a few string-building idioms whose
// result cannot carry text from outside (`ids.map((_, i) => `$${i + 1}`).join(', ')`).
import { ts } from 'ts-morph';
import { isFunctionNode, skipOuterExpressions, walk } from '../../engine/ast';
import type { FileFacts } from '../../engine/fileFacts';

const MAX_DEPTH = 10;

/** Calls whose result is a number or boolean: they cannot carry text into a query or a command. */
const NUMERIC_FUNCTIONS = new Set(['Number', 'parseInt', 'parseFloat', 'Boolean', 'isNaN', 'isFinite']);
const NUMERIC_STATICS: Record<string, RegExp> = {
  Math: /^[a-z0-9]+$/i,
  Number: /^(parseInt|parseFloat|isInteger|isSafeInteger|isFinite|isNaN)$/,
  Date: /^(now|parse|UTC)$/,
};
/** Methods on a value that return a number or boolean, whatever the value is. */
const NUMERIC_METHODS = new Set(['indexOf', 'lastIndexOf', 'includes', 'startsWith', 'endsWith', 'getTime', 'valueOf', 'charCodeAt', 'localeCompare', 'findIndex', 'some', 'every', 'has']);
/** Methods that keep a constant string constant. */
const STRING_METHODS = new Set(['toUpperCase', 'toLowerCase', 'trim', 'trimStart', 'trimEnd', 'toString', 'padStart', 'padEnd', 'repeat', 'slice', 'substring', 'replace', 'replaceAll', 'concat', 'normalize', 'toFixed', 'toPrecision']);
/** Array methods whose callback's second parameter is the element's index. */
const INDEXED_CALLBACK_METHODS = new Set(['map', 'forEach', 'filter', 'flatMap', 'some', 'every', 'find', 'findIndex']);

export interface StaticTextOptions {
  /** Names of functions whose result is taken as safe (escapers, quoters, allow-list lookups). */
  safeCall?: (name: string) => boolean;
}

/**
 * Answers "which piece of this expression is not a constant?" for the string-building
 * expressions the injection rules look at. Results are cached per node and per declaration.
 */
export class StaticText {
  private readonly cache = new Map<ts.Node, ts.Expression | null>();
  private readonly arrayCache = new Map<ts.Node, ts.Expression | null>();
  private readonly letCache = new Map<ts.Node, ts.Expression | null>();
  private readonly active = new Set<ts.Node>();

  constructor(
    private readonly facts: FileFacts,
    private readonly options: StaticTextOptions = {},
  ) {}

  /** The first part of `expr` that is not a constant, or undefined when all of it is constant. */
  firstNonConstant(expr: ts.Expression): ts.Expression | undefined {
    return this.check(expr, 0);
  }

  isConstant(expr: ts.Expression): boolean {
    return this.check(expr, 0) === undefined;
  }

  private check(expr0: ts.Expression, depth: number): ts.Expression | undefined {
    const expr = skipOuterExpressions(expr0);
    const cached = this.cache.get(expr);
    if (cached !== undefined) return cached ?? undefined;
    if (depth > MAX_DEPTH || this.active.has(expr)) return expr;
    this.active.add(expr);
    let result: ts.Expression | undefined;
    try {
      result = this.compute(expr, depth);
    } finally {
      this.active.delete(expr);
    }
    this.cache.set(expr, result ?? null);
    return result;
  }

  private compute(expr: ts.Expression, depth: number): ts.Expression | undefined {
    switch (expr.kind) {
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      case ts.SyntaxKind.NumericLiteral:
      case ts.SyntaxKind.BigIntLiteral:
      case ts.SyntaxKind.TrueKeyword:
      case ts.SyntaxKind.FalseKeyword:
      case ts.SyntaxKind.NullKeyword:
        return undefined;
    }
    if (ts.isTemplateExpression(expr)) {
      for (const span of expr.templateSpans) {
        const bad = this.check(span.expression, depth + 1);
        if (bad) return bad;
      }
      return undefined;
    }
    if (ts.isBinaryExpression(expr)) return this.binary(expr, depth);
    if (ts.isConditionalExpression(expr)) return this.check(expr.whenTrue, depth + 1) ?? this.check(expr.whenFalse, depth + 1);
    if (ts.isPrefixUnaryExpression(expr) || ts.isPostfixUnaryExpression(expr)) return undefined; // -x, !x, ~x, i++: numbers and booleans
    if (ts.isTypeOfExpression(expr) || ts.isVoidExpression(expr)) return undefined;
    if (ts.isIdentifier(expr)) return this.identifier(expr, depth);
    if (ts.isPropertyAccessExpression(expr)) return this.property(expr, depth);
    if (ts.isElementAccessExpression(expr)) return this.element(expr, depth);
    if (ts.isCallExpression(expr)) return this.call(expr, depth);
    if (ts.isArrayLiteralExpression(expr)) {
      for (const el of expr.elements) {
        const bad = ts.isSpreadElement(el) ? this.check(el.expression, depth + 1) : this.check(el, depth + 1);
        if (bad) return bad;
      }
      return undefined;
    }
    return expr;
  }

  private binary(expr: ts.BinaryExpression, depth: number): ts.Expression | undefined {
    switch (expr.operatorToken.kind) {
      case ts.SyntaxKind.PlusToken:
      case ts.SyntaxKind.QuestionQuestionToken:
      case ts.SyntaxKind.BarBarToken:
      case ts.SyntaxKind.AmpersandAmpersandToken:
      case ts.SyntaxKind.CommaToken:
        return (expr.operatorToken.kind === ts.SyntaxKind.CommaToken ? undefined : this.check(expr.left, depth + 1)) ?? this.check(expr.right, depth + 1);
      case ts.SyntaxKind.EqualsToken:
      case ts.SyntaxKind.PlusEqualsToken:
        return expr;
      default:
        // arithmetic, comparisons, bit operations, instanceof, in: numbers and booleans
        return undefined;
    }
  }

  private identifier(id: ts.Identifier, depth: number): ts.Expression | undefined {
    const decl = this.facts.resolver.declarationOf(id);
    if (!decl) return id.text === 'undefined' || id.text === 'NaN' || id.text === 'Infinity' ? undefined : id;
    if (ts.isParameter(decl)) return isIndexParameter(decl) ? undefined : id;
    if (ts.isEnumDeclaration(decl)) return undefined;
    if (ts.isVariableDeclaration(decl)) {
      if (!ts.isIdentifier(decl.name)) {
        // const { a, b } = CONSTANTS: follow the object literal when it is visible
        return this.destructured(decl, id, depth);
      }
      const list = decl.parent;
      const isConst = ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
      // a numeric loop counter: for (let i = 0; …; i++)
      if (!isConst && ts.isVariableDeclarationList(list) && ts.isForStatement(list.parent) && decl.initializer && ts.isNumericLiteral(skipOuterExpressions(decl.initializer))) {
        return undefined;
      }
      if (!decl.initializer) return id;
      if (isConst) {
        const init = skipOuterExpressions(decl.initializer);
        if (ts.isArrayLiteralExpression(init)) return this.arrayBuiltLocally(decl, id, depth);
        return this.check(init, depth + 1) ? id : undefined;
      }
      return this.letBuiltLocally(decl, id, depth);
    }
    return id;
  }

  private destructured(decl: ts.VariableDeclaration, id: ts.Identifier, depth: number): ts.Expression | undefined {
    const list = decl.parent;
    if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0 || !decl.initializer) return id;
    if (!ts.isObjectBindingPattern(decl.name)) return id;
    const el = decl.name.elements.find((e) => ts.isIdentifier(e.name) && e.name.text === id.text);
    if (!el || el.dotDotDotToken) return id;
    const key = el.propertyName ? (ts.isIdentifier(el.propertyName) || ts.isStringLiteral(el.propertyName) ? el.propertyName.text : undefined) : id.text;
    const obj = key === undefined ? undefined : this.objectLiteralOf(decl.initializer, depth + 1);
    const prop = obj && key !== undefined ? findProperty(obj, key) : undefined;
    if (!prop) return id;
    return this.check(prop, depth + 1) ? id : undefined;
  }

  /**
   * A `const parts = []` (or a literal of constants) whose every change in its scope is a
   * `push`/`unshift` of constants: `parts.join(' AND ')` is then constant too.
   */
  private arrayBuiltLocally(decl: ts.VariableDeclaration, id: ts.Identifier, depth: number): ts.Expression | undefined {
    const cached = this.arrayCache.get(decl);
    if (cached !== undefined) return cached ? id : undefined;
    this.arrayCache.set(decl, id); // while checking: a self-reference is not constant
    const name = (decl.name as ts.Identifier).text;
    let bad: ts.Expression | undefined = this.check(decl.initializer!, depth + 1);
    const scope = declaringScope(decl);
    if (!bad && scope) {
      walk(scope, (n) => {
        if (!ts.isIdentifier(n) || n.text !== name || n === decl.name || isPropertyName(n)) return true;
        if (this.facts.resolver.declarationOf(n) !== decl) return true;
        const parent = n.parent;
        if (ts.isPropertyAccessExpression(parent) && parent.expression === n) {
          const method = parent.name.text;
          const call = parent.parent;
          if ((method === 'push' || method === 'unshift') && ts.isCallExpression(call) && call.expression === parent) {
            for (const a of call.arguments) {
              const b = ts.isSpreadElement(a) ? this.check(a.expression, depth + 1) : this.check(a, depth + 1);
              if (b) {
                bad = b;
                return 'stop';
              }
            }
            return true;
          }
          if (/^(length|join|map|filter|slice|concat|includes|indexOf|some|every|forEach|at|find|findIndex|entries|keys|values|flat|flatMap|reduce|toString)$/.test(method)) return true;
          bad = n;
          return 'stop';
        }
        if (ts.isElementAccessExpression(parent) && parent.expression === n) {
          const assign = parent.parent;
          if (ts.isBinaryExpression(assign) && assign.left === parent && assign.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && assign.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
            const b = this.check(assign.right, depth + 1);
            if (b) {
              bad = b;
              return 'stop';
            }
          }
          return true;
        }
        if (ts.isSpreadElement(parent) || ts.isTemplateSpan(parent)) return true;
        // handed to something else, which may add anything
        bad = n;
        return 'stop';
      });
    }
    this.arrayCache.set(decl, bad ? id : null);
    return bad ? id : undefined;
  }

  /** `let sql = '…'; sql += …;`: constant when the initializer and every assignment in its scope are. */
  private letBuiltLocally(decl: ts.VariableDeclaration, id: ts.Identifier, depth: number): ts.Expression | undefined {
    const cached = this.letCache.get(decl);
    if (cached !== undefined) return cached ?? undefined;
    this.letCache.set(decl, id);
    const name = (decl.name as ts.Identifier).text;
    let bad: ts.Expression | undefined = decl.initializer ? this.check(decl.initializer, depth + 1) : undefined;
    const scope = declaringScope(decl);
    if (!bad && scope) {
      walk(scope, (n) => {
        if (!ts.isBinaryExpression(n)) return true;
        const op = n.operatorToken.kind;
        if (op !== ts.SyntaxKind.EqualsToken && op !== ts.SyntaxKind.PlusEqualsToken) return true;
        const left = skipOuterExpressions(n.left);
        if (!ts.isIdentifier(left) || left.text !== name || this.facts.resolver.declarationOf(left) !== decl) return true;
        const b = this.check(n.right, depth + 1);
        if (b) {
          bad = b;
          return 'stop';
        }
        return true;
      });
    }
    this.letCache.set(decl, bad ? id : null);
    return bad ? id : undefined;
  }

  /** Pieces of a `let` string that are not constant, each with the assignment that added it. */
  nonConstantAssignments(decl: ts.VariableDeclaration): { node: ts.Node; culprit: ts.Expression }[] {
    const out: { node: ts.Node; culprit: ts.Expression }[] = [];
    if (!ts.isIdentifier(decl.name)) return out;
    const name = decl.name.text;
    if (decl.initializer) {
      const b = this.check(decl.initializer, 0);
      if (b) out.push({ node: decl, culprit: b });
    }
    const scope = declaringScope(decl);
    if (!scope) return out;
    walk(scope, (n) => {
      if (!ts.isBinaryExpression(n)) return true;
      const op = n.operatorToken.kind;
      if (op !== ts.SyntaxKind.EqualsToken && op !== ts.SyntaxKind.PlusEqualsToken) return true;
      const left = skipOuterExpressions(n.left);
      if (!ts.isIdentifier(left) || left.text !== name || this.facts.resolver.declarationOf(left) !== decl) return true;
      const b = this.check(n.right, 0);
      if (b) out.push({ node: n, culprit: b });
      return true;
    });
    return out;
  }

  private property(expr: ts.PropertyAccessExpression, depth: number): ts.Expression | undefined {
    const name = expr.name.text;
    if (name === 'length' || name === 'size') return undefined;
    const base = skipOuterExpressions(expr.expression);
    // Enum.Member
    if (ts.isIdentifier(base)) {
      const decl = this.facts.resolver.declarationOf(base);
      if (decl && ts.isEnumDeclaration(decl)) return undefined;
    }
    const obj = this.objectLiteralOf(base, depth + 1);
    if (!obj) return expr;
    const value = findProperty(obj, name);
    if (!value) return expr;
    return this.check(value, depth + 1) ? expr : undefined;
  }

  /** `ALLOWED_SORTS[key]`: a lookup in a constant object or array gives one of its constant values. */
  private element(expr: ts.ElementAccessExpression, depth: number): ts.Expression | undefined {
    const base = skipOuterExpressions(expr.expression);
    const arg = skipOuterExpressions(expr.argumentExpression);
    if (ts.isArrayLiteralExpression(base)) return this.check(base, depth + 1) ? expr : undefined;
    if (ts.isIdentifier(base)) {
      const decl = this.facts.resolver.declarationOf(base);
      if (decl && ts.isEnumDeclaration(decl)) return undefined;
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer && ts.isIdentifier(decl.name) && isConstDeclaration(decl)) {
        const init = skipOuterExpressions(decl.initializer);
        if (ts.isArrayLiteralExpression(init)) return this.check(init, depth + 1) ? expr : undefined;
      }
    }
    const obj = this.objectLiteralOf(base, depth + 1);
    if (!obj) return expr;
    if (ts.isStringLiteralLike(arg)) {
      const value = findProperty(obj, arg.text);
      return value && !this.check(value, depth + 1) ? undefined : expr;
    }
    // a key chosen at run time: every value must be constant, and nothing may be spread in
    for (const p of obj.properties) {
      if (ts.isPropertyAssignment(p)) {
        if (this.check(p.initializer, depth + 1)) return expr;
      } else if (ts.isShorthandPropertyAssignment(p)) {
        if (this.check(p.name, depth + 1)) return expr;
      } else {
        return expr;
      }
    }
    return undefined;
  }

  private call(expr: ts.CallExpression, depth: number): ts.Expression | undefined {
    const callee = skipOuterExpressions(expr.expression);
    if (ts.isIdentifier(callee)) {
      const local = this.facts.isLocal(callee.text, expr);
      if (!local && NUMERIC_FUNCTIONS.has(callee.text)) return undefined;
      if (!local && callee.text === 'String' && expr.arguments.length === 1) return this.check(expr.arguments[0], depth + 1) ? expr : undefined;
      if (this.options.safeCall?.(callee.text)) return undefined;
      // a helper of this file whose every return is constant: placeholders(n), orderClause(sort)
      const fn = this.localFunction(callee);
      if (fn && this.callbackReturnsConstant(fn, depth + 1)) return undefined;
      return expr;
    }
    if (!ts.isPropertyAccessExpression(callee)) return expr;
    const method = callee.name.text;
    const receiver = skipOuterExpressions(callee.expression);
    if (ts.isIdentifier(receiver) && NUMERIC_STATICS[receiver.text]?.test(method) && !this.facts.isLocal(receiver.text, expr)) return undefined;
    if (NUMERIC_METHODS.has(method)) return undefined;
    if (this.options.safeCall?.(method)) return undefined;
    if (method === 'join') {
      if (expr.arguments.length && this.check(expr.arguments[0], depth + 1)) return expr;
      return this.arrayElementsConstant(receiver, depth + 1) ? undefined : expr;
    }
    if (STRING_METHODS.has(method)) {
      if (this.check(receiver, depth + 1)) return expr;
      for (const a of expr.arguments) if (this.check(a, depth + 1)) return expr;
      return undefined;
    }
    return expr;
  }

  /** The elements of an array expression are all constants (also through `.map`, `.fill`, `Array.from`). */
  private arrayElementsConstant(arr0: ts.Expression, depth: number): boolean {
    const arr = skipOuterExpressions(arr0);
    if (depth > MAX_DEPTH) return false;
    if (ts.isArrayLiteralExpression(arr) || ts.isIdentifier(arr)) return !this.check(arr, depth);
    if (ts.isCallExpression(arr)) {
      const callee = skipOuterExpressions(arr.expression);
      if (!ts.isPropertyAccessExpression(callee)) return false;
      const method = callee.name.text;
      const receiver = skipOuterExpressions(callee.expression);
      if (method === 'map' || method === 'flatMap') {
        const fn = arr.arguments[0] && skipOuterExpressions(arr.arguments[0]);
        return !!fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && this.callbackReturnsConstant(fn, depth);
      }
      if (method === 'fill') return arr.arguments.length > 0 && !this.check(arr.arguments[0], depth);
      if (method === 'from' && ts.isIdentifier(receiver) && receiver.text === 'Array') {
        const fn = arr.arguments[1] && skipOuterExpressions(arr.arguments[1]);
        return !!fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && this.callbackReturnsConstant(fn, depth);
      }
      if (/^(filter|slice|concat|reverse|sort|flat)$/.test(method)) {
        if (method === 'concat' && arr.arguments.some((a) => !this.arrayElementsConstant(a, depth + 1))) return false;
        return this.arrayElementsConstant(receiver, depth + 1);
      }
      if (method === 'keys' && ts.isIdentifier(receiver) && receiver.text === 'Object') return false;
    }
    return false;
  }

  private callbackReturnsConstant(fn: ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration, depth: number): boolean {
    if (!fn.body) return false;
    if (!ts.isBlock(fn.body)) return !this.check(fn.body, depth + 1);
    let ok = true;
    let any = false;
    walk(fn.body, (n) => {
      if (isFunctionNode(n)) return false;
      if (ts.isReturnStatement(n)) {
        any = true;
        if (!n.expression || this.check(n.expression, depth + 1)) {
          ok = false;
          return 'stop';
        }
      }
      return true;
    });
    return ok && any;
  }

  private localFunction(callee: ts.Identifier): ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | undefined {
    const decl = this.facts.resolver.declarationOf(callee);
    if (!decl) return undefined;
    if (ts.isFunctionDeclaration(decl)) return decl.body ? decl : undefined;
    if (ts.isVariableDeclaration(decl) && decl.initializer && isConstDeclaration(decl)) {
      const init = skipOuterExpressions(decl.initializer);
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
    }
    return undefined;
  }

  /** The object literal a constant reference stands for: `const COLUMNS = { … } as const`, `COLUMNS.sort`. */
  private objectLiteralOf(expr0: ts.Expression, depth: number): ts.ObjectLiteralExpression | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const expr = skipOuterExpressions(expr0);
    if (ts.isObjectLiteralExpression(expr)) return expr;
    if (ts.isIdentifier(expr)) {
      const decl = this.facts.resolver.declarationOf(expr);
      if (decl && ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name) && decl.initializer && isConstDeclaration(decl)) {
        return this.objectLiteralOf(decl.initializer, depth + 1);
      }
      return undefined;
    }
    if (ts.isPropertyAccessExpression(expr)) {
      const obj = this.objectLiteralOf(expr.expression, depth + 1);
      const value = obj && findProperty(obj, expr.name.text);
      return value ? this.objectLiteralOf(value, depth + 1) : undefined;
    }
    if (ts.isCallExpression(expr)) {
      // Object.freeze({ … })
      const callee = skipOuterExpressions(expr.expression);
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'freeze' && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object' && expr.arguments.length === 1) {
        return this.objectLiteralOf(expr.arguments[0], depth + 1);
      }
    }
    return undefined;
  }
}

/** `(_, i) => …` passed to `.map`/`.forEach`/… or `Array.from(x, (_, i) => …)`: `i` is a number. */
function isIndexParameter(p: ts.ParameterDeclaration): boolean {
  const fn = p.parent;
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  const index = fn.parameters.indexOf(p);
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call)) return false;
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const method = callee.name.text;
  if (INDEXED_CALLBACK_METHODS.has(method)) return index === 1 && call.arguments[0] === fn;
  if (method === 'reduce' || method === 'reduceRight') return index === 2 && call.arguments[0] === fn;
  if (method === 'from' && ts.isIdentifier(callee.expression) && callee.expression.text === 'Array') return index === 1 && call.arguments[1] === fn;
  return false;
}

/** An identifier that names a property or a key, not a variable. */
function isPropertyName(n: ts.Identifier): boolean {
  const p = n.parent;
  return (
    (ts.isPropertyAccessExpression(p) && p.name === n) ||
    ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isPropertySignature(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p)) && p.name === n) ||
    (ts.isBindingElement(p) && p.propertyName === n) ||
    ts.isQualifiedName(p) ||
    ts.isTypeReferenceNode(p)
  );
}

function isConstDeclaration(decl: ts.VariableDeclaration): boolean {
  const list = decl.parent;
  return ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
}

/** The value of a named property in an object literal (not through spreads, getters or methods). */
function findProperty(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (let i = obj.properties.length - 1; i >= 0; i--) {
    const p = obj.properties[i];
    if (ts.isSpreadAssignment(p)) return undefined; // a later spread could override an earlier key; be safe
    const n = p.name;
    const key = n && (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n)) ? n.text : undefined;
    if (key !== name) continue;
    if (ts.isPropertyAssignment(p)) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p)) return p.name;
    return undefined;
  }
  return undefined;
}

/** The block, function or file a variable is declared in: where its later assignments can be. */
function declaringScope(decl: ts.VariableDeclaration): ts.Node | undefined {
  for (let n: ts.Node | undefined = decl.parent; n; n = n.parent) {
    if (ts.isBlock(n) || ts.isSourceFile(n) || isFunctionNode(n) || ts.isModuleBlock(n) || ts.isCaseClause(n) || ts.isDefaultClause(n)) {
      return n;
    }
  }
  return undefined;
}
