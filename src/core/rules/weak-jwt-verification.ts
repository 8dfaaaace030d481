// weak-jwt-verification: jsonwebtoken used so that a forged or stale token passes. `jwt.verify`
// without an `algorithms` list, with `'none'` among the algorithms, or with `ignoreExpiration:
// true`; and `jwt.decode` (which checks nothing) whose result decides access: its claims tested in
// an `if` / ternary / `switch`, returned from an auth function, guard or middleware, or stored on
// the request as the caller's identity. jsonwebtoken is recognised through any import style.
import { ts } from 'ts-morph';
import { enclosingFunction, getProperty, hasSpread, isFunctionNode, skipOuterExpressions, walk, type FunctionNode } from '../engine/ast';
import type { FileFacts } from '../engine/fileFacts';
import { defineRule } from '../engine/rule';
import { constInitializer } from './shared/dataAccess';

/** Libraries that verify tokens with jsonwebtoken and pass these options through to it. */
const JWT_WRAPPERS = /['"](?:passport-jwt|@nestjs\/jwt|@nestjs\/passport|express-jwt|koa-jwt|@fastify\/jwt|fastify-jwt)['"]/;

/** Claims that say nothing about who the caller is or what they may do. */
const NEUTRAL_CLAIMS = new Set(['exp', 'iat', 'nbf', 'jti', 'header', 'kid', 'alg', 'typ', 'signature']);
/** Names of functions whose result is an access decision or the caller's identity. */
const AUTH_FUNCTION = /auth|guard|canactivate|middleware|permission|role|admin|access|protect|require|ensure|allowed|isloggedin|currentuser|principal|identity|login|verify|check(?!out)/i;
/** Predicates (`isAdmin`, `hasRole`, `canRefund`): auth functions when they read a claim. */
const PREDICATE = /^(?:is|has|can|may)[A-Z]/;
/** Where a request keeps the caller's identity: `req.user = …`, `res.locals.claims = …`, `ctx.state.user = …`. */
const IDENTITY_TARGET = /^(?:req|request|ctx\.request|context\.req|event)\.(?:user|auth|claims|identity|principal|session|account|currentUser|jwt|token|payload)\b|^res\.locals\.|^response\.locals\.|^ctx\.state\./;

/** Claims that name the caller or what they may do: used to pick data, they decide access. */
const IDENTITY_CLAIMS = new Set(['sub', 'id', 'userId', 'user_id', 'uid', 'email', 'username', 'tenantId', 'tenant', 'orgId', 'organizationId', 'accountId', 'role', 'roles', 'permissions', 'scope', 'scopes', 'isAdmin', 'admin', 'groups']);
/** Properties of a returned context object that carry the caller's identity (`context: () => ({ user: … })`). */
const IDENTITY_PROPERTIES = /^(?:user|currentUser|auth|claims|identity|principal|viewer|account|session)$/;
/** Data-access calls: a claim passed to them decides which records the caller reaches. */
const DATA_LOOKUP = /^(?:find|get|load|fetch|read|list|count|update|delete|remove|destroy|upsert|where|select|aggregate)(?:[A-Z_]\w*)?$/;
/** Names of functions that return who the caller is: `getUserId`, `currentUser`, `tenantFromRequest`. */
const IDENTITY_FUNCTION = /(?:user|caller|tenant|owner|account|principal|identity|subject|viewer)(?:_?ids?)?(?:From\w+)?$/i;

type Problem = 'no-algorithms' | 'none' | 'ignore-expiration';

export const weakJwtVerification = defineRule({
  id: 'weak-jwt-verification',
  category: 'permissions',
  defaultSeverity: 'HIGH',
  title: 'JWT accepted without a real check',
  requiresTypeInfo: false,
  options: {},
  docs: {
    summary:
      'Flags jsonwebtoken `verify` calls without an `algorithms` list, with `none` among the algorithms or with `ignoreExpiration: true` (the last two also in the options of passport-jwt, `@nestjs/jwt` and other jsonwebtoken wrappers), and `jwt.decode` whose result decides access (its claims tested in a condition, returned from an auth function or guard, or stored as the request\u2019s user).',
    why:
      'A token is only as good as its check. `decode` reads claims that anyone can write; `none` accepts unsigned tokens; a missing `algorithms` list lets the token\u2019s own header choose how it is checked, which is how algorithm-confusion forgeries work; `ignoreExpiration` keeps a stolen token valid forever and makes logout and role removal meaningless. Each turns authentication into a formality an attacker can pass with a text editor.',
    fix:
      'Verify every token before trusting it, pinning the algorithm you sign with: `jwt.verify(token, key, { algorithms: [\'RS256\'], issuer, audience })`. Keep expiry on (short-lived access tokens, refresh tokens for long sessions). Use `jwt.decode` only to read the header (`kid`) before verifying, never to decide access.',
    invalid: [
      { code: "import jwt from 'jsonwebtoken';\n\nexport function claimsOf(token: string, secret: string) {\n  return jwt.verify(token, secret);\n}\n" },
      {
        code: "import jwt from 'jsonwebtoken';\n\nexport function requireAdmin(req: any, res: any, next: () => void) {\n  const claims = jwt.decode(String(req.headers.authorization)) as { role?: string } | null;\n  if (claims?.role !== 'admin') return res.status(403).end();\n  next();\n}\n",
      },
      { code: "const jwt = require('jsonwebtoken');\n\nmodule.exports = (token, key) => jwt.verify(token, key, { algorithms: ['RS256'], ignoreExpiration: true });\n" },
    ],
    valid: [
      { code: "import jwt from 'jsonwebtoken';\n\nexport const claimsOf = (token: string, secret: string) => jwt.verify(token, secret, { algorithms: ['HS256'] });\n" },
      {
        code: "import jwt from 'jsonwebtoken';\n\n// decode to read the key id, then verify with that key\nexport function verifyWithKeySet(token: string, keys: Record<string, string>) {\n  const decoded = jwt.decode(token, { complete: true });\n  if (!decoded) throw new Error('malformed token');\n  return jwt.verify(token, keys[String(decoded.header.kid)], { algorithms: ['RS256'] });\n}\n",
      },
      { code: "import jwt from 'jsonwebtoken';\n\n// client side: schedule a refresh a minute before expiry\nexport function refreshDelay(token: string) {\n  const payload = jwt.decode(token) as { exp: number };\n  return payload.exp * 1000 - Date.now() - 60_000;\n}\n" },
    ],
  },
  create(context) {
    const text = context.sourceFile.text;
    const usesJsonwebtoken = text.includes('jsonwebtoken');
    // libraries that verify with jsonwebtoken underneath and take the same options
    const usesWrapper = (text.includes('jwt') || text.includes('passport')) && JWT_WRAPPERS.test(text);
    if (!usesJsonwebtoken && !usesWrapper) return {};
    const facts = context.facts;
    const verifyCache = new Map<ts.Node, boolean>();

    return {
      PropertyAssignment: (node: ts.Node) => {
        // passport-jwt `super({ …, ignoreExpiration: true })`, `JwtModule.register({ verifyOptions: { algorithms: ['none'] } })`
        if (!usesWrapper) return;
        const p = node as ts.PropertyAssignment;
        const name = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : undefined;
        if (name !== 'ignoreExpiration' && name !== 'algorithms') return;
        const problem = name === 'ignoreExpiration' ? (skipOuterExpressions(p.initializer).kind === ts.SyntaxKind.TrueKeyword ? 'ignore-expiration' : undefined) : allowsNone(p.initializer, facts) ? 'none' : undefined;
        if (!problem) return;
        const call = optionsCall(p);
        if (!call || (ts.isCallExpression(call) && jwtFunction(call, facts))) return; // jsonwebtoken's own calls are judged above
        context.report(p, verifyMessage(wrapperDisplay(call), [problem]));
      },
      CallExpression: (node: ts.Node) => {
        const call = node as ts.CallExpression;
        const fn = jwtFunction(call, facts);
        if (fn === 'verify') {
          const problems = verifyProblems(call, facts);
          if (problems.length) context.report(call, verifyMessage(calleeText(call, 'jwt.verify'), problems));
        } else if (fn === 'decode') {
          const scope = enclosingFunction(call);
          if (scope && alsoVerifies(scope, facts, verifyCache)) return;
          const use = accessDecision(call, scope, facts);
          if (use) context.report(call, decodeMessage(calleeText(call, 'jwt.decode'), use));
        }
      },
    };
  },
});

function jwtFunction(call: ts.CallExpression, facts: FileFacts): 'verify' | 'decode' | undefined {
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isIdentifier(callee) && !ts.isPropertyAccessExpression(callee) && !ts.isElementAccessExpression(callee)) return undefined;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (name !== undefined && !/verify|decode/i.test(name)) return undefined;
  return jsonwebtokenFunction(callee, facts) ?? (ts.isIdentifier(callee) ? promisifiedVerify(callee, facts) : undefined);
}

