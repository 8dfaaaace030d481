// missing-timeout: an outgoing HTTP call that can wait forever. Recognises global fetch, node-fetch,
// undici, axios, got, node's http/https and superagent through their imports, and looks at the
// options literal the call is given (or a local `const` literal it can see). Anything it cannot see
// (a spread, a parameter, a value built elsewhere) counts as configured: precision first.
import { ts } from 'ts-morph';
import { getProperty, hasSpread, isFunctionNode, skipOuterExpressions, walk } from '../engine/ast';
import type { FileFacts } from '../engine/fileFacts';
import type { Origin } from '../engine/origins';
import { defineRule, type RuleContext } from '../engine/rule';

/** fetch-compatible modules other than undici; their `timeout` init option (node-fetch v2 and friends) counts. */
const FETCH_MODULES = new Set(['node-fetch', 'cross-fetch', 'isomorphic-unfetch', 'isomorphic-fetch', 'make-fetch-happen']);
const AXIOS_CONFIG_SECOND = new Set(['get', 'delete', 'head', 'options']);
const AXIOS_CONFIG_THIRD = new Set(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);
const GOT_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'stream']);
const SUPERAGENT_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options']);
const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'self', 'global']);

/** A file that imports or requires none of these can only call the global fetch. */
const HTTP_MODULE_TEXT = /['"`](?:node:)?(?:axios|got|https?|undici|node-fetch|cross-fetch|isomorphic-unfetch|isomorphic-fetch|make-fetch-happen|superagent|ky)['"`]/;
const URL_NAME = /(?:^|[a-z0-9_])(?:url|uri|href|endpoint|link|address)s?$|^(?:url|uri|href|endpoint|link|address)$/i;
/** Keys whose later assignment on an options variable may add a timeout. */
const WRITTEN_KEYS = new Set(['timeout', 'signal', 'headersTimeout', 'bodyTimeout', 'cancelToken', 'agent', 'dispatcher']);
/** Names that hold a response callback, not an options object: `https.get(url, resolve)`. */
const CALLBACK_NAME = /^(?:resolve|reject|cb|callback|done|next|handler|listener|respond)$|^(?:on|handle)[A-Z]|(?:Callback|Handler|Listener)$/;
const TIMER_NAME = /timeout|deadline|delay|sleep|timer|wait/i;

type Library = 'fetch' | 'node-fetch' | 'undici-fetch' | 'axios' | 'axios-create' | 'got' | 'got-extend' | 'http' | 'superagent' | 'ky';

interface Target {
  library: Library;
  /** What the message calls the callee: `axios.get`, `fetch`, `https.request`. */
  display: string;
  /** The axios method called (`get`, `post`, `request`), from the callee's origin: also for `const { post } = require('axios')`. */
  method?: string;
}

/** What an argument is, as far as the syntax of this file shows. */
type Arg =
  | { kind: 'url' }
  | { kind: 'object'; literal: ts.ObjectLiteralExpression; opaque: boolean }
  | { kind: 'request'; init?: Arg }
  | { kind: 'function' }
  /** `request`: typed as a fetch `Request`, which may carry its own signal. */
  | { kind: 'unknown'; request?: boolean };

/** The keys that configure a timeout, per library. */
const TIMEOUT_KEYS: Record<Library, readonly string[]> = {
  fetch: ['signal'],
  'undici-fetch': ['signal'],
  'node-fetch': ['signal', 'timeout'],
  axios: ['timeout', 'signal', 'cancelToken'],
  'axios-create': ['timeout', 'signal', 'cancelToken'],
  got: ['timeout', 'signal'],
  'got-extend': ['timeout', 'signal'],
  http: ['timeout', 'signal'],
  superagent: [],
  ky: [],
};

interface Candidate {
  node: ts.CallExpression;
  target: Target;
}

export const missingTimeout = defineRule({
  id: 'missing-timeout',
  category: 'reliability',
  defaultSeverity: 'HIGH',
  title: 'Outgoing network call without a timeout',
  requiresTypeInfo: false,
  options: {
    /** The timeout the message (and the quick fix) suggests, in milliseconds. */
    suggestedTimeoutMs: 10000,
  },
  docs: {
    summary:
      'Flags outgoing HTTP calls (global fetch, node-fetch, undici, axios, got, node http/https, superagent) made without a timeout, an abort signal or a client-level timeout.',
    why:
      'None of these clients gives up on its own: fetch, axios (timeout 0), got and node http wait as long as the peer keeps the socket open. When a dependency becomes slow or stops answering, each request keeps its socket, its memory and the caller waiting on it; under load they pile up until the service runs out of sockets, memory or worker slots, and one sick dependency takes the whole service down with it.',
    fix:
      'Give every call a deadline: `fetch(url, { signal: AbortSignal.timeout(5000) })`, `axios.get(url, { timeout: 5000 })`, `got(url, { timeout: { request: 5000 } })`, `https.get(url, { timeout: 5000 }, cb)` (destroy the request on its `timeout` event), `superagent.get(url).timeout({ response: 5000, deadline: 10000 })`. Better still, set it once on the client you create: `axios.create({ baseURL, timeout: 5000 })`, `got.extend({ timeout: { request: 5000 } })`.',
    invalid: [
      { code: "export async function loadUser(id: string) {\n  const res = await fetch(`https://users.internal/users/${id}`);\n  return res.json();\n}\n" },
      { code: "import axios from 'axios';\n\nexport async function charge(body: unknown) {\n  return axios.post('https://pay.internal/charges', body, { headers: { 'x-source': 'api' } });\n}\n" },
      { code: "import axios from 'axios';\n\nexport const billing = axios.create({ baseURL: 'https://billing.internal' });\n" },
      { code: "import * as https from 'node:https';\n\nexport function ping(url: string) {\n  https.get(url, (res) => res.resume());\n}\n" },
    ],
    valid: [
      { code: "export async function loadUser(id: string) {\n  const res = await fetch(`https://users.internal/users/${id}`, { signal: AbortSignal.timeout(3000) });\n  return res.json();\n}\n" },
      { code: "import axios from 'axios';\n\nexport async function charge(body: unknown) {\n  return axios.post('https://pay.internal/charges', body, { timeout: 5000 });\n}\n" },
      { code: "import axios from 'axios';\n\nconst billing = axios.create({ baseURL: 'https://billing.internal', timeout: 4000 });\nexport const invoices = () => billing.get('/invoices');\n" },
      { code: "import ky from 'ky';\n\nexport const health = () => ky.get('https://status.internal/health').json();\n" },
      { code: "async function fetch(path: string) {\n  return { path };\n}\n\nexport const load = () => fetch('/users');\n" },
    ],
  },
  create(context) {
    const text = context.sourceFile.text;
    // one regular expression over the text: measured faster than a substring search per module name first
    const modulesImported = HTTP_MODULE_TEXT.test(text);
    if (!text.includes('fetch') && !modulesImported) return {};
    const facts = context.facts;
    const suggested = Math.max(1, Number(context.options.suggestedTimeoutMs) || 10000);
    const candidates: Candidate[] = [];
    /** `axios.defaults.timeout = …` (or an interceptor setting it) somewhere in the file. */
    let axiosDefaults = false;
    /** `axios.create(…)` calls whose instance gets `defaults.timeout` later in the file. */
    const createsWithDefaults = new Set<ts.Node>();
    let everyCreateHasDefaults = false;
    const scopeCache = new Map<ts.Node, boolean>();

    const noteDefaults = (receiver: ts.Expression) => {
      const origin = facts.originOf(receiver);
      if (!origin || origin.module !== 'axios') return;
      const path = dropDefault(origin.path);
      if (path.length === 0) {
        axiosDefaults = true;
        return;
      }
      // an instance: mark the create that made it, or — when it cannot be found — every create in the file
      const create = creationCallOf(receiver, facts);
      if (create) createsWithDefaults.add(create);
      else everyCreateHasDefaults = true;
    };

    return {
      CallExpression: (node: ts.Node) => {
        const call = node as ts.CallExpression;
        const callee = skipOuterExpressions(call.expression);
        // cheap shape checks before asking where the callee comes from
        if (ts.isIdentifier(callee)) {
          if (!modulesImported && callee.text !== 'fetch') return;
        } else if (ts.isPropertyAccessExpression(callee)) {
          const name = callee.name.text;
          if (modulesImported && (name === 'assign' || name === 'use')) noteConfigCall(call, callee, noteDefaults);
          if (!modulesImported && name !== 'fetch') return;
        } else if (!ts.isElementAccessExpression(callee)) {
          if (!(modulesImported && ts.isCallExpression(callee))) return;
        }
        const origin = facts.originOf(callee);
        if (!origin) return;
        const target = classify(origin, callee);
        if (!target) return;
        // the global fetch only when no `fetch` is declared in scope (the resolver answers module '' for globals)
        if (origin.module === '' && ts.isIdentifier(callee) && facts.isLocal(callee.text, call)) return;
        if (!needsTimeout(call, target, facts, scopeCache)) return;
        candidates.push({ node: call, target });
      },
      BinaryExpression: (node: ts.Node) => {
        if (!modulesImported) return;
        const bin = node as ts.BinaryExpression;
        if (bin.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
        const left = skipOuterExpressions(bin.left);
        // axios.defaults.timeout = 5000  /  api.defaults.timeout = 5000
        if (!ts.isPropertyAccessExpression(left) || (left.name.text !== 'timeout' && left.name.text !== 'signal')) return;
        const defaults = skipOuterExpressions(left.expression);
        if (!ts.isPropertyAccessExpression(defaults) || defaults.name.text !== 'defaults') return;
        if (isDisabledTimeout(bin.right)) return;
        noteDefaults(defaults.expression);
      },
      onEnd: () => {
        for (const c of candidates) {
          if (c.target.library === 'axios' && axiosDefaults) continue;
          // axios.create merges axios.defaults into the new instance, so the file's defaults cover it too
          if (c.target.library === 'axios-create' && (axiosDefaults || everyCreateHasDefaults || createsWithDefaults.has(c.node))) continue;
          context.report(c.node, messageFor(c.target, suggested));
        }
      },
    };
  },
});

// ---- what is being called ------------------------------------------------------------------

function dropDefault(path: readonly string[]): string[] {
  return path[0] === 'default' ? path.slice(1) : [...path];
}

function calleeDisplay(callee: ts.Expression, fallback: string): string {
  const text = callee.getText();
  return text.length <= 40 && !/[\n()]/.test(text) ? text : fallback;
}

/** The library and form of a call, from its callee's origin; undefined when it is not one this rule judges. */
function classify(origin: Origin, callee: ts.Expression): Target | undefined {
  const path = dropDefault(origin.path);
  const m = origin.module;
  if (m === '') {
    // the global fetch (the resolver only answers module '' for names that are not declared locally)
    const isFetch = (path.length === 1 && path[0] === 'fetch') || (path.length === 2 && GLOBAL_OBJECTS.has(path[0]) && path[1] === 'fetch');
    return isFetch ? { library: 'fetch', display: calleeDisplay(callee, 'fetch') } : undefined;
  }
  if (FETCH_MODULES.has(m)) {
    return path.length === 0 || (path.length === 1 && path[0] === 'fetch') ? { library: 'node-fetch', display: calleeDisplay(callee, 'fetch') } : undefined;
  }
  if (m === 'undici') {
    if (path.length !== 1) return undefined; // calls on Client/Pool/Agent instances: the dispatcher carries the timeouts
    if (path[0] === 'fetch') return { library: 'undici-fetch', display: calleeDisplay(callee, 'fetch') };
    // `request` is not reported: it gives up on its own (headersTimeout and bodyTimeout, 300 s each),
    // and only undici's fetch is in the rule's definition (see the docs page's decisions)
    return undefined;
  }
  if (m === 'axios') {
    if (path.length === 0) return { library: 'axios', display: calleeDisplay(callee, 'axios') };
    if (path.length !== 1) return undefined; // instance calls: the instance's create is judged instead
    const method = path[0];
    if (method === 'create') return { library: 'axios-create', display: calleeDisplay(callee, 'axios.create') };
    if (method === 'request' || AXIOS_CONFIG_SECOND.has(method) || AXIOS_CONFIG_THIRD.has(method)) return { library: 'axios', display: calleeDisplay(callee, `axios.${method}`), method };
    return undefined;
  }
  if (m === 'got') {
    if (path.length === 0) return { library: 'got', display: calleeDisplay(callee, 'got') };
    if (path.length !== 1) return undefined;
    if (path[0] === 'extend') return { library: 'got-extend', display: calleeDisplay(callee, 'got.extend') };
    if (GOT_METHODS.has(path[0])) return { library: 'got', display: calleeDisplay(callee, `got.${path[0]}`) };
    return undefined;
  }
  if (m === 'http' || m === 'https') {
    return path.length === 1 && (path[0] === 'request' || path[0] === 'get') ? { library: 'http', display: calleeDisplay(callee, `${m}.${path[0]}`) } : undefined;
  }
  if (m === 'superagent') {
    if (path.length === 0 || (path.length === 1 && SUPERAGENT_METHODS.has(path[0]))) return { library: 'superagent', display: calleeDisplay(callee, path.length ? `superagent.${path[0]}` : 'superagent') };
    return undefined;
  }
  if (m === 'ky') {
    // ky times out after 10 s by default; only an explicit `timeout: false` removes that
    if (path.length === 0 || (path.length === 1 && /^(get|post|put|patch|delete|head)$/.test(path[0]))) return { library: 'ky', display: calleeDisplay(callee, 'ky') };
    return undefined;
  }
  return undefined;
}

// ---- does it need a timeout ---------------------------------------------------------------

function needsTimeout(call: ts.CallExpression, target: Target, facts: FileFacts, cache: Map<ts.Node, boolean>): boolean {
  const args = call.arguments;
  const lib = target.library;
  if (args.some((a) => ts.isSpreadElement(a))) return false;
  if (lib !== 'axios-create' && lib !== 'got-extend' && isRacedAgainstTimer(call)) return false;
  const describe = (i: number): Arg | undefined => (i < args.length ? describeArg(args[i], facts, cache, 0) : undefined);

  switch (lib) {
    case 'ky': {
      // only an explicit `timeout: false` (or 0) removes ky's default
      const opts = args.map((_, i) => describe(i)).filter((a): a is Extract<Arg, { kind: 'object' }> => a?.kind === 'object');
      return opts.some((o) => {
        const p = getProperty(o.literal, 'timeout');
        return !!p && ts.isPropertyAssignment(p) && isDisabledTimeout(p.initializer, true);
      });
    }
    case 'fetch':
    case 'node-fetch':
    case 'undici-fetch': {
      if (args.length === 0) return false;
      const input = describe(0)!;
      if (input.kind === 'unknown' && input.request) return false; // a Request built elsewhere may carry its own signal
      if (input.kind === 'request') {
        if (!input.init) {
          // new Request(url) with no init: the fetch init decides
        } else if (!lacksKeys(input.init, TIMEOUT_KEYS[lib])) return false;
      }
      return optionsLack(describe(1), lib, true);
    }
    case 'axios': {
      const method = target.method;
      if (method === 'request') return args.length > 0 && optionsLack(describe(0), lib, false);
      if (method && AXIOS_CONFIG_SECOND.has(method)) return args.length > 0 && optionsLack(describe(1), lib, true);
      if (method && AXIOS_CONFIG_THIRD.has(method)) return args.length > 0 && optionsLack(describe(2), lib, true);
      return urlOrConfigLacks(describe(0), describe(1), lib);
    }
    case 'axios-create':
    case 'got-extend': {
      if (args.length === 0) return true;
      return args.every((_, i) => optionsLack(describe(i), lib, false));
    }
    case 'got':
      return urlOrConfigLacks(describe(0), describe(1), lib);
    case 'http': {
      const first = describe(0);
      if (!first) return false;
      const second = describe(1);
      const options: (Arg | undefined)[] = [];
      if (first.kind === 'object' || first.kind === 'unknown') {
        // (options, cb) — or (url, options, cb) when a second, non-callback argument follows
        if (first.kind === 'object' || !second || second.kind === 'function') options.push(first);
      } else if (first.kind !== 'url') return false;
      if (second && second.kind !== 'function') options.push(second);
      for (const o of options) if (o && !lacksKeys(o, TIMEOUT_KEYS.http)) return false;
      return !requestGetsTimeout(call, facts, 'setTimeout');
    }
    case 'superagent':
      return !requestGetsTimeout(call, facts, 'timeout');
  }
}

/** `axios(config)` / `axios(url)` / `axios(url, config)`, and the same forms for got. */
function urlOrConfigLacks(first: Arg | undefined, second: Arg | undefined, lib: Library): boolean {
  if (!first) return false;
  if (first.kind === 'object') return lacksKeys(first, TIMEOUT_KEYS[lib]) && (second === undefined || optionsLack(second, lib, true));
  if (first.kind === 'url' || (first.kind === 'unknown' && second !== undefined)) return optionsLack(second, lib, true);
  return false;
}

/** True when the options argument clearly has no timeout: absent (if `absentLacks`) or a visible literal without one. */
function optionsLack(arg: Arg | undefined, lib: Library, absentLacks: boolean): boolean {
  if (!arg) return absentLacks;
  if (arg.kind !== 'object') return false;
  return lacksKeys(arg, TIMEOUT_KEYS[lib]);
}

function lacksKeys(arg: Arg, keys: readonly string[]): boolean {
  if (arg.kind !== 'object') return false;
  if (arg.opaque || hasSpread(arg.literal)) return false;
  for (const key of keys) {
    const p = getProperty(arg.literal, key);
    if (!p) continue;
    if (ts.isShorthandPropertyAssignment(p)) return false;
    if (ts.isPropertyAssignment(p) && !isDisabledTimeout(p.initializer)) return false;
    if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) return false;
  }
  // an http.Agent / undici Agent built right here with its own timeout
  const agent = getProperty(arg.literal, 'agent') ?? getProperty(arg.literal, 'dispatcher');
  if (agent && ts.isPropertyAssignment(agent)) {
    const value = skipOuterExpressions(agent.initializer);
    if (ts.isNewExpression(value) && value.arguments?.some((a) => ts.isObjectLiteralExpression(a) && (hasSpread(a) || ['timeout', 'headersTimeout', 'bodyTimeout', 'connectTimeout'].some((k) => getProperty(a, k))))) return false;
  }
  return true;
}

/** `undefined`, `null`, `0`, `Infinity`, `false` (with `allowFalse`), `{}`: a timeout key that sets no timeout. */
function isDisabledTimeout(value: ts.Expression, allowFalse = true): boolean {
  const v = skipOuterExpressions(value);
  if (ts.isIdentifier(v)) return v.text === 'undefined' || v.text === 'Infinity';
  if (v.kind === ts.SyntaxKind.NullKeyword) return true;
  if (allowFalse && v.kind === ts.SyntaxKind.FalseKeyword) return true;
  if (ts.isNumericLiteral(v)) return Number(v.text) === 0;
  if (ts.isObjectLiteralExpression(v)) return v.properties.length === 0;
  return false;
}

// ---- reading arguments --------------------------------------------------------------------

function describeArg(expr0: ts.Expression, facts: FileFacts, cache: Map<ts.Node, boolean>, depth: number): Arg {
  const expr = skipOuterExpressions(expr0);
  if (depth > 4) return { kind: 'unknown' };
  if (ts.isStringLiteralLike(expr) || ts.isTemplateExpression(expr)) return { kind: 'url' };
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) return { kind: 'url' };
  if (ts.isObjectLiteralExpression(expr)) return { kind: 'object', literal: expr, opaque: false };
  if (ts.isArrowFunction(expr) || ts.isFunctionExpression(expr)) return { kind: 'function' };
  if (ts.isNewExpression(expr) && ts.isIdentifier(expr.expression)) {
    if (expr.expression.text === 'URL') return { kind: 'url' };
    if (expr.expression.text === 'Request') {
      const init = expr.arguments && expr.arguments.length > 1 ? describeArg(expr.arguments[1], facts, cache, depth + 1) : undefined;
      if (init && init.kind !== 'object') return { kind: 'unknown' };
      return { kind: 'request', init };
    }
    return { kind: 'unknown' };
  }
  if (ts.isIdentifier(expr)) {
    const decl = facts.resolver.declarationOf(expr);
    if (decl && ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name)) {
      if (decl.initializer) {
        const inner = describeArg(decl.initializer, facts, cache, depth + 1);
        if (inner.kind === 'object') return { ...inner, opaque: inner.opaque || isWrittenAfter(decl, cache) };
        if (inner.kind !== 'unknown') return isReassigned(decl, cache) ? { kind: 'unknown' } : inner;
      }
      if (decl.type) return fromType(decl.type, expr.text);
      return nameKind(expr.text);
    }
    if (decl && ts.isParameter(decl)) {
      if (decl.type) return fromType(decl.type, expr.text);
      return nameKind(expr.text);
    }
    if (decl && isFunctionNode(decl)) return { kind: 'function' };
    return nameKind(expr.text);
  }
  if (ts.isPropertyAccessExpression(expr)) {
    const base = skipOuterExpressions(expr.expression);
    if (ts.isPropertyAccessExpression(base) && base.name.text === 'env' && ts.isIdentifier(base.expression) && base.expression.text === 'process') return { kind: 'url' };
    return nameKind(expr.name.text);
  }
  if (ts.isCallExpression(expr)) {
    const callee = skipOuterExpressions(expr.expression);
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    return /url|uri|href|^toString$|^String$|^join$|^format$/i.test(name) ? { kind: 'url' } : { kind: 'unknown' };
  }
  return { kind: 'unknown' };
}

