// sync-io-in-handler: a synchronous file, crypto, compression or child-process call (`readFileSync`,
// `execSync`, `pbkdf2Sync`, `bcrypt.hashSync`, `gzipSync`, …), recognised through its import, written
// inside an HTTP request handler: a function passed to an Express / Koa / Fastify / router route
// registration (`app.get('/x', handler)`, `router.use(mw)`, `app.route('/x').post(handler)`,
// `fastify.route({ url, handler })`, hapi `server.route({ path, handler })`), a NestJS controller
// method (`@Get()`, `@Post()` …), a Next.js route handler (`export async function GET` in
// `app/**/route.ts`, the default export of `pages/api/**`), or the listener of
// `http.createServer((req, res) => …)`. A named handler defined in the same file and passed by name
// counts too. Only calls written in the handler's own body (and callbacks inside it) are reported:
// helpers it calls are not followed. Decisions: docs/rules/sync-io-in-handler.md.
import { ts } from 'ts-morph';
import { isFunctionNode, skipOuterExpressions, walk, type FunctionNode } from '../engine/ast';
import type { FileFacts } from '../engine/fileFacts';
import { defineRule, type RuleContext } from '../engine/rule';

const K = ts.SyntaxKind;

type SyncKind = 'file' | 'child-process' | 'crypto' | 'compression';

/** Modules whose every `…Sync` export blocks on I/O or a child process. */
const ALL_SYNC_MODULES: Record<string, SyncKind> = {
  fs: 'file',
  'graceful-fs': 'file',
  'fs-extra': 'file',
  'original-fs': 'file',
  child_process: 'child-process',
  zlib: 'compression',
};
/** CPU-heavy synchronous crypto: key derivation and key generation. `randomBytes`, `createHash` and `timingSafeEqual` are quick and not listed. */
const CRYPTO_SYNC = new Set(['pbkdf2Sync', 'scryptSync', 'generateKeyPairSync', 'generateKeySync', 'generatePrimeSync', 'checkPrimeSync']);
/** Password-hashing libraries with synchronous variants. */
const HASH_MODULES = new Set(['bcrypt', 'bcryptjs', 'bcrypt-nodejs']);
const HASH_SYNC = new Set(['hashSync', 'compareSync', 'genSaltSync']);

const ROUTE_METHODS = /^(get|post|put|patch|delete|del|all|head|options|use|any|propfind|search)$/;
const NEST_DECORATORS = /^(Get|Post|Put|Patch|Delete|All|Head|Options|Search)$/;
const NEXT_METHODS = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/;
/** Parameter names of a request handler: `(req, res)`, `(request, reply)`, `(ctx, next)`. */
const REQUEST_PARAM = /^(req|request|_req|_request|ctx|context|_ctx)$/;
const RESPONSE_PARAM = /^(res|response|reply|rep|_res|h)$/;

const WHY =
  'Node serves every request on one thread: while this call runs, the process answers nothing else, so every concurrent request waits behind it, tail latency climbs with load, and health checks can time out until the orchestrator kills a busy but healthy instance.';

interface HandlerInfo {
  /** A node to point at as the related location (the route registration or the method). */
  site: ts.Node;
  /** How the handler is described in messages: `GET /orders/:id`, `the NestJS @Post() method create`. */
  label: string;
}

