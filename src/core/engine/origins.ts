// Where does a value come from? Follows an expression back to an import, a `require`, a global,
// a constructor call or a declared type annotation, without node_modules and without a type
// checker: only the syntax of the one file. The answer is an Origin: the module and the path
// of property accesses, calls (`()`) and constructions (`new`) from the module's value.
import { ts } from 'ts-morph';

export interface Origin {
  /** Import source with any `node:` prefix removed; '' for a global. */
  module: string;
  /** Steps from the module value: property names, '()' for a call result, 'new' for a construction. */
  path: string[];
  /** Set when the value is known only through a type annotation (`repo: Repository<User>`). */
  typeName?: string;
}

export const CALL = '()';
/** The step origins give the client parameter of `prisma.$transaction(async (tx) => …)`. */
export const PRISMA_TX = '$transaction:tx';

/** A Prisma interactive-transaction client behaves like the client it came from: the path without its tx step. */
export function withoutPrismaTx(path: string[]): string[] {
  const i = path.indexOf(PRISMA_TX);
  return i >= 0 ? [...path.slice(0, i), ...path.slice(i + 1)] : path;
}
export const NEW = 'new';

const MAX_DEPTH = 12;

/** Shared, never written: the binding path of a plain name, and the declarations of a scope that has none. */
const NO_PATH: string[] = [];
const NO_DECLS: ReadonlyMap<string, Decl> = new Map<string, Decl>();

type Decl =
  | { kind: 'import'; module: string; path: string[] }
  | { kind: 'variable'; node: ts.VariableDeclaration; bindingPath: string[] }
  | { kind: 'parameter'; node: ts.ParameterDeclaration; bindingPath: string[] }
  | { kind: 'local'; node: ts.Node };

function normaliseModule(spec: string): string {
  return spec.startsWith('node:') ? spec.slice(5) : spec;
}

/** Strips parentheses, type assertions, non-null assertions and `satisfies`. */
export function skipOuterExpressions(node: ts.Expression): ts.Expression {
  let n: ts.Expression = node;
  for (;;) {
    if (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isNonNullExpression(n) || ts.isTypeAssertionExpression(n) || ts.isSatisfiesExpression(n)) {
      n = n.expression;
    } else {
      return n;
    }
  }
}

/** Names bound by a binding name, each with the property path that leads to it. */
function bindingNames(name: ts.BindingName, prefix: string[], out: { name: string; path: string[] }[]): void {
  if (ts.isIdentifier(name)) {
    out.push({ name: name.text, path: prefix });
  } else if (ts.isObjectBindingPattern(name)) {
    for (const el of name.elements) {
      if (el.dotDotDotToken) {
        bindingNames(el.name, prefix, out);
        continue;
      }
      const prop = el.propertyName ?? (ts.isIdentifier(el.name) ? el.name : undefined);
      const key = prop && (ts.isIdentifier(prop) || ts.isStringLiteral(prop)) ? prop.text : '?';
      bindingNames(el.name, [...prefix, key], out);
    }
  } else {
    name.elements.forEach((el, i) => {
      if (ts.isBindingElement(el)) bindingNames(el.name, [...prefix, String(i)], out);
    });
  }
}

function isScope(node: ts.Node): boolean {
  return (
    ts.isSourceFile(node) ||
    ts.isBlock(node) ||
    ts.isModuleBlock(node) ||
    ts.isCaseClause(node) ||
    ts.isDefaultClause(node) ||
    ts.isFunctionLike(node) ||
    ts.isForStatement(node) ||
    ts.isForOfStatement(node) ||
    ts.isForInStatement(node) ||
    ts.isCatchClause(node) ||
    ts.isClassLike(node)
  );
}

/**
 * Per-file resolver. Scopes are indexed lazily, once each, the first time a name is looked up
 * from inside them, so a file whose rules never ask costs nothing.
 */
export class OriginResolver {
  private readonly scopes = new Map<ts.Node, ReadonlyMap<string, Decl>>();
  private readonly originCache = new Map<ts.Node, Origin | null>();
  private readonly memberCache = new Map<ts.Node, Map<string, ts.Node>>();

  constructor(private readonly sourceFile: ts.SourceFile) {}

  /** Drops every cached entry (see FileFacts.release). */
  release(): void {
    this.scopes.clear();
    this.originCache.clear();
    this.memberCache.clear();
  }

  // ---- declarations -------------------------------------------------------------------