/** What a value is, judged by its name alone: a URL, a callback, or unknown. */
function nameKind(name: string): Arg {
  if (URL_NAME.test(name)) return { kind: 'url' };
  if (CALLBACK_NAME.test(name)) return { kind: 'function' };
  // `fetch(request)` in a proxy or worker: an incoming Request, which may carry its own signal
  return { kind: 'unknown', request: /^(?:req|request)$|Request$/.test(name) };
}

function fromType(type: ts.TypeNode, name: string): Arg {
  if (type.kind === ts.SyntaxKind.StringKeyword) return { kind: 'url' };
  if (ts.isFunctionTypeNode(type)) return { kind: 'function' };
  if (ts.isTypeReferenceNode(type)) {
    const tn = type.typeName;
    const last = ts.isIdentifier(tn) ? tn.text : tn.right.text;
    if (last === 'URL') return { kind: 'url' };
    return { kind: 'unknown', request: last === 'Request' };
  }
  if (ts.isUnionTypeNode(type) && type.types.every((t) => t.kind === ts.SyntaxKind.StringKeyword || (ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName) && t.typeName.text === 'URL'))) return { kind: 'url' };
  return nameKind(name);
}

/** The block, function body or file in which a variable declaration lives. */
function scopeOf(decl: ts.VariableDeclaration): ts.Node {
  for (let n: ts.Node | undefined = decl.parent; n; n = n.parent) {
    if (ts.isBlock(n) || ts.isSourceFile(n) || ts.isModuleBlock(n) || isFunctionNode(n) || ts.isCaseClause(n) || ts.isDefaultClause(n)) return n;
  }
  return decl.getSourceFile();
}

