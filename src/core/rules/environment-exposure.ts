// environment-exposure: the whole `process.env` (not one variable) sent to a client or written to a
// log. Sinks: response calls (`res.json`, `res.send`, `reply.send`, `c.json`, `Response.json`,
// `NextResponse.json`, `new Response(…)`), Koa's `ctx.body = …`, the return value of a NestJS
// controller route method or of a route handler, and logging calls (console, pino, winston,
// NestJS Logger, `logger.*` by name, `process.stdout.write`). The environment may be wrapped:
// `{ env: process.env }`, `{ ...process.env }`, `JSON.stringify(process.env)`, a template, a
// local `const env = process.env`.
import { ts } from 'ts-morph';
import { isFunctionNode, skipOuterExpressions, type FunctionNode } from '../engine/ast';
import type { FileFacts } from '../engine/fileFacts';
import { defineRule } from '../engine/rule';

const RESPONSE_RECEIVER = /^(?:res|response|reply|resp|rep|ctx|context|c|h|event)$/;
const RESPONSE_METHODS = new Set(['json', 'send', 'end', 'write', 'jsonp', 'text', 'html', 'body', 'response', 'status', 'code', 'header', 'set', 'type']);
/** The calls that put their argument into the response body. */
const BODY_METHODS = new Set(['json', 'send', 'end', 'write', 'jsonp', 'text', 'html', 'body', 'response']);
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options']);
const NEST_ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Head', 'Options', 'Sse']);
/** Wrappers that carry all of their argument's values into their result. */
const CARRIERS = new Set(['stringify', 'inspect', 'format', 'assign', 'entries', 'values', 'fromEntries', 'structuredClone', 'freeze']);