/** `const verifyAsync = promisify(jwt.verify)`: the same checks, through a promise. */
function promisifiedVerify(callee: ts.Identifier, facts: FileFacts): 'verify' | undefined {
  const init = constInitializer(facts, callee);
  const e = init && skipOuterExpressions(init);
  if (!e || !ts.isCallExpression(e) || e.arguments.length !== 1) return undefined;
  const p = skipOuterExpressions(e.expression);
  const name = ts.isIdentifier(p) ? p.text : ts.isPropertyAccessExpression(p) ? p.name.text : undefined;
  if (name !== 'promisify') return undefined;
  const inner = skipOuterExpressions(e.arguments[0]);
  if (!ts.isIdentifier(inner) && !ts.isPropertyAccessExpression(inner) && !ts.isElementAccessExpression(inner)) return undefined;
  return jsonwebtokenFunction(inner, facts) === 'verify' ? 'verify' : undefined;
}

function jsonwebtokenFunction(callee: ts.Identifier | ts.PropertyAccessExpression | ts.ElementAccessExpression, facts: FileFacts): 'verify' | 'decode' | undefined {
  const origin = facts.originOf(callee);
  if (!origin || origin.module !== 'jsonwebtoken') return undefined;
  const path = origin.path.filter((s) => s !== 'default');
  if (path.length !== 1) return undefined;
  return path[0] === 'verify' || path[0] === 'decode' ? path[0] : undefined;
}