function isReassigned(decl: ts.VariableDeclaration, cache: Map<ts.Node, boolean>): boolean {
  if (decl.parent && ts.isVariableDeclarationList(decl.parent) && decl.parent.flags & ts.NodeFlags.Const) return false;
  return isWrittenAfter(decl, cache);
}

/**
 * True when the options object held in this variable may be changed before use: the variable is
 * reassigned, a property is written (`init.signal = …`), or it is handed to `Object.assign`.
 */
function isWrittenAfter(decl: ts.VariableDeclaration, cache: Map<ts.Node, boolean>): boolean {
  const cached = cache.get(decl);
  if (cached !== undefined) return cached;
  const name = (decl.name as ts.Identifier).text;
  const isName = (e: ts.Expression) => {
    const x = skipOuterExpressions(e);
    return ts.isIdentifier(x) && x.text === name;
  };
  const written = walk(scopeOf(decl), (n) => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      const left = skipOuterExpressions(n.left);
      if (isName(left)) return 'stop';
      if (ts.isPropertyAccessExpression(left) && isName(left.expression) && WRITTEN_KEYS.has(left.name.text)) return 'stop';
      if (ts.isElementAccessExpression(left) && isName(left.expression) && (!ts.isStringLiteralLike(left.argumentExpression) || WRITTEN_KEYS.has(left.argumentExpression.text))) return 'stop';
    }
    if (ts.isCallExpression(n) && n.arguments.length > 0 && isName(n.arguments[0])) {
      const callee = skipOuterExpressions(n.expression);
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'assign' && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object') return 'stop';
    }
    return true;
  });
  cache.set(decl, written);
  return written;
}