export const syncIoInHandler = defineRule({
  id: 'sync-io-in-handler',
  category: 'throughput',
  defaultSeverity: 'MEDIUM',
  title: 'Blocking synchronous call in a request handler',
  requiresTypeInfo: false,
  options: {},
  docs: {
    summary:
      'Flags synchronous file, crypto, compression and child-process calls (`readFileSync`, `existsSync`, `execSync`, `spawnSync`, `pbkdf2Sync`, `scryptSync`, `bcrypt.hashSync`, `gzipSync`, …) written inside an HTTP request handler: Express, Koa, Fastify, hapi and router routes, NestJS controller methods, Next.js route handlers and `http.createServer` listeners.',
    why:
      'A Node.js server handles all its requests on one thread. A synchronous call inside a handler stops that thread until the disk, the child process or the CPU-heavy hash is done, so every other request in flight waits too. Under load the latency of the whole service grows with each blocked call, and health checks start failing on an instance that is merely busy.',
    fix:
      'Use the asynchronous API (`await readFile(…)` from `node:fs/promises`, `promisify(pbkdf2)`, `await bcrypt.hash(…)`, `execFile` with a callback or `promisify`), or do the work once at startup and keep the result (templates, certificates, configuration).',
    invalid: [
      {
        code: [
          'import { Router } from "express";',
          'import { readFileSync } from "node:fs";',
          '',
          'export const router = Router();',
          '',
          'router.get("/invoice/:id", (req, res) => {',
          '  const css = readFileSync("templates/invoice.css", "utf8");',
          '  res.type("html").send(`<style>${css}</style><h1>${req.params.id}</h1>`);',
          '});',
          '',
        ].join('\n'),
      },
      {
        code: [
          'import { Body, Controller, Post } from "@nestjs/common";',
          'import * as crypto from "node:crypto";',
          '',
          '@Controller("auth")',
          'export class AuthController {',
          '  @Post("login")',
          '  login(@Body() body: { password: string; salt: string }) {',
          '    return crypto.pbkdf2Sync(body.password, body.salt, 310000, 32, "sha256").toString("hex");',
          '  }',
          '}',
          '',
        ].join('\n'),
      },
    ],
    valid: [
      {
        code: [
          'import { Router } from "express";',
          'import { readFileSync } from "node:fs";',
          'import { readFile } from "node:fs/promises";',
          '',
          '// read once at startup',
          'const TEMPLATE = readFileSync("templates/invoice.html", "utf8");',
          '',
          'export const router = Router();',
          '',
          'router.get("/invoice/:id", async (req, res) => {',
          '  const css = await readFile("templates/invoice.css", "utf8");',
          '  res.type("html").send(TEMPLATE.replace("{{css}}", css).replace("{{id}}", req.params.id));',
          '});',
          '',
        ].join('\n'),
      },
    ],
  },
  create(context) {
    // every call this rule knows ends in `Sync`
    if (!context.sourceFile.text.includes('Sync')) return {};
    // and every one comes from fs, child_process, zlib, crypto or a bcrypt package, imported or required
    if (!mayImportSyncModule(context.sourceFile)) return {};
    const checker = new SyncChecker(context);
    return {
      CallExpression: (node) => checker.call(node as ts.CallExpression),
    };
  },
});

/**
 * Whether the file can bind a module this rule knows: an import of one of them, or any `require(` /
 * dynamic `import(` (judged by the full origin lookup later). Most files that mention `Sync`
 * (`Effect.runSync`, `useSyncExternalStore`) import none.
 */
function mayImportSyncModule(sf: ts.SourceFile): boolean {
  for (const st of sf.statements) {
    const spec = ts.isImportDeclaration(st) ? st.moduleSpecifier : ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference) ? st.moduleReference.expression : undefined;
    if (!spec || !ts.isStringLiteral(spec)) continue;
    const m = spec.text.startsWith('node:') ? spec.text.slice(5) : spec.text;
    if (Object.prototype.hasOwnProperty.call(ALL_SYNC_MODULES, m) || m === 'crypto' || HASH_MODULES.has(m)) return true;
  }
  return sf.text.includes('require(') || sf.text.includes('import(');
}

class SyncChecker {
  private readonly sf: ts.SourceFile;
  private readonly facts: FileFacts;
  /** Handler functions of the file, found on the first sync call (most files have none). */
  private handlers: Map<ts.Node, HandlerInfo> | undefined;

  constructor(private readonly ctx: RuleContext) {
    this.sf = ctx.sourceFile;
    this.facts = ctx.facts;
  }