// ---- verify ----------------------------------------------------------------------------------

function verifyProblems(call: ts.CallExpression, facts: FileFacts): Problem[] {
  const args = call.arguments;
  if (args.length < 2 || args.some((a) => ts.isSpreadElement(a))) return [];
  const third = args[2] && skipOuterExpressions(args[2]);
  if (!third || ts.isArrowFunction(third) || ts.isFunctionExpression(third)) return ['no-algorithms'];
  const obj = objectLiteralOf(third, facts);
  if (!obj) return []; // options the rule cannot see
  const problems: Problem[] = [];
  const algorithms = getProperty(obj, 'algorithms');
  if (!algorithms) {
    if (!hasSpread(obj)) problems.push('no-algorithms');
  } else if (ts.isPropertyAssignment(algorithms) || ts.isShorthandPropertyAssignment(algorithms)) {
    const list = arrayLiteralOf(ts.isPropertyAssignment(algorithms) ? algorithms.initializer : algorithms.name, facts);
    if (list?.elements.some((e) => ts.isStringLiteralLike(e) && e.text.toLowerCase() === 'none')) problems.push('none');
  }
  const ignore = getProperty(obj, 'ignoreExpiration');
  if (ignore && ts.isPropertyAssignment(ignore) && skipOuterExpressions(ignore.initializer).kind === ts.SyntaxKind.TrueKeyword) problems.push('ignore-expiration');
  return problems;
}

/** An `algorithms` list (written in place or in a `const`) with `'none'` in it. */
function allowsNone(value: ts.Expression, facts: FileFacts): boolean {
  const list = arrayLiteralOf(value, facts);
  return !!list?.elements.some((e) => ts.isStringLiteralLike(e) && e.text.toLowerCase() === 'none');
}

/** The call (or `new`, or `super(…)`) an options object is written for, through nested option objects. */
function optionsCall(p: ts.PropertyAssignment): ts.CallExpression | ts.NewExpression | undefined {
  let n: ts.Node = p.parent;
  for (let i = 0; i < 6 && n; i++) {
    const parent: ts.Node = n.parent;
    if (ts.isObjectLiteralExpression(n) && parent && (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(n)) return parent;
    if (ts.isObjectLiteralExpression(n) && parent && ts.isPropertyAssignment(parent)) {
      n = parent.parent;
      continue;
    }
    if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent)) {
      n = parent;
      continue;
    }
    return undefined;
  }
  return undefined;
}