// ---- timers around the call ------------------------------------------------------------------

/**
 * `Promise.race([fetch(url), timeout(5000)])`, `pTimeout(got(url), 5000)`, `withTimeout(axios.get(url), ms)`:
 * the caller has a deadline written next to the call.
 */
function isRacedAgainstTimer(call: ts.CallExpression): boolean {
  let node: ts.Node = call;
  let parent = node.parent;
  // through `await`, parentheses and the concise body of an arrow: withTimeout(() => fetch(url), ms)
  while (parent && (ts.isAwaitExpression(parent) || ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || (ts.isArrowFunction(parent) && parent.body === node))) {
    node = parent;
    parent = parent.parent;
  }
  if (!parent) return false;
  if (ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)) {
    const name = calleeText(parent);
    if (/timeout|deadline/i.test(name)) return true;
  }
  if (ts.isArrayLiteralExpression(parent) && parent.parent && ts.isCallExpression(parent.parent)) {
    const race = parent.parent;
    const callee = skipOuterExpressions(race.expression);
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'race') {
      return parent.elements.some((el) => el !== node && mentionsTimer(el));
    }
  }
  return false;
}

function calleeText(call: ts.CallExpression): string {
  const callee = skipOuterExpressions(call.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return '';
}

function mentionsTimer(expr: ts.Node): boolean {
  if (ts.isCallExpression(expr) && TIMER_NAME.test(calleeText(expr))) return true;
  if (ts.isIdentifier(expr) && TIMER_NAME.test(expr.text)) return true;
  return walk(expr, (n) => (ts.isIdentifier(n) && (n.text === 'setTimeout' || TIMER_NAME.test(n.text)) ? 'stop' : true));
}

// ---- the returned request (http, superagent) ---------------------------------------------------

/**
 * True when the request object returned by `call` gets a timeout: `.setTimeout(…)` (http) or
 * `.timeout(…)` (superagent) in the chain that starts at the call, or on the variable that holds it,
 * or a timer that destroys / aborts it.
 */
function requestGetsTimeout(call: ts.CallExpression, facts: FileFacts, method: 'setTimeout' | 'timeout'): boolean {
  // chained: http.get(url, cb).on('error', reject).setTimeout(5000)
  let top: ts.Expression = call;
  for (;;) {
    const p = top.parent;
    if (p && ts.isPropertyAccessExpression(p) && p.expression === top && p.parent && ts.isCallExpression(p.parent) && p.parent.expression === p) {
      if (p.name.text === method || isTimeoutHandlerCall(p.parent, method)) return true;
      top = p.parent;
      continue;
    }
    if (p && (ts.isParenthesizedExpression(p) || ts.isNonNullExpression(p) || ts.isAsExpression(p))) {
      top = p;
      continue;
    }
    break;
  }
  // held in a variable: const req = https.request(…); req.setTimeout(…)
  let holder: ts.Identifier | undefined;
  let scope: ts.Node | undefined;
  const p = top.parent;
  if (p && ts.isVariableDeclaration(p) && p.initializer === top && ts.isIdentifier(p.name)) {
    holder = p.name;
    scope = scopeOf(p);
  } else if (p && ts.isBinaryExpression(p) && p.right === top && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(p.left)) {
    holder = p.left;
    const decl = facts.resolver.declarationOf(p.left);
    scope = decl && ts.isVariableDeclaration(decl) ? scopeOf(decl) : decl ?? call.getSourceFile();
  }
  if (!holder || !scope) return false;
  const name = holder.text;
  return walk(scope, (n) => {
    if (!ts.isPropertyAccessExpression(n) || !ts.isIdentifier(n.expression) || n.expression.text !== name) return true;
    const pcall = n.parent;
    if (!pcall || !ts.isCallExpression(pcall) || pcall.expression !== n) return true;
    if (n.name.text === method || isTimeoutHandlerCall(pcall, method)) return 'stop';
    // req.on('error', …).setTimeout(…)
    let t: ts.Expression = pcall;
    while (t.parent && ts.isPropertyAccessExpression(t.parent) && t.parent.parent && ts.isCallExpression(t.parent.parent)) {
      if (t.parent.name.text === method) return 'stop';
      t = t.parent.parent;
    }
    return true;
  }) || timerDestroys(scope, name);
}

/** `req.on('socket', (s) => s.setTimeout(…))`: the socket gets the timeout. */
function isTimeoutHandlerCall(call: ts.CallExpression, method: string): boolean {
  if (method !== 'setTimeout') return false;
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !/^(on|once)$/.test(callee.name.text)) return false;
  const [event, handler] = call.arguments;
  if (!event || !ts.isStringLiteralLike(event) || event.text !== 'socket' || !handler) return false;
  return walk(handler, (n) => (ts.isPropertyAccessExpression(n) && n.name.text === 'setTimeout' ? 'stop' : true));
}