const WHOLE_ENV_TEXT =
  /process\s*\.\s*env(?!\s*(?:\.|\[|\?\.\s*[\w[]))|\benv\b[^=;]*\}\s*=\s*(?:globalThis\.)?process\b|process\s*\[\s*['"]env['"]\s*\](?!\s*(?:\.|\[))|['"](?:node:)?process['"]/;

type Sink = { kind: 'log' | 'response' | 'return'; display: string; assignment?: boolean };

export const environmentExposure = defineRule({
  id: 'environment-exposure',
  category: 'security',
  defaultSeverity: 'CRITICAL',
  title: 'Whole process.env sent in a response or written to a log',
  requiresTypeInfo: false,
  options: {},
  docs: {
    summary:
      'Flags the whole `process.env` object (not one variable) sent in an HTTP response (`res.json`, `res.send`, `ctx.body`, `reply.send`, `Response.json`, a route handler\u2019s or NestJS controller method\u2019s return value) or written to a log (`console.log`, `logger.info`, …), also wrapped in an object, a spread, `JSON.stringify` or a template.',
    why:
      'The environment is where a service keeps its database URL, cloud keys, payment keys and signing secrets. Sent in a response, it hands all of them to anyone who finds the route; written to a log, it copies them into a system that keeps them for months, ships them to third parties and lets far more people read them than the secrets manager ever would.',
    fix:
      'Send or log only named, non-secret settings (`{ region: process.env.AWS_REGION, version: process.env.GIT_SHA }`), or the variable names alone (`Object.keys(process.env)`) when debugging configuration. Remove debug routes that dump the environment, and rotate what they may have exposed.',
    invalid: [
      { code: "import { Router } from 'express';\n\nexport const debug = Router();\ndebug.get('/debug/env', (_req, res) => {\n  res.json(process.env);\n});\n" },
      { code: "import pino from 'pino';\nconst logger = pino();\n\nexport function start() {\n  logger.debug({ env: process.env }, 'effective environment');\n}\n" },
      { code: "console.log(JSON.stringify(process.env, null, 2));\n" },
    ],
    valid: [
      { code: "import { Router } from 'express';\n\nexport const admin = Router();\nadmin.get('/runtime', (_req, res) => {\n  res.json({ node: process.version, region: process.env.AWS_REGION });\n});\n" },
      { code: "console.log('configured variables:', Object.keys(process.env).sort().join(', '));\n" },
      { code: "import { spawn } from 'node:child_process';\n\nexport const run = () => spawn('node', ['worker.js'], { env: { ...process.env, ROLE: 'worker' } });\n" },
    ],
  },
  create(context) {
    // only files that use the environment as a whole: `process.env` not followed by `.x` / `[…]`, or `{ env } = process`
    // every form names `process`: a substring check first, the exact pattern only then
    if (!context.sourceFile.text.includes('process') || !WHOLE_ENV_TEXT.test(context.sourceFile.text)) return {};
    const facts = context.facts;
    const caches: Caches = { value: new Map(), text: new Map() };
    const exposes = (e: ts.Expression) => exposesEnv(e, facts, caches, 0);

    return {
      CallExpression: (node: ts.Node) => {
        const call = node as ts.CallExpression;
        if (call.arguments.length === 0) return;
        const sink = callSink(call, facts);
        if (!sink) return;
        if (!call.arguments.some((a) => exposes(ts.isSpreadElement(a) ? a.expression : a))) return;
        context.report(call, messageFor(sink));
      },
      NewExpression: (node: ts.Node) => {
        // new Response(JSON.stringify(process.env)), new NextResponse(…)
        const n = node as ts.NewExpression;
        const callee = skipOuterExpressions(n.expression);
        if (!ts.isIdentifier(callee) || !/^(?:Response|NextResponse)$/.test(callee.text) || !n.arguments?.length) return;
        if (!exposes(n.arguments[0])) return;
        context.report(n, messageFor({ kind: 'response', display: `new ${callee.text}` }));
      },
      BinaryExpression: (node: ts.Node) => {
        // Koa: ctx.body = process.env
        const b = node as ts.BinaryExpression;
        if (b.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
        const left = skipOuterExpressions(b.left);
        if (!ts.isPropertyAccessExpression(left) || left.name.text !== 'body') return;
        const target = left.getText().replace(/\s+/g, '');
        if (!/^(?:ctx|context)(?:\.response)?\.body$/.test(target)) return;
        if (!exposes(b.right)) return;
        context.report(b, messageFor({ kind: 'response', display: target, assignment: true }));
      },
      ReturnStatement: (node: ts.Node) => {
        const r = node as ts.ReturnStatement;
        if (!r.expression) return;
        let fn: ts.Node | undefined = r.parent;
        while (fn && !isFunctionNode(fn)) fn = fn.parent;
        if (!fn || !isRouteHandler(fn as FunctionNode)) return;
        if (!exposes(r.expression)) return;
        context.report(r, messageFor({ kind: 'return', display: handlerName(fn as FunctionNode) }));
      },
      ArrowFunction: (node: ts.Node) => {
        // fastify.get('/env', async () => process.env)
        const fn = node as ts.ArrowFunction;
        if (ts.isBlock(fn.body) || !isRouteHandler(fn)) return;
        if (!exposes(fn.body)) return;
        context.report(fn.body, messageFor({ kind: 'return', display: handlerName(fn) }));
      },
    };
  },
});

/**
 * True when `e` carries the values of the whole environment: `process.env`, `{ env: process.env }`,
 * `{ ...process.env }`, `JSON.stringify(process.env)`, a local `const env = process.env`. With
 * `asText`, `e` is turned into a string (a template part, a `+` operand): the object itself then
 * prints as `[object Object]`, and only a serialised form (`JSON.stringify`, `util.inspect`) counts.
 */
function exposesEnv(e0: ts.Expression, facts: FileFacts, caches: Caches, depth: number, asText = false): boolean {
  const e = skipOuterExpressions(e0);
  const cache = asText ? caches.text : caches.value;
  const cached = cache.get(e);
  if (cached !== undefined) return cached;
  cache.set(e, false); // cycles
  const result = depth <= 6 && computeExposes(e, facts, caches, depth, asText);
  cache.set(e, result);
  return result;
}

interface Caches {
  value: Map<ts.Node, boolean>;
  text: Map<ts.Node, boolean>;
}

function isWholeEnv(e: ts.Expression, facts: FileFacts): boolean {
  if (!ts.isIdentifier(e) && !ts.isPropertyAccessExpression(e) && !ts.isElementAccessExpression(e)) return false;
  const origin = facts.originOf(e);
  if (!origin) return false;
  // import { env } from 'node:process'; const proc = require('process'); proc.env
  if (origin.module === 'process') {
    const path = origin.path.filter((p) => p !== 'default');
    return path.length === 1 && path[0] === 'env';
  }
  if (origin.module !== '') return false;
  const path = origin.path[0] === 'globalThis' || origin.path[0] === 'global' ? origin.path.slice(1) : origin.path;
  return path.length === 2 && path[0] === 'process' && path[1] === 'env';
}

function computeExposes(e: ts.Expression, facts: FileFacts, caches: Caches, depth: number, asText: boolean): boolean {
  const next = (x: ts.Expression, text = asText) => exposesEnv(x, facts, caches, depth + 1, text);
  if (isWholeEnv(e, facts)) return !asText;
  if (ts.isObjectLiteralExpression(e)) {
    if (asText) return false;
    return e.properties.some((p) =>
      ts.isPropertyAssignment(p) ? next(p.initializer) : ts.isSpreadAssignment(p) ? next(p.expression) : ts.isShorthandPropertyAssignment(p) ? next(p.name) : false,
    );
  }
  if (ts.isArrayLiteralExpression(e)) return !asText && e.elements.some((x) => next(ts.isSpreadElement(x) ? x.expression : x));
  if (ts.isTemplateExpression(e)) return e.templateSpans.some((s) => next(s.expression, true));
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.PlusToken) return next(e.left, true) || next(e.right, true);
    if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.AmpersandAmpersandToken) return next(e.left) || next(e.right);
    return false;
  }
  if (ts.isConditionalExpression(e)) return next(e.whenTrue) || next(e.whenFalse);
  if (ts.isAwaitExpression(e)) return next(e.expression);
  if (ts.isCallExpression(e)) {
    const callee = skipOuterExpressions(e.expression);
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (!name || !CARRIERS.has(name) || e.arguments.length === 0) return false;
    // serialisers: their result is text that holds every value
    if (name === 'stringify' || name === 'inspect') return next(e.arguments[0], false);
    if (name === 'format') return e.arguments.some((a) => next(ts.isSpreadElement(a) ? a.expression : a, false));
    if (asText) return false;
    // copies: Object.assign({}, env), Object.entries(env), structuredClone(env), Object.freeze({ ...env })
    if (name === 'assign') return e.arguments.some((a) => next(ts.isSpreadElement(a) ? a.expression : a));
    return next(e.arguments[0]);
  }
  if (ts.isIdentifier(e)) {
    // const env = { ...process.env }; const dump = JSON.stringify(process.env)
    const decl = facts.resolver.declarationOf(e);
    if (decl && ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name) && decl.initializer) return next(decl.initializer);
  }
  return false;
}