function wrapperDisplay(call: ts.CallExpression | ts.NewExpression): string {
  const text = call.expression.getText().replace(/\s+/g, '');
  return text.length <= 30 && !text.includes('(') ? text : 'the JWT verifier';
}

function objectLiteralOf(e0: ts.Expression, facts: FileFacts): ts.ObjectLiteralExpression | undefined {
  const e = skipOuterExpressions(e0);
  if (ts.isObjectLiteralExpression(e)) return e;
  if (ts.isIdentifier(e)) {
    const init = constInitializer(facts, e);
    const v = init && skipOuterExpressions(init);
    return v && ts.isObjectLiteralExpression(v) ? v : undefined;
  }
  return undefined;
}

function arrayLiteralOf(e0: ts.Expression, facts: FileFacts): ts.ArrayLiteralExpression | undefined {
  const e = skipOuterExpressions(e0);
  if (ts.isArrayLiteralExpression(e)) return e;
  if (ts.isIdentifier(e)) {
    const init = constInitializer(facts, e);
    const v = init && skipOuterExpressions(init);
    return v && ts.isArrayLiteralExpression(v) ? v : undefined;
  }
  return undefined;
}

// ---- decode ----------------------------------------------------------------------------------

/** The function also verifies a token: the decode only reads the header (`kid`) first. */
function alsoVerifies(fn: FunctionNode, facts: FileFacts, cache: Map<ts.Node, boolean>): boolean {
  const cached = cache.get(fn);
  if (cached !== undefined) return cached;
  let found = false;
  walk(fn, (n) => {
    if (ts.isCallExpression(n) && jwtFunction(n, facts) === 'verify') {
      found = true;
      return 'stop';
    }
    return true;
  });
  cache.set(fn, found);
  return found;
}

interface AccessUse {
  /** Where the decision is made, for the message. */
  how: string;
}

/** Does the decoded value (or one of its identity claims) decide access? */
function accessDecision(call: ts.CallExpression, scope: FunctionNode | undefined, facts: FileFacts): AccessUse | undefined {
  // the expression the decode result flows into, through casts, `?.`/`.` reads and `!`
  // (also `token ? jwt.decode(token) : null` and `jwt.decode(token) ?? {}`: the result still flows on)
  let e: ts.Node = call;
  for (;;) {
    const p = e.parent;
    if (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p) || ts.isTypeAssertionExpression(p) || ts.isSatisfiesExpression(p)) e = p;
    else if (ts.isConditionalExpression(p) && p.condition !== e) e = p;
    else if (ts.isBinaryExpression(p) && p.left === e && (p.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || p.operatorToken.kind === ts.SyntaxKind.BarBarToken)) e = p;
    else break;
  }
  const parent = e.parent;

  // const claims = jwt.decode(…)  /  const { role, sub } = jwt.decode(…)
  if (ts.isVariableDeclaration(parent) && parent.initializer === e) {
    if (ts.isIdentifier(parent.name)) return variableDecision(parent, parent.name.text, undefined, scope, facts);
    if (ts.isObjectBindingPattern(parent.name)) {
      for (const el of parent.name.elements) {
        if (!ts.isIdentifier(el.name) || el.dotDotDotToken) continue;
        const claim = el.propertyName && (ts.isIdentifier(el.propertyName) || ts.isStringLiteral(el.propertyName)) ? el.propertyName.text : el.name.text;
        if (NEUTRAL_CLAIMS.has(claim)) continue;
        const use = variableDecision(parent, el.name.text, claim, scope, facts);
        if (use) return use;
      }
    }
    return undefined;
  }
  // used in place: if (jwt.decode(t)?.role === 'admin'), return jwt.decode(t), req.user = jwt.decode(t)
  return referenceDecision(e, claimRead(e), scope, facts);
}

/** The claim read right after a reference: `claims.role`, `claims?.['role']`, `decoded.payload.role`. */
function claimRead(ref: ts.Node): { claim?: string; top: ts.Node } {
  let top: ts.Node = ref;
  let claim: string | undefined;
  for (;;) {
    const p = top.parent;
    if (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p)) {
      top = p;
      continue;
    }
    if (ts.isPropertyAccessExpression(p) && p.expression === top) {
      const name = p.name.text;
      top = p;
      if (claim === undefined && name === 'payload') continue; // decode(…, { complete: true }).payload.role
      if (claim === undefined) claim = name;
      continue;
    }
    if (ts.isElementAccessExpression(p) && p.expression === top && ts.isStringLiteralLike(p.argumentExpression)) {
      top = p;
      if (claim === undefined) claim = p.argumentExpression.text;
      continue;
    }
    break;
  }
  return { claim, top };
}