/** `setTimeout(() => req.destroy(), 5000)`: a hand-made deadline on the request. */
function timerDestroys(scope: ts.Node, name: string): boolean {
  return walk(scope, (n) => {
    if (!ts.isCallExpression(n)) return true;
    const callee = skipOuterExpressions(n.expression);
    if (!ts.isIdentifier(callee) || callee.text !== 'setTimeout' || n.arguments.length === 0) return true;
    const fired = walk(n.arguments[0], (m) => {
      if (ts.isPropertyAccessExpression(m) && ts.isIdentifier(m.expression) && m.expression.text === name && /^(destroy|abort)$/.test(m.name.text)) return 'stop';
      return true;
    });
    return fired ? 'stop' : true;
  });
}

// ---- client-level configuration --------------------------------------------------------------

/** The `axios.create(…)` call that produced the instance held by `receiver`, when it is a local variable. */
function creationCallOf(receiver: ts.Expression, facts: FileFacts): ts.Node | undefined {
  const r = skipOuterExpressions(receiver);
  if (ts.isIdentifier(r)) {
    const decl = facts.resolver.declarationOf(r);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer) {
      const init = skipOuterExpressions(decl.initializer);
      if (ts.isCallExpression(init)) return init;
    }
    return undefined;
  }
  // this.client: its initializer, or `this.client = axios.create(…)` in the class
  if (ts.isPropertyAccessExpression(r) && r.expression.kind === ts.SyntaxKind.ThisKeyword) {
    let cls: ts.Node | undefined = r.parent;
    while (cls && !ts.isClassLike(cls)) cls = cls.parent;
    if (!cls || !ts.isClassLike(cls)) return undefined;
    const name = r.name.text;
    let found: ts.Node | undefined;
    for (const m of cls.members) {
      if (ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === name && m.initializer && ts.isCallExpression(skipOuterExpressions(m.initializer))) {
        found = skipOuterExpressions(m.initializer);
      }
    }
    if (found) return found;
    walk(cls, (n) => {
      if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const left = skipOuterExpressions(n.left);
        const right = skipOuterExpressions(n.right);
        if (ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword && left.name.text === name && ts.isCallExpression(right)) {
          found = right;
          return 'stop';
        }
      }
      return true;
    });
    return found;
  }
  return undefined;
}