  private scopeDecls(scope: ts.Node): ReadonlyMap<string, Decl> {
    const known = this.scopes.get(scope);
    if (known) return known;
    // most scopes declare nothing: they share one empty map, and a plain name needs no path array
    let map: Map<string, Decl> | undefined;
    const add = (name: string, decl: Decl) => {
      map ??= new Map();
      if (!map.has(name)) map.set(name, decl);
    };
    const addVarList = (list: ts.VariableDeclarationList) => {
      for (const d of list.declarations) {
        if (ts.isIdentifier(d.name)) {
          add(d.name.text, { kind: 'variable', node: d, bindingPath: NO_PATH });
          continue;
        }
        const names: { name: string; path: string[] }[] = [];
        bindingNames(d.name, [], names);
        for (const n of names) add(n.name, { kind: 'variable', node: d, bindingPath: n.path });
      }
    };
    const addStatements = (statements: readonly ts.Statement[]) => {
      for (const s of statements) {
        if (ts.isVariableStatement(s)) addVarList(s.declarationList);
        else if (ts.isFunctionDeclaration(s) && s.name) add(s.name.text, { kind: 'local', node: s });
        else if (ts.isClassDeclaration(s) && s.name) add(s.name.text, { kind: 'local', node: s });
        else if (ts.isEnumDeclaration(s)) add(s.name.text, { kind: 'local', node: s });
        else if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) && s.importClause) {
          const module = normaliseModule(s.moduleSpecifier.text);
          const clause = s.importClause;
          if (clause.name) add(clause.name.text, { kind: 'import', module, path: [] });
          const nb = clause.namedBindings;
          if (nb && ts.isNamespaceImport(nb)) add(nb.name.text, { kind: 'import', module, path: [] });
          else if (nb && ts.isNamedImports(nb)) {
            for (const el of nb.elements) {
              const imported = (el.propertyName ?? el.name).text;
              add(el.name.text, { kind: 'import', module, path: imported === 'default' ? [] : [imported] });
            }
          }
        } else if (ts.isImportEqualsDeclaration(s) && ts.isExternalModuleReference(s.moduleReference) && ts.isStringLiteral(s.moduleReference.expression)) {
          add(s.name.text, { kind: 'import', module: normaliseModule(s.moduleReference.expression.text), path: [] });
        } else if (ts.isExportDeclaration(s) || ts.isExportAssignment(s)) {
          // nothing bound locally
        }
      }
    };
    if (ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope)) {
      addStatements(scope.statements);
    } else if (ts.isFunctionLike(scope)) {
      for (const p of scope.parameters) {
        if (ts.isIdentifier(p.name)) {
          add(p.name.text, { kind: 'parameter', node: p, bindingPath: NO_PATH });
          continue;
        }
        const names: { name: string; path: string[] }[] = [];
        bindingNames(p.name, [], names);
        for (const n of names) add(n.name, { kind: 'parameter', node: p, bindingPath: n.path });
      }
      // a named function expression binds its own name inside itself
      if ((ts.isFunctionExpression(scope) || ts.isClassExpression(scope)) && scope.name) add(scope.name.text, { kind: 'local', node: scope });
      // function bodies that are expressions have no statements; blocks are their own scope
    } else if (ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) {
      const init = scope.initializer;
      if (init && ts.isVariableDeclarationList(init)) addVarList(init);
    } else if (ts.isCatchClause(scope)) {
      if (scope.variableDeclaration) {
        const names: { name: string; path: string[] }[] = [];
        bindingNames(scope.variableDeclaration.name, [], names);
        for (const n of names) add(n.name, { kind: 'local', node: scope.variableDeclaration });
      }
    }
    const decls = map ?? NO_DECLS;
    this.scopes.set(scope, decls);
    return decls;
  }

  /** The declaration a name refers to at `from`, or undefined for a global / unknown name. */
  private lookup(name: string, from: ts.Node): Decl | undefined {
    for (let n: ts.Node | undefined = from; n; n = n.parent) {
      if (!isScope(n)) continue;
      const d = this.scopeDecls(n).get(name);
      if (d) return d;
    }
    return undefined;
  }

  /** True when `name` is declared anywhere in scope at `from` (so it is not the global of that name). */
  isDeclared(name: string, from: ts.Node): boolean {
    return this.lookup(name, from) !== undefined;
  }

  /** The declaration node of an identifier (variable declaration, parameter, function, class…), if local. */
  declarationOf(id: ts.Identifier): ts.Node | undefined {
    const d = this.lookup(id.text, id);
    if (!d || d.kind === 'import') return undefined;
    return d.node;
  }

  // ---- origins ----------------------------------------------------------------------

  /** Where the value of `expr` comes from, or undefined when syntax cannot tell. */
  originOf(expr: ts.Expression): Origin | undefined {
    return this.origin(expr, 0);
  }

  private origin(expr0: ts.Expression, depth: number): Origin | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const expr = skipOuterExpressions(expr0);
    const cached = this.originCache.get(expr);
    if (cached !== undefined) return cached ?? undefined;
    const result = this.computeOrigin(expr, depth);
    this.originCache.set(expr, result ?? null);
    return result;
  }

  private computeOrigin(expr: ts.Expression, depth: number): Origin | undefined {
    if (ts.isIdentifier(expr)) return this.identifierOrigin(expr, depth);
    if (ts.isPropertyAccessExpression(expr)) {
      if (expr.expression.kind === ts.SyntaxKind.ThisKeyword) return this.thisMemberOrigin(expr.name.text, expr, depth + 1);
      const base = this.origin(expr.expression, depth + 1);
      // `ns.default` on a namespace import or a require is the module's default export
      if (base && base.module && !base.path.length && !base.typeName && expr.name.text === 'default') return base;
      return base && { ...base, path: [...base.path, expr.name.text] };
    }
    if (ts.isElementAccessExpression(expr) && ts.isStringLiteralLike(expr.argumentExpression)) {
      const base = this.origin(expr.expression, depth + 1);
      return base && { ...base, path: [...base.path, expr.argumentExpression.text] };
    }
    if (ts.isCallExpression(expr)) {
      const callee = skipOuterExpressions(expr.expression);
      if (ts.isIdentifier(callee) && callee.text === 'require' && expr.arguments.length === 1 && ts.isStringLiteralLike(expr.arguments[0]) && !this.isDeclared('require', expr)) {
        return { module: normaliseModule(expr.arguments[0].text), path: [] };
      }
      if (callee.kind === ts.SyntaxKind.ImportKeyword && expr.arguments.length >= 1 && ts.isStringLiteralLike(expr.arguments[0])) {
        return { module: normaliseModule(expr.arguments[0].text), path: [] };
      }
      const base = this.origin(callee, depth + 1);
      return base && { ...base, path: [...base.path, CALL] };
    }
    if (ts.isNewExpression(expr)) {
      const base = this.origin(expr.expression, depth + 1);
      return base && { ...base, path: [...base.path, NEW] };
    }
    if (ts.isAwaitExpression(expr)) return this.origin(expr.expression, depth + 1);
    // `globalForPrisma.prisma ?? new PrismaClient()`, `mongoose.models.User || mongoose.model('User', s)`:
    // a cached instance or a fresh one of the same thing; the construction on the right says what it is
    if (ts.isBinaryExpression(expr) && (expr.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || expr.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
      const right = skipOuterExpressions(expr.right);
      if (ts.isNewExpression(right) || ts.isCallExpression(right)) return this.origin(right, depth + 1);
      return undefined;
    }
    if (expr.kind === ts.SyntaxKind.ThisKeyword) return undefined;
    return undefined;
  }

  private identifierOrigin(id: ts.Identifier, depth: number): Origin | undefined {
    // `this.x` is handled by thisMemberOrigin through property access on `this`
    const d = this.lookup(id.text, id);
    if (!d) return { module: '', path: [id.text] };
    switch (d.kind) {
      case 'import':
        return { module: d.module, path: dropDefault(d.path) };
      case 'variable': {
        const decl = d.node;
        let base: Origin | undefined;
        if (decl.initializer) base = this.origin(decl.initializer, depth + 1);
        if (!base && decl.type) base = this.typeOrigin(decl.type, decl, depth + 1);
        if (!base) return undefined;
        return { ...base, path: dropDefault([...base.path, ...d.bindingPath]) };
      }
      case 'parameter': {
        const p = d.node;
        let base: Origin | undefined;
        if (p.type) base = this.typeOrigin(p.type, p, depth + 1);
        if (!base) base = this.callbackParameterOrigin(p, depth + 1);
        if (!base) return undefined;
        return { ...base, path: [...base.path, ...d.bindingPath] };
      }
      case 'local': {
        // `class User extends Model {}`: the class's statics are the base's statics
        const n = d.node;
        if (ts.isClassDeclaration(n)) {
          const ext = n.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
          const base = ext && this.origin(ext.expression, depth + 1);
          if (base) return { ...base, path: [...base.path, 'subclass'] };
        }
        return undefined;
      }
    }
  }

  /** `prisma.$transaction(async (tx) => …)`, `dataSource.transaction(async (manager) => …)`: tx is a client too. */
  private callbackParameterOrigin(p: ts.ParameterDeclaration, depth: number): Origin | undefined {
    const fn = p.parent;
    if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
    const call = fn.parent;
    if (!call || !ts.isCallExpression(call) || !call.arguments.includes(fn)) return undefined;
    const callee = skipOuterExpressions(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const method = callee.name.text;
    if (method !== '$transaction' && method !== 'transaction') return undefined;
    const receiver = this.origin(callee.expression, depth + 1);
    if (!receiver) return undefined;
    // the callback's first parameter is a transactional client of the same library
    if (fn.parameters.indexOf(p) !== fn.parameters.length - 1 && method === 'transaction' && fn.parameters.length > 1) {
      // TypeORM's transaction('SERIALIZABLE', async (manager) => …): the manager is the last parameter
      return undefined;
    }
    return { ...receiver, path: [...receiver.path, `${method}:tx`] };
  }

  /** An instance of the type named by a type annotation (`Repository<User>`, `Prisma.TransactionClient`, `PrismaService`). */
  typeOrigin(type: ts.TypeNode, at: ts.Node, depth: number): Origin | undefined {
    if (depth > MAX_DEPTH) return undefined;
    if (!ts.isTypeReferenceNode(type)) return undefined;
    const names: string[] = [];
    let tn: ts.EntityName = type.typeName;
    while (ts.isQualifiedName(tn)) {
      names.unshift(tn.right.text);
      tn = tn.left;
    }
    names.unshift(tn.text);
    const typeName = names[names.length - 1];
    const d = this.lookup(names[0], at);
    if (d?.kind === 'import') return { module: d.module, path: [...dropDefault([...d.path, ...names.slice(1)]), NEW], typeName };
    if (d?.kind === 'local' && ts.isClassDeclaration(d.node)) {
      const ext = d.node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
      if (ext) {
        const base = this.origin(ext.expression, depth + 1);
        if (base) return { ...base, path: [...base.path, NEW], typeName };
      }
    }
    return { module: '?', path: [typeName, NEW], typeName };
  }

  /** Origin of `this.<name>` inside the class enclosing `at`: a typed or initialised property, or a constructor parameter property. */
  thisMemberOrigin(name: string, at: ts.Node, depth = 0): Origin | undefined {
    if (depth > MAX_DEPTH) return undefined;
    let cls: ts.Node | undefined = at.parent;
    while (cls && !ts.isClassLike(cls)) cls = cls.parent;
    if (!cls || !ts.isClassLike(cls)) return undefined;
    let members = this.memberCache.get(cls);
    if (!members) {
      members = new Map();
      for (const m of cls.members) {
        if (ts.isPropertyDeclaration(m) && (ts.isIdentifier(m.name) || ts.isPrivateIdentifier(m.name))) members.set(m.name.text, m);
        // `get roles() { return this.dataSource.getRepository(Role); }`
        if (ts.isGetAccessorDeclaration(m) && (ts.isIdentifier(m.name) || ts.isPrivateIdentifier(m.name)) && !members.has(m.name.text)) members.set(m.name.text, m);
        if (ts.isConstructorDeclaration(m)) {
          for (const p of m.parameters) {
            if (ts.isIdentifier(p.name) && ts.getModifiers(p)?.some((x) => x.kind === ts.SyntaxKind.PrivateKeyword || x.kind === ts.SyntaxKind.PublicKeyword || x.kind === ts.SyntaxKind.ProtectedKeyword || x.kind === ts.SyntaxKind.ReadonlyKeyword)) {
              members.set(p.name.text, p);
            }
          }
        }
      }
      // constructor assignments `this.x = new Pool()` when the property has no initializer
      const ctor = cls.members.find(ts.isConstructorDeclaration);
      if (ctor?.body) {
        for (const s of ctor.body.statements) {
          if (ts.isExpressionStatement(s) && ts.isBinaryExpression(s.expression) && s.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
            const left = s.expression.left;
            if (ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword) {
              const existing = members.get(left.name.text);
              if (!existing || (ts.isPropertyDeclaration(existing) && !existing.type && !existing.initializer)) members.set(left.name.text, s.expression);
            }
          }
        }
      }
      this.memberCache.set(cls, members);
    }
    const m = members.get(name);
    if (!m) return undefined;
    if (ts.isPropertyDeclaration(m)) {
      if (m.initializer) {
        const o = this.origin(m.initializer, depth + 1);
        if (o) return o;
      }
      return m.type ? this.typeOrigin(m.type, m, depth + 1) : undefined;
    }
    if (ts.isParameter(m)) return m.type ? this.typeOrigin(m.type, m, depth + 1) : undefined;
    if (ts.isBinaryExpression(m)) return this.origin(m.right, depth + 1);
    if (ts.isGetAccessorDeclaration(m)) {
      // a getter whose body is one `return <expr>`: the value is that expression's
      const only = m.body?.statements.length === 1 ? m.body.statements[0] : undefined;
      if (only && ts.isReturnStatement(only) && only.expression) return this.origin(only.expression, depth + 1);
      return m.type ? this.typeOrigin(m.type, m, depth + 1) : undefined;
    }
    return undefined;
  }
}

function dropDefault(path: string[]): string[] {
  return path[0] === 'default' ? path.slice(1) : path;
}