  call(call: ts.CallExpression): void {
    const callee = skipOuterExpressions(call.expression);
    if (!ts.isIdentifier(callee) && !ts.isPropertyAccessExpression(callee) && !ts.isElementAccessExpression(callee)) return;
    // a property call must name a `…Sync` method; a bare identifier may be an alias (`import { execSync as run }`)
    if (ts.isPropertyAccessExpression(callee) && !callee.name.text.endsWith('Sync')) return;
    const found = this.syncKind(callee);
    if (!found) return;
    const { kind, name } = found;
    const handler = this.enclosingHandler(call);
    if (!handler) return;
    const asyncHint =
      kind === 'file'
        ? `\`await ${name.replace(/Sync$/, '')}(…)\` from \`node:fs/promises\``
        : kind === 'child-process'
          ? `\`${name.replace(/Sync$/, '')}\` with a callback or \`util.promisify\`, or a job queue for long commands`
          : kind === 'crypto'
            ? `the callback form \`${name.replace(/Sync$/, '')}\` (with \`util.promisify\`) or the library's async \`hash\`/\`compare\``
            : `the streaming or callback form of \`${name.replace(/Sync$/, '')}\``;
    this.ctx.report(
      call,
      `\`${name}(…)\` is a blocking ${kind === 'child-process' ? 'child-process' : kind} call inside ${handler.label}. ${WHY} Use ${asyncHint}, or do the work once at startup and keep the result.`,
      { related: [{ node: handler.site, message: 'the request handler' }] },
    );
  }

  /** What the `…Sync` call is, judged by where its callee comes from. */
  private syncKind(callee: ts.Expression): { kind: SyncKind; name: string } | undefined {
    const origin = this.facts.originOf(callee);
    if (!origin || !origin.path.length || !origin.module) return undefined;
    // the called function must be the module's own `…Sync` export (`fs.readFileSync`, `readFileSync`, `fs.default.readFileSync`)
    const path = origin.path[0] === 'default' ? origin.path.slice(1) : origin.path;
    if (path.length !== 1) return undefined;
    const name = path[0];
    if (!name.endsWith('Sync')) return undefined;
    const all = ALL_SYNC_MODULES[origin.module];
    if (all) return { kind: all, name };
    if (origin.module === 'crypto' && CRYPTO_SYNC.has(name)) return { kind: 'crypto', name };
    if (HASH_MODULES.has(origin.module) && HASH_SYNC.has(name)) return { kind: 'crypto', name };
    return undefined;
  }

  // ---- request handlers ---------------------------------------------------------------------------

  private enclosingHandler(call: ts.Node): HandlerInfo | undefined {
    const handlers = (this.handlers ??= this.findHandlers());
    if (!handlers.size) return undefined;
    for (let n: ts.Node | undefined = call.parent; n; n = n.parent) {
      if (!isFunctionNode(n)) continue;
      const h = handlers.get(n);
      if (h) return h;
    }
    return undefined;
  }

  /** One walk over the file: every function that serves an HTTP request. */
  private findHandlers(): Map<ts.Node, HandlerInfo> {
    const out = new Map<ts.Node, HandlerInfo>();
    const file = this.ctx.file;
    const nextRoute = /(^|\/)app\/(.+\/)?route\.(ts|js|mts|mjs|tsx|jsx)$/.test(file);
    const pagesApi = /(^|\/)pages\/api\//.test(file);
    if (nextRoute || pagesApi) this.nextHandlers(out, nextRoute, pagesApi);
    walk(this.sf, (n) => {
      if (ts.isCallExpression(n)) this.registration(n, out);
      else if (ts.isMethodDeclaration(n)) this.nestMethod(n, out);
      return true;
    });
    return out;
  }