/** Is this call a log write or a response? */
function callSink(call: ts.CallExpression, facts: FileFacts): Sink | undefined {
  const callee = skipOuterExpressions(call.expression);
  if (ts.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    const receiver = skipOuterExpressions(callee.expression);
    // process.stdout.write / process.stderr.write
    if (method === 'write' && ts.isPropertyAccessExpression(receiver) && /^std(?:out|err)$/.test(receiver.name.text) && ts.isIdentifier(receiver.expression) && receiver.expression.text === 'process') {
      return { kind: 'log', display: `process.${receiver.name.text}.write` };
    }
    // Response.json(…), NextResponse.json(…)
    if (method === 'json' && ts.isIdentifier(receiver) && /^(?:Response|NextResponse)$/.test(receiver.text)) return { kind: 'response', display: `${receiver.text}.json` };
    if (BODY_METHODS.has(method) && responseRoot(receiver)) return { kind: 'response', display: display(callee) };
  }
  if (facts.isLoggingCall(call)) return { kind: 'log', display: display(callee) };
  return undefined;
}

/** `res`, `res.status(500)`, `reply.code(200).header(…)`, `ctx.response`: the response object, by name. */
function responseRoot(e0: ts.Expression): boolean {
  let e = skipOuterExpressions(e0);
  for (let i = 0; i < 6; i++) {
    if (ts.isIdentifier(e)) return RESPONSE_RECEIVER.test(e.text);
    if (ts.isCallExpression(e)) {
      const c = skipOuterExpressions(e.expression);
      if (!ts.isPropertyAccessExpression(c) || !RESPONSE_METHODS.has(c.name.text)) return false;
      e = skipOuterExpressions(c.expression);
      continue;
    }
    if (ts.isPropertyAccessExpression(e) && e.name.text === 'response') {
      e = skipOuterExpressions(e.expression);
      continue;
    }
    return false;
  }
  return false;
}