function variableDecision(decl: ts.VariableDeclaration, name: string, boundClaim: string | undefined, scope: FunctionNode | undefined, facts: FileFacts, depth = 0): AccessUse | undefined {
  const body: ts.Node = scope ?? decl.getSourceFile();
  let result: AccessUse | undefined;
  walk(body, (n) => {
    if (!ts.isIdentifier(n) || n.text !== name) return true;
    const p = n.parent;
    if ((ts.isPropertyAccessExpression(p) && p.name === n) || (ts.isVariableDeclaration(p) && p.name === n) || ts.isBindingElement(p) || (ts.isPropertyAssignment(p) && p.name === n)) return true;
    const d = facts.resolver.declarationOf(n);
    if (d !== decl) return true;
    const read = claimRead(n);
    const claim = boundClaim ?? read.claim;
    result = referenceDecision(n, { claim, top: read.top }, scope, facts, depth);
    return result ? 'stop' : true;
  });
  return result;
}

/** Is this read of the decoded value (or of `claim` in it) an access decision? */
function referenceDecision(ref: ts.Node, read: { claim?: string; top: ts.Node }, scope: FunctionNode | undefined, facts?: FileFacts, depth = 0): AccessUse | undefined {
  const { claim, top } = read;
  if (claim !== undefined && NEUTRAL_CLAIMS.has(claim)) return undefined;
  const authFunction = !!scope && isAuthFunction(scope, claim !== undefined);
  const what = claim ? `\`${claim}\`` : 'the decoded token';
  for (let n: ts.Node = top; n !== scope; n = n.parent) {
    const p = n.parent;
    if (!p) break;
    if (p === scope) {
      // the concise body of the function itself: its return value
      const identity = isIdentityFunction(p as FunctionNode) && claim !== undefined && IDENTITY_CLAIMS.has(claim);
      if (ts.isArrowFunction(p) && p.body === n && (authFunction || identity)) return { how: `${what} is returned from \`${functionName(p) ?? 'an auth function'}\`` };
      return undefined;
    }
    // a callback inside the expression (`roles.some((r) => claims.roles.includes(r))`): keep going up
    if (isFunctionNode(p)) continue;
    // the caller's identity in a returned context object: `context: ({ req }) => ({ user: jwt.decode(…) })`
    if (ts.isPropertyAssignment(p) && p.initializer === n && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && IDENTITY_PROPERTIES.test(p.name.text) && claim === undefined) {
      const target = returnedOrStored(p.parent);
      if (target) return { how: `${what} becomes the caller\u2019s \`${p.name.text}\` ${target}` };
    }
    // a claim that picks the records the caller reaches: `findMany({ where: { userId: sub } })`
    if (ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression) && claim !== undefined && IDENTITY_CLAIMS.has(claim)) {
      const callee = skipOuterExpressions(p.expression);
      const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
      if (method && DATA_LOOKUP.test(method)) return { how: `${what} picks the records \`${method}\` reads or changes` };
    }
    // a condition: claims tested (a bare existence test only counts in an auth function)
    if ((ts.isIfStatement(p) && p.expression === n) || (ts.isConditionalExpression(p) && p.condition === n) || (ts.isSwitchStatement(p) && p.expression === n) || (ts.isWhileStatement(p) && p.expression === n)) {
      if (claim !== undefined || authFunction) return { how: `${what} is tested in a condition` };
      return undefined;
    }
    // returned from an auth function, guard or middleware, or the caller's identity returned from a request reader
    if (ts.isReturnStatement(p) && p.expression === n) {
      if (enclosingFunction(p) !== scope) return undefined;
      const identity = !!scope && isIdentityFunction(scope) && claim !== undefined && IDENTITY_CLAIMS.has(claim);
      return authFunction || identity ? { how: `${what} is returned from \`${functionName(scope!) ?? 'an auth function'}\`` } : undefined;
    }
    // stored as the caller's identity
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === n) {
      const target = p.left.getText().replace(/\s+/g, '').replace(/\?\./g, '.');
      return IDENTITY_TARGET.test(target) ? { how: `${what} is stored as \`${target}\`` } : undefined;
    }
    // const isAdmin = claims.role === 'admin'; if (isAdmin) …: follow the derived value once
    if (ts.isVariableDeclaration(p) && p.initializer === n && ts.isIdentifier(p.name) && facts && depth < 2 && claim !== undefined) {
      return variableDecision(p, p.name.text, claim, scope, facts, depth + 1);
    }
    if (ts.isStatement(p) || ts.isVariableDeclaration(p)) return undefined;
  }
  return undefined;
}