  /** `app.get('/x', a, b)`, `router.use(mw)`, `app.route('/x').post(h)`, `fastify.route({ url, handler })`, `http.createServer(h)`, `server.on('request', h)`. */
  private registration(call: ts.CallExpression, out: Map<ts.Node, HandlerInfo>): void {
    const callee = skipOuterExpressions(call.expression);
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    if (!method || !call.arguments.length) return;

    if (method === 'createServer' || method === 'createSecureServer') {
      const origin = this.facts.originOf(callee);
      const fromHttp = !!origin && /^(http|https|http2)$/.test(origin.module);
      for (const a of call.arguments) {
        const fn = this.functionOf(a);
        if (fn && (fromHttp || looksLikeHandler(fn))) out.set(fn, { site: call, label: 'an `http.createServer` request listener' });
      }
      return;
    }
    if (method === 'on' && call.arguments.length >= 2 && ts.isStringLiteralLike(call.arguments[0]) && call.arguments[0].text === 'request') {
      const fn = this.functionOf(call.arguments[1]);
      if (fn && looksLikeHandler(fn)) out.set(fn, { site: call, label: "a server's `request` listener" });
      return;
    }
    if (method === 'route' && ts.isObjectLiteralExpression(skipOuterExpressions(call.arguments[0]))) {
      // fastify.route({ method, url, handler }), hapi server.route({ method, path, handler })
      const obj = skipOuterExpressions(call.arguments[0]) as ts.ObjectLiteralExpression;
      const path = stringProperty(obj, 'url') ?? stringProperty(obj, 'path');
      if (path === undefined) return;
      const verb = stringProperty(obj, 'method');
      for (const p of obj.properties) {
        const key = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
        if (!key || !/^(handler|preHandler|onRequest|preValidation|preParsing|preSerialization)$/.test(key)) continue;
        const fn = ts.isMethodDeclaration(p) ? p : ts.isPropertyAssignment(p) ? this.functionOf(p.initializer) : ts.isShorthandPropertyAssignment(p) ? this.functionOf(p.name) : undefined;
        if (fn) out.set(fn, { site: call, label: `the route handler for \`${verb ? `${verb.toUpperCase()} ` : ''}${path}\`` });
      }
      return;
    }
    if (!ts.isPropertyAccessExpression(callee) || !ROUTE_METHODS.test(method)) return;

    const first = skipOuterExpressions(call.arguments[0]);
    const path = routePath(first);
    // app.route('/x').get(h): the path is on the receiver
    const receiver = skipOuterExpressions(callee.expression);
    let chainedPath: string | undefined;
    if (ts.isCallExpression(receiver)) {
      const rc = skipOuterExpressions(receiver.expression);
      if (ts.isPropertyAccessExpression(rc) && rc.name.text === 'route' && receiver.arguments[0]) chainedPath = routePath(skipOuterExpressions(receiver.arguments[0]));
    }
    const routeKnown = path !== undefined || chainedPath !== undefined;
    const shown = path ?? chainedPath;
    const label = shown !== undefined ? `the route handler for \`${method === 'use' || method === 'all' ? '' : `${method.toUpperCase()} `}${shown}\`` : 'a request middleware';
    for (const a of call.arguments) {
      for (const fn of this.functionsOf(a)) {
        // without a route path (`app.use(fn)`, `cache.get(key, cb)`) the function must look like a request handler
        if (!routeKnown && !looksLikeHandler(fn)) continue;
        out.set(fn, { site: call, label });
      }
    }
  }

  /** NestJS: a method with `@Get()`, `@Post(':id')` … in a class. */
  private nestMethod(m: ts.MethodDeclaration, out: Map<ts.Node, HandlerInfo>): void {
    for (const d of ts.getDecorators(m) ?? []) {
      const e = d.expression;
      const name = ts.isCallExpression(e) ? (ts.isIdentifier(e.expression) ? e.expression.text : undefined) : ts.isIdentifier(e) ? e.text : undefined;
      if (!name || !NEST_DECORATORS.test(name)) continue;
      const methodName = ts.isIdentifier(m.name) ? m.name.text : 'handler';
      out.set(m, { site: d, label: `the NestJS \`@${name}()\` handler \`${methodName}\`` });
      return;
    }
  }