/**
 * A NestJS controller method with a route decorator (`@Get()`, `@Post()`, …), or a function passed
 * as a handler to a route registration (`app.get('/path', handler)`, `router.post(…)`,
 * `fastify.route({ handler })`).
 */
function isRouteHandler(fn: FunctionNode): boolean {
  if (ts.isMethodDeclaration(fn)) {
    return (ts.getDecorators(fn) ?? []).some((d) => {
      const ex = d.expression;
      const callee = ts.isCallExpression(ex) ? ex.expression : ex;
      return ts.isIdentifier(callee) && NEST_ROUTE_DECORATORS.has(callee.text);
    });
  }
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  const p = fn.parent;
  if (ts.isCallExpression(p) && p.arguments.includes(fn)) {
    const callee = skipOuterExpressions(p.expression);
    if (!ts.isPropertyAccessExpression(callee) || !ROUTE_METHODS.has(callee.name.text)) return false;
    const path = p.arguments[0] && skipOuterExpressions(p.arguments[0]);
    return !!path && ts.isStringLiteralLike(path) && path.text.startsWith('/') && p.arguments[0] !== fn;
  }
  if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'handler') {
    const obj = p.parent;
    const call = obj.parent;
    if (!ts.isCallExpression(call)) return false;
    const callee = skipOuterExpressions(call.expression);
    return ts.isPropertyAccessExpression(callee) && callee.name.text === 'route';
  }
  return false;
}

function handlerName(fn: FunctionNode): string {
  if (ts.isMethodDeclaration(fn) && ts.isIdentifier(fn.name)) return `the route method \`${fn.name.text}\``;
  return 'this route handler';
}

function display(callee: ts.Expression): string {
  const text = callee.getText().replace(/\s+/g, '');
  if (text.length <= 40) return text;
  return ts.isPropertyAccessExpression(callee) ? `….${callee.name.text}` : 'this call';
}

const WHY_SECRETS = 'The environment holds the service\u2019s database URL, cloud and payment keys and signing secrets.';

function messageFor(sink: Sink): string {
  switch (sink.kind) {
    case 'log':
      return (
        `\`${sink.display}(…)\` writes the whole \`process.env\` to the log. ${WHY_SECRETS} ` +
        'Log lines are kept for months, shipped to third-party services and readable by far more people than the secrets manager allows, so every secret becomes a leak waiting to happen. ' +
        'Log only named, non-secret settings (`{ region: process.env.AWS_REGION }`), or `Object.keys(process.env)` to see which variables are set, and rotate what was logged.'
      );
    case 'response':
      return (
        `${sink.assignment ? `Assigning the whole \`process.env\` to \`${sink.display}\` sends it` : `\`${sink.display}(…)\` sends the whole \`process.env\``} to the client. ${WHY_SECRETS} ` +
        'Anyone who reaches this route, through a guessed debug URL, a misconfigured auth check or a proxy cache, gets every one of them at once. ' +
        'Remove the dump, or return only named, non-secret settings, and rotate the secrets the route may have exposed.'
      );
    case 'return':
      return (
        `${sink.display[0].toUpperCase()}${sink.display.slice(1)} returns the whole \`process.env\`, which the framework sends as the response body. ${WHY_SECRETS} ` +
        'Anyone who reaches this route, through a guessed debug URL, a misconfigured auth check or a proxy cache, gets every one of them at once. ' +
        'Remove the dump, or return only named, non-secret settings, and rotate the secrets the route may have exposed.'
      );
  }
}