/** An object literal returned from a function (or its concise body), or stored as the request's identity. */
function returnedOrStored(obj: ts.Node): string | undefined {
  let n: ts.Node = obj;
  while (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isSatisfiesExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (ts.isReturnStatement(p)) return 'in the object this function returns';
  if (ts.isArrowFunction(p) && p.body === n) return 'in the object this function returns';
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === n) {
    const target = p.left.getText().replace(/\s+/g, '').replace(/\?\./g, '.');
    if (IDENTITY_TARGET.test(target) || /^(?:req|request|ctx|context)$/.test(target)) return `in \`${target}\``;
  }
  return undefined;
}

/** A function whose name says it returns who the caller is (`getUserId(req)`, `currentUser`). */
function isIdentityFunction(fn: FunctionNode): boolean {
  const name = functionName(fn);
  return !!name && IDENTITY_FUNCTION.test(name);
}

function functionName(fn: FunctionNode): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn)) && fn.name && (ts.isIdentifier(fn.name) || ts.isStringLiteral(fn.name))) return fn.name.text;
  const p = fn.parent;
  if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (p && ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return p.name.text;
  if (p && ts.isPropertyDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  return undefined;
}

/** An auth function, guard or middleware: by name, or by the `(req, res, next)` shape. */
function isAuthFunction(fn: FunctionNode, readsClaim: boolean): boolean {
  const name = functionName(fn);
  if (name && (AUTH_FUNCTION.test(name) || (readsClaim && PREDICATE.test(name)))) return true;
  const params = fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ''));
  return params.length >= 3 && /^(next|done|cb)$/.test(params[params.length - 1]) && /^(req|request)$/.test(params[0]);
}

// ---- messages --------------------------------------------------------------------------------

function calleeText(call: ts.CallExpression, fallback: string): string {
  const text = call.expression.getText().replace(/\s+/g, '');
  return text.length <= 30 && !text.includes('(') ? text : fallback;
}

function verifyMessage(display: string, problems: Problem[]): string {
  const parts: string[] = [];
  const fixes: string[] = [];
  if (problems.includes('no-algorithms')) {
    parts.push(
      `\`${display}(…)\` is called without an \`algorithms\` list, so the token\u2019s own header picks the algorithm it is checked with; that is how algorithm-confusion forgeries (an HS256 token signed with the public RSA key) get through.`,
    );
    fixes.push("pass the algorithm you sign with (`{ algorithms: ['RS256'] }`)");
  }
  if (problems.includes('none')) {
    parts.push(`\`${display}(…)\` allows the \`none\` algorithm, which accepts unsigned tokens: anyone can write their own claims.`);
    fixes.push("remove `'none'` from `algorithms`");
  }
  if (problems.includes('ignore-expiration')) {
    parts.push(`\`${display}(…)\` sets \`ignoreExpiration: true\`, so a token stays valid forever: a leaked token never stops working, and logging out or losing a role never takes effect.`);
    fixes.push('drop `ignoreExpiration` and issue short-lived tokens with a refresh flow');
  }
  return `${parts.join(' ')} A forged or stale token then passes as a real user, admin included. To fix it, ${fixes.join(', and ')}.`;
}

function decodeMessage(display: string, use: AccessUse): string {
  return (
    `\`${display}(…)\` only parses the token and checks nothing, yet here ${use.how}. ` +
    'Anyone can write a token with any claims (`{"role":"admin"}`) and no valid signature, so this check can be passed by everyone. ' +
    "Decide on the result of `jwt.verify(token, key, { algorithms: ['HS256'] })` instead."
  );
}