/**
 * `Object.assign(axios.defaults, { timeout })` and an interceptor that sets the timeout on every
 * request: `api.interceptors.request.use((config) => { config.timeout = 5000; return config; })`.
 */
function noteConfigCall(call: ts.CallExpression, callee: ts.PropertyAccessExpression, note: (receiver: ts.Expression) => void): void {
  if (callee.name.text === 'assign') {
    const [target, source] = call.arguments;
    const t = target && skipOuterExpressions(target);
    if (t && ts.isPropertyAccessExpression(t) && t.name.text === 'defaults' && source && ts.isObjectLiteralExpression(source) && getProperty(source, 'timeout')) note(t.expression);
    return;
  }
  const request = skipOuterExpressions(callee.expression);
  if (!ts.isPropertyAccessExpression(request) || request.name.text !== 'request') return;
  const interceptors = skipOuterExpressions(request.expression);
  if (!ts.isPropertyAccessExpression(interceptors) || interceptors.name.text !== 'interceptors') return;
  const handler = call.arguments[0];
  if (!handler) return;
  const setsTimeout = walk(handler, (n) => {
    if (ts.isPropertyAccessExpression(n) && (n.name.text === 'timeout' || n.name.text === 'signal') && n.parent && ts.isBinaryExpression(n.parent) && n.parent.left === n) return 'stop';
    if (ts.isObjectLiteralExpression(n) && (getProperty(n, 'timeout') || getProperty(n, 'signal'))) return 'stop';
    return true;
  });
  if (setsTimeout) note(interceptors.expression);
}