  /** Next.js: `export async function GET(…)` in `app/**\/route.ts`; the default export of `pages/api/**`. */
  private nextHandlers(out: Map<ts.Node, HandlerInfo>, appRoute: boolean, pagesApi: boolean): void {
    for (const s of this.sf.statements) {
      const exported = ts.getModifiers(s as ts.HasModifiers)?.some((m) => m.kind === K.ExportKeyword) ?? false;
      const isDefault = ts.getModifiers(s as ts.HasModifiers)?.some((m) => m.kind === K.DefaultKeyword) ?? false;
      if (appRoute && exported && ts.isFunctionDeclaration(s) && s.name && NEXT_METHODS.test(s.name.text)) {
        out.set(s, { site: s.name, label: `the Next.js \`${s.name.text}\` route handler` });
      }
      if (appRoute && exported && ts.isVariableStatement(s)) {
        for (const d of s.declarationList.declarations) {
          if (ts.isIdentifier(d.name) && NEXT_METHODS.test(d.name.text) && d.initializer) {
            const fn = this.functionOf(d.initializer);
            if (fn) out.set(fn, { site: d.name, label: `the Next.js \`${d.name.text}\` route handler` });
          }
        }
      }
      if (pagesApi && isDefault && ts.isFunctionDeclaration(s)) out.set(s, { site: s.name ?? s, label: 'the Next.js API route handler' });
      if (pagesApi && ts.isExportAssignment(s) && !s.isExportEquals) {
        for (const fn of this.functionsOf(s.expression)) out.set(fn, { site: s, label: 'the Next.js API route handler' });
      }
    }
  }

  /** The function an argument is or names: an inline function, or a same-file function passed by name. */
  private functionOf(e: ts.Expression): FunctionNode | undefined {
    const v = skipOuterExpressions(e);
    if (ts.isArrowFunction(v) || ts.isFunctionExpression(v)) return v;
    if (ts.isIdentifier(v)) {
      const decl = this.facts.resolver.declarationOf(v);
      if (!decl) return undefined;
      if (ts.isFunctionDeclaration(decl) && decl.body) return decl;
      if (ts.isVariableDeclaration(decl) && decl.initializer) {
        const init = skipOuterExpressions(decl.initializer);
        if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
      }
    }
    return undefined;
  }

  /** Functions in an argument: itself, the elements of an array of middlewares, or a wrapper's argument (`asyncHandler(async (req, res) => …)`). */
  private functionsOf(e: ts.Expression): FunctionNode[] {
    const v = skipOuterExpressions(e);
    const fn = this.functionOf(v);
    if (fn) return [fn];
    if (ts.isArrayLiteralExpression(v)) return v.elements.flatMap((el) => this.functionsOf(el));
    if (ts.isCallExpression(v) && v.arguments.length === 1) {
      const inner = this.functionOf(v.arguments[0]);
      if (inner && looksLikeHandler(inner)) return [inner];
    }
    return [];
  }
}

/** A route path literal: `'/orders/:id'`, `` `/api/${v}` ``, `'*'`, a regex, an array of paths. */
function routePath(e: ts.Expression): string | undefined {
  if (ts.isStringLiteralLike(e)) return e.text.startsWith('/') || e.text === '*' ? e.text : undefined;
  if (ts.isTemplateExpression(e)) return e.head.text.startsWith('/') ? e.getText() : undefined;
  if (ts.isRegularExpressionLiteral(e)) return e.text;
  if (ts.isArrayLiteralExpression(e) && e.elements.length && e.elements.every((x) => ts.isStringLiteralLike(x) && x.text.startsWith('/'))) {
    return (e.elements[0] as ts.StringLiteralLike).text;
  }
  return undefined;
}

/** `(req, res)`, `(req, res, next)`, `(request, reply)`, `(ctx)`, `(ctx, next)`. */
function looksLikeHandler(fn: FunctionNode): boolean {
  const names = fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ''));
  if (!names.length) return false;
  if (REQUEST_PARAM.test(names[0]) && (names.length === 1 ? /ctx|context/.test(names[0]) : true)) {
    return names.length === 1 || RESPONSE_PARAM.test(names[1]) || names[1] === 'next';
  }
  // (err, req, res, next) error middleware
  return names.length === 4 && REQUEST_PARAM.test(names[1]) && RESPONSE_PARAM.test(names[2]);
}

function stringProperty(obj: ts.ObjectLiteralExpression, name: string): string | undefined {
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === name) {
      const v = skipOuterExpressions(p.initializer);
      if (ts.isStringLiteralLike(v)) return v.text;
      if (ts.isArrayLiteralExpression(v) && v.elements[0] && ts.isStringLiteralLike(v.elements[0])) return v.elements[0].text;
    }
  }
  return undefined;
}