// ---- messages ------------------------------------------------------------------------------

const WHY =
  'A slow or hung dependency then holds this request, its socket and its caller open indefinitely; under load such requests pile up until the service runs out of connections or memory.';

function messageFor(target: Target, ms: number): string {
  const name = `\`${target.display}\``;
  switch (target.library) {
    case 'fetch':
    case 'undici-fetch':
      return `${name} is called without a timeout: its options pass no \`signal\`, and fetch never gives up on its own. ${WHY} Pass \`signal: AbortSignal.timeout(${ms})\` in the options (fetch ignores a \`timeout\` option).`;
    case 'node-fetch':
      return `${name} is called without a timeout: its options pass neither \`signal\` nor \`timeout\`. ${WHY} Pass \`signal: AbortSignal.timeout(${ms})\` in the options.`;
    case 'axios':
      return `${name} is called without a timeout, and axios waits forever by default (timeout 0). ${WHY} Pass \`timeout: ${ms}\` in its config, or send it through a client made once with \`axios.create({ timeout: ${ms} })\`.`;
    case 'axios-create':
      return `${name} makes an HTTP client without a timeout, so every request sent through it can wait forever. ${WHY} Add \`timeout: ${ms}\` to the config passed to it (or set \`<client>.defaults.timeout\`).`;
    case 'got':
      return `${name} is called without a timeout, and got sets none by default. ${WHY} Pass \`timeout: { request: ${ms} }\` in its options, or use a client made once with \`got.extend({ timeout: { request: ${ms} } })\`.`;
    case 'got-extend':
      return `${name} makes an HTTP client without a timeout, so every request sent through it can wait forever. ${WHY} Add \`timeout: { request: ${ms} }\` to its options.`;
    case 'http':
      return `${name} sends a request without a timeout: no \`timeout\` option, no \`signal\` and no \`.setTimeout(…)\` on the returned request. ${WHY} Pass \`timeout: ${ms}\` and destroy the request on its 'timeout' event, or pass \`signal: AbortSignal.timeout(${ms})\`.`;
    case 'superagent':
      return `This superagent request (${name}) has no \`.timeout(…)\` in its chain, so it can wait forever. ${WHY} Add \`.timeout({ response: ${ms}, deadline: ${ms * 2} })\` to the chain.`;
    case 'ky':
      return `${name} is called with \`timeout: false\`, which removes ky's default timeout. ${WHY} Remove \`timeout: false\` or give a number of milliseconds, e.g. \`timeout: ${ms}\`.`;
  }
}
