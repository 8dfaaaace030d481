// unstable-idempotency-key: an idempotency key made fresh at the call site, from the clock
// (`Date.now()`, `new Date()`), `Math.random()` or a newly generated id (`randomUUID()`, uuid
// `v4()`, `nanoid()`, `cuid()`, `ulid()`), written in place or through a local variable of the
// same function. Every attempt then sends a different key, so the provider cannot recognise the
// retry. Keys are found by name: `idempotencyKey` / `idempotency_key` properties, the
// `Idempotency-Key` / `X-Idempotency-Key` headers (also PayPal's `PayPal-Request-Id`), in options
// handed to a call, in header setters and in header assignments. Keys that are stored or queued
// (`repo.save({ idempotencyKey: uuid() })`, `queue.add(…)`) are the fix, not the smell.
// See docs/rules/unstable-idempotency-key.md for every decision.
import { ts } from 'ts-morph';
import { enclosingFunction, isFunctionNode, isLoopNode, skipOuterExpressions, walk } from '../engine/ast';
import type { FileFacts } from '../engine/fileFacts';
import { defineRule, type RuleContext } from '../engine/rule';
import { isTestOrSeedFile, propertyName } from './shared/dataAccess';
import { declarationScope, isReassigned } from './shared/requestOptions';

/** Names of an idempotency key: properties, headers, PayPal's request id. */
const KEY_NAME = /^((x-)?idempotency[-_]?key|paypal-?request-?id)$/i;
/** Setter methods that take a header name and a value. */
const HEADER_SETTERS = new Set(['set', 'setHeader', 'header', 'append', 'setRequestHeader']);
const PAYPAL_SETTER = /^pay[pP]alRequestId$/;
/** Properties whose object is stored or queued, not sent: `{ data: { idempotencyKey } }`. */
const STORED_PROPERTY = /^(data|values|value|document|doc|row|record|entity|create|update|\$set|\$setOnInsert|job|jobData)$/;
/** Calls that store, queue, cache or log an object rather than send a request. */
/** Modules of database clients: a key written with a row is stored for reuse, not sent. */
const DB_MODULE = /^(typeorm|@prisma\/client|sequelize|sequelize-typescript|mongoose|mongodb|knex|drizzle-orm(\/.*)?|@mikro-orm\/.*)$/;
const STORE_METHOD = /^(save|saveAll|insert\w*|upsert|persist|store|cache|add|addJob|addBulk|enqueue\w*|schedule\w*|push|publish\w*|produce|emit|dispatch|putEvents|putRecords?|sendMessage|sendMessageBatch|log|info|debug|warn|error|trace|fatal|track|setItem|hset|hmset|lpush|rpush|xadd)$/;
const STORE_RECEIVER = /(^|[^a-z])(repo|repository|model|db|database|prisma|knex|sequelize|mongoose|collection|table|store|cache|redis|queue|bus|producer|publisher|emitter|events|logger|log|dao|entity|orm|em|storage|session|kafka|sqs|sns|kinesis|eventBridge|pubsub|topic|channel)s?$/i;
/** A server's response to its own client: `res`, `reply`, `ctx`, `NextResponse`. */
const RESPONSE_RECEIVER = /^(res|response|reply|ctx)$|Response$/;
/** Request objects whose constructor takes headers or options: `new Headers({…})`, `new Request(url, {…})`. */
const REQUEST_CLASSES = new Set(['Headers', 'Request', 'HttpHeaders', 'HttpRequest']);
/** Generators of fresh ids, by import source: module → exported names (`''` = the module itself). */
const ID_MODULES: Record<string, RegExp> = {
  crypto: /^(randomUUID|randomBytes|randomInt|webcrypto\.randomUUID)$/,
  uuid: /^(v1|v4|v6|v7)$/,
  nanoid: /^(nanoid|customAlphabet\.\(\))$/,
  'nanoid/non-secure': /^(nanoid|customAlphabet\.\(\))$/,
  cuid: /^(|cuid|slug)$/,
  '@paralleldrive/cuid2': /^(createId|init\.\(\))$/,
  ulid: /^(ulid|monotonicFactory\.\(\))$/,
  ulidx: /^(ulid|monotonicFactory\.\(\))$/,
  'short-uuid': /^(|generate|uuid)$/,
  'uuid-random': /^$/,
  '@lukeed/uuid': /^(|v4)$/,
  hyperid: /^\(\)$/,
  'uuidv4': /^(|uuid)$/,
};
/** Generators recognised by name alone (a project helper or an unrecognised import): called without an argument. */
const ID_NAME = /^(uuid|uuidv4|uuidV4|uuid4|randomUUID|randomUuid|generateUUID|generateUuid|newUUID|newUuid|makeUuid|createUuid|nanoid|cuid|cuid2|createId|ulid|randomId|generateRandomId)$/;
/** A helper that makes a key and is given nothing to derive it from (called without arguments). */
const KEY_MAKER_NAME = /^(generate|new|make|create|random|fresh)\w*(Key|Id|ID|Uuid|UUID|Token)$/;
/** Truncations that turn the clock into a period bucket (`YYYY-MM-DD`): the same key for the whole day, on purpose. */
const DATE_BUCKET_METHODS = /^(toDateString|toLocaleDateString|getFullYear|getUTCFullYear|getMonth|getUTCMonth|getDate|getUTCDate|getDay|getUTCDay)$/;

const MAX_DEPTH = 6;

/** A fresh value found in a key, with the expression that makes it. */
interface Fresh {
  source: ts.Node;
  /** The local variable the key goes through, if any. */
  via?: ts.VariableDeclaration;
}

export const unstableIdempotencyKey = defineRule({
  id: 'unstable-idempotency-key',
  category: 'idempotency',
  defaultSeverity: 'HIGH',
  title: 'Idempotency key made fresh for each attempt',
  requiresTypeInfo: false,
  options: {},
  docs: {
    summary:
      'Flags an idempotency key (`idempotencyKey`, `idempotency_key`, an `Idempotency-Key` / `X-Idempotency-Key` header) built at the call site, directly or through a local variable, from `Date.now()`, `new Date()`, `Math.random()` or a freshly generated UUID / nanoid / cuid / ulid.',
    why:
      'An idempotency key only works if a retry sends the same key as the first attempt. A key made from the clock or a new random id is different on every attempt, so when a request times out after the provider processed it, the retry looks like a brand-new request and is processed again: a second charge, a second label, a second order. The key is there, so the code looks safe in review, which makes the bug easy to miss.',
    fix:
      'Derive the key from the operation: the order, payment or request id (`order-${order.id}-capture`), a name-based UUID (`uuidv5(orderId, NAMESPACE)`), a hash of the payload, or a key the caller passes in (and that the caller keeps across its own retries). If a random key is really needed, create it once when the operation is first recorded, store it with the operation and reuse the stored value on every attempt.',
    invalid: [
      {
        code: "import Stripe from 'stripe';\n\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);\n\nexport function capture(intentId: string) {\n  return stripe.paymentIntents.capture(intentId, {}, { idempotencyKey: `capture-${intentId}-${Date.now()}` });\n}\n",
      },
      {
        code: "import axios from 'axios';\nimport { randomUUID } from 'node:crypto';\n\nexport async function purchaseLabel(shipmentId: string) {\n  const requestId = randomUUID();\n  return axios.post('https://labels.example/purchase', { shipmentId }, { timeout: 5000, headers: { 'Idempotency-Key': requestId } });\n}\n",
      },
      {
        code: "import { v4 as uuidv4 } from 'uuid';\n\nexport async function createTransfer(amount: number) {\n  return fetch('https://bank.example/transfers', {\n    method: 'POST',\n    signal: AbortSignal.timeout(5000),\n    headers: { 'X-Idempotency-Key': uuidv4() },\n    body: JSON.stringify({ amount }),\n  });\n}\n",
      },
    ],
    valid: [
      {
        code: "import Stripe from 'stripe';\n\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);\n\nexport function capture(order: { id: string; intentId: string }) {\n  return stripe.paymentIntents.capture(order.intentId, {}, { idempotencyKey: `capture-${order.id}` });\n}\n",
      },
      {
        code: "import { v5 as uuidv5 } from 'uuid';\nimport axios from 'axios';\n\nconst NAMESPACE = '6f1c1d1e-8a9b-4c2d-9e3f-0a1b2c3d4e5f';\n\nexport async function purchaseLabel(shipmentId: string) {\n  const key = uuidv5(shipmentId, NAMESPACE);\n  return axios.post('https://labels.example/purchase', { shipmentId }, { timeout: 5000, headers: { 'Idempotency-Key': key } });\n}\n",
      },
      {
        code: "import { randomUUID } from 'node:crypto';\nimport { PrismaClient } from '@prisma/client';\n\nconst prisma = new PrismaClient();\n\n// made once and stored with the payment: every later attempt reuses the stored key\nexport const recordPayment = (orderId: string) => prisma.payment.create({ data: { orderId, idempotencyKey: randomUUID() } });\n",
      },
    ],
  },
  create(context) {
    if (isTestOrSeedFile(context.file)) return {};
    if (!/dempotency|paypal-?request-?id/i.test(context.sourceFile.text)) return {};
    const facts = context.facts;
    const reported = new Set<ts.Node>();
    const report = (at: ts.Node, name: string, fresh: Fresh) => {
      if (reported.has(at)) return;
      reported.add(at);
      flag(context, at, name, fresh);
    };

    const onProperty = (node: ts.Node) => {
      const prop = node as ts.PropertyAssignment | ts.ShorthandPropertyAssignment;
      const name = propertyName(prop);
      if (!name || !KEY_NAME.test(name)) return;
      if (!ts.isObjectLiteralExpression(prop.parent)) return;
      const value = ts.isPropertyAssignment(prop) ? prop.initializer : prop.name;
      const fresh = freshValue(value, prop, facts);
      if (!fresh) return;
      // the object must be sent by a call, not stored, queued or logged
      if (!reachesRequest(prop.parent, facts, fresh.source)) return;
      report(prop, name, fresh);
    };

    return {
      PropertyAssignment: onProperty,
      ShorthandPropertyAssignment: onProperty,
      CallExpression: (node: ts.Node) => {
        const call = node as ts.CallExpression;
        const callee = skipOuterExpressions(call.expression);
        if (!ts.isPropertyAccessExpression(callee)) return;
        const method = callee.name.text;
        let name: string | undefined;
        let value: ts.Expression | undefined;
        if (HEADER_SETTERS.has(method) && call.arguments.length >= 2 && ts.isStringLiteralLike(call.arguments[0]) && KEY_NAME.test(call.arguments[0].text)) {
          const receiver = receiverName(callee.expression) ?? '';
          // a cache or a server's own response (`res.set(…)`) is not a request
          if (STORE_RECEIVER.test(receiver) || RESPONSE_RECEIVER.test(receiver)) return;
          name = call.arguments[0].text;
          value = call.arguments[1];
        } else if (PAYPAL_SETTER.test(method) && call.arguments.length === 1) {
          name = 'PayPal-Request-Id';
          value = call.arguments[0];
        }
        if (!name || !value) return;
        const fresh = freshValue(value, call, facts);
        if (fresh) report(call, name, fresh);
      },
      BinaryExpression: (node: ts.Node) => {
        const bin = node as ts.BinaryExpression;
        if (bin.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
        const left = skipOuterExpressions(bin.left);
        if (!ts.isElementAccessExpression(left) && !ts.isPropertyAccessExpression(left)) return;
        const name = ts.isPropertyAccessExpression(left) ? left.name.text : ts.isStringLiteralLike(left.argumentExpression) ? left.argumentExpression.text : undefined;
        if (!name || !KEY_NAME.test(name)) return;
        const fresh = freshValue(bin.right, bin, facts);
        if (!fresh) return;
        // a header written by name (`headers['Idempotency-Key'] = …`) is sent; a property
        // (`payment.idempotencyKey = …`) only when its object then goes to a request
        if (!name.includes('-')) {
          const target = skipOuterExpressions(left.expression);
          if (!ts.isIdentifier(target)) return;
          const decl = facts.resolver.declarationOf(target);
          if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return;
          const obj = skipOuterExpressions(decl.initializer);
          if (!ts.isObjectLiteralExpression(obj) || !reachesRequest(obj, facts, bin)) return;
        }
        report(bin, name, fresh);
      },
    };
  },
});

function flag(context: RuleContext, at: ts.Node, name: string, fresh: Fresh): void {
  const sf = context.sourceFile;
  const source = shortText(fresh.source, sf);
  const via = fresh.via && ts.isIdentifier(fresh.via.name) ? ` through \`${fresh.via.name.text}\` (line ${sf.getLineAndCharacterOfPosition(fresh.via.getStart(sf)).line + 1})` : '';
  context.report(
    at,
    `The idempotency key \`${name}\` is made from \`${source}\`${via}, so every attempt sends a different key. When a request times out after the provider has processed it, the retry looks like a new request and is processed again (a second charge, label or order), although the code appears to be protected. Derive the key from the operation instead (the order or request id, \`uuidv5(name, namespace)\`, a hash of the payload, or a key passed in by the caller) and send the same key on every retry.`,
    fresh.via ? { related: [{ node: fresh.via, message: 'the key is generated here' }] } : undefined,
  );
}

function shortText(node: ts.Node, sf: ts.SourceFile): string {
  const t = node.getText(sf).replace(/\s+/g, ' ');
  return t.length <= 50 ? t : `${t.slice(0, 47)}…`;
}

// ---- is the key fresh? ------------------------------------------------------------------------

/**
 * The fresh part of a key's value: a clock read, `Math.random()`, or a generated id, anywhere in
 * the expression (`\`capture-${id}-${Date.now()}\``, `String(uuid())`), or the initializer of a
 * local variable of the same function that the key is read from. A fresh value used only as a
 * fallback (`callerKey ?? randomUUID()`, `a ? b : uuid()`) does not count.
 */
function freshValue(value: ts.Expression, at: ts.Node, facts: FileFacts, depth = 0): Fresh | undefined {
  if (depth > MAX_DEPTH) return undefined;
  let found: Fresh | undefined;
  const visit = (n: ts.Node): boolean | 'stop' => {
    if (isFunctionNode(n)) return false;
    if (ts.isBinaryExpression(n) && (n.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || n.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
      // only the preferred value decides
      return check(n.left);
    }
    if (ts.isConditionalExpression(n)) {
      const a = freshValue(n.whenTrue, at, facts, depth + 1);
      const b = a && freshValue(n.whenFalse, at, facts, depth + 1);
      if (a && b) found = a;
      return found ? 'stop' : false;
    }
    if (isFreshSource(n, facts, depth)) {
      found = { source: n };
      return 'stop';
    }
    // the answer of a query or a request is data from elsewhere, not its arguments: a key read back
    // from the row it was stored in (`(await prisma.payout.create({ data: { idempotencyKey: uuid() } })).idempotencyKey`)
    if (ts.isCallExpression(n) && (facts.callKind(n) || facts.chainKind(n, ['db']))) return false;
    if (ts.isIdentifier(n) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) && !(ts.isPropertyAssignment(n.parent) && n.parent.name === n)) {
      const viaVar = throughVariable(n, at, facts, depth);
      if (viaVar) {
        found = viaVar;
        return 'stop';
      }
    }
    return true;
  };
  const check = (n: ts.Node): boolean | 'stop' => {
    const r = visit(n);
    if (r === 'stop') return 'stop';
    if (r === false) return false;
    walk(n, visit);
    return found ? 'stop' : false;
  };
  check(skipOuterExpressions(value));
  return found;
}

/** `key` read from `const key = randomUUID()` declared earlier in the same function, outside no loop or callback in between. */
function throughVariable(id: ts.Identifier, at: ts.Node, facts: FileFacts, depth: number): Fresh | undefined {
  const decl = facts.resolver.declarationOf(id);
  if (!decl || !ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name) || !decl.initializer) return undefined;
  if (!isFunctionNode(declarationScope(decl))) return undefined; // module level: made once per process
  if (enclosingFunction(decl) !== enclosingFunction(id)) return undefined;
  if (decl.getStart() > id.getStart()) return undefined;
  if (isReassigned(decl)) return undefined;
  // a key made before a loop (or a retry callback) is the same on every pass of it
  if (crossesBoundary(decl, id)) return undefined;
  const inner = freshValue(decl.initializer, at, facts, depth + 1);
  return inner ? { source: inner.source, via: inner.via ?? decl } : undefined;
}

/** True when `to` sits in a loop or function that does not contain `from`. */
function crossesBoundary(from: ts.Node, to: ts.Node): boolean {
  for (let n: ts.Node | undefined = to.parent; n; n = n.parent) {
    if (n.pos <= from.pos && from.end <= n.end) return false;
    if (isLoopNode(n) || isFunctionNode(n)) return true;
  }
  return false;
}

/** A read of the clock, `Math.random()`, or a call that generates a new id. */
function isFreshSource(n: ts.Node, facts: FileFacts, depth = 0): boolean {
  if (ts.isNewExpression(n)) {
    const e = skipOuterExpressions(n.expression);
    return ts.isIdentifier(e) && e.text === 'Date' && !n.arguments?.length && !facts.isLocal('Date', n) && !isDateBucket(n);
  }
  if (!ts.isCallExpression(n)) return false;
  const callee = skipOuterExpressions(n.expression);
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
    const obj = callee.expression.text;
    const m = callee.name.text;
    if (obj === 'Date' && m === 'now' && !facts.isLocal('Date', n)) return !isTimeBucket(n);
    if (obj === 'Math' && m === 'random' && !facts.isLocal('Math', n)) return true;
    if (obj === 'performance' && m === 'now') return true;
  }
  if (ts.isIdentifier(callee) && callee.text === 'Date' && !facts.isLocal('Date', n)) return true;
  const origin = facts.originOf(callee);
  if (origin) {
    // dayjs() / moment() / DateTime.now(): the clock, unless cut to a day or a month
    if (isLibraryNow(n, origin.module, origin.path.join('.'))) return !isLibraryDateBucket(n);
    // global crypto.randomUUID()
    if (origin.module === '' && origin.path.join('.').match(/^(globalThis\.|window\.|self\.)?crypto\.randomUUID$/)) return true;
    const allowed = ID_MODULES[origin.module];
    if (allowed && allowed.test(origin.path.join('.'))) return true;
    if (allowed) return false; // another export of a known module (uuid v5, crypto.createHash…)
  }
  // a function of this file that returns a fresh value: `const newKey = () => randomUUID()`
  if (ts.isIdentifier(callee) && returnsFresh(callee, facts, depth)) return true;
  // a generator known by name: `uuid()`, `uuidv4()`, `nanoid()`, `createId()`, or a key maker
  // given nothing to derive the key from: `generateIdempotencyKey()`, `newRequestKey()`
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (!name) return false;
  if (KEY_MAKER_NAME.test(name) && n.arguments.length === 0) return true;
  if (!ID_NAME.test(name)) return false;
  return n.arguments.length === 0 || (name === 'nanoid' && n.arguments.length === 1 && ts.isNumericLiteral(n.arguments[0]));
}

/** A function declared in this file (declaration, or a `const` arrow / function expression) with a `return` of a fresh value. */
function returnsFresh(id: ts.Identifier, facts: FileFacts, depth: number): boolean {
  if (depth >= MAX_DEPTH) return false;
  const decl = facts.resolver.declarationOf(id);
  if (!decl) return false;
  let fn: ts.Node | undefined;
  if (ts.isFunctionDeclaration(decl)) fn = decl;
  else if (ts.isVariableDeclaration(decl) && decl.initializer) {
    const init = skipOuterExpressions(decl.initializer);
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) fn = init;
  }
  if (!fn || !(ts.isFunctionDeclaration(fn) || ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || !fn.body) return false;
  if (!ts.isBlock(fn.body)) return !!freshValue(fn.body, fn.body, facts, depth + 1);
  let fresh = false;
  walk(fn.body, (x) => {
    if (isFunctionNode(x)) return false;
    if (ts.isReturnStatement(x) && x.expression && freshValue(x.expression, x, facts, depth + 1)) {
      fresh = true;
      return 'stop';
    }
    return true;
  });
  return fresh;
}

/** `new Date()` cut down to a day or a month: `new Date().toISOString().slice(0, 10)`, `format(new Date(), 'yyyy-MM-dd')`. */
function isDateBucket(newDate: ts.NewExpression): boolean {
  let n: ts.Node = newDate;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (ts.isPropertyAccessExpression(p) && p.expression === n) {
    const m = p.name.text;
    if (DATE_BUCKET_METHODS.test(m)) return true;
    if ((m === 'toISOString' || m === 'toJSON') && ts.isCallExpression(p.parent)) {
      const after = p.parent.parent;
      // .toISOString().slice(0, 10) / .substring(0, 7) / .split('T')[0]
      if (ts.isPropertyAccessExpression(after) && /^(slice|substring|substr)$/.test(after.name.text) && ts.isCallExpression(after.parent)) {
        const end = after.parent.arguments[1];
        return !!end && ts.isNumericLiteral(end) && Number(end.text) <= 10;
      }
      if (ts.isPropertyAccessExpression(after) && after.name.text === 'split') return true;
    }
    return false;
  }
  // format(new Date(), 'yyyy-MM-dd'): a format without hours, minutes or seconds
  if (ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression)) {
    const fmt = p.arguments.find((a) => ts.isStringLiteralLike(a));
    return !!fmt && ts.isStringLiteralLike(fmt) && /[yYdD]/.test(fmt.text) && !/[Hhms]/.test(fmt.text);
  }
  return false;
}

/** `dayjs()`, `moment()`, `moment.utc()`, luxon's `DateTime.now()` / `DateTime.utc()`: the current time. */
function isLibraryNow(call: ts.CallExpression, module: string, path: string): boolean {
  if (call.arguments.length > 0) return false;
  if (module === 'dayjs' || module === 'moment' || module === 'moment-timezone') return path === '' || path === 'utc' || path === 'default';
  if (module === 'luxon') return path === 'DateTime.now' || path === 'DateTime.utc' || path === 'DateTime.local';
  return false;
}

/** `dayjs().format('YYYY-MM-DD')`, `moment().startOf('day')`, `DateTime.now().toISODate()`: a period bucket, the same key all day. */
function isLibraryDateBucket(call: ts.CallExpression): boolean {
  let n: ts.Node = call;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (!ts.isPropertyAccessExpression(p) || p.expression !== n || !ts.isCallExpression(p.parent)) return false;
  const m = p.name.text;
  const arg = p.parent.arguments[0];
  if (m === 'format' || m === 'toFormat') return !!arg && ts.isStringLiteralLike(arg) && /[yYdD]/.test(arg.text) && !/[Hhms]/.test(arg.text);
  if (m === 'startOf') return !!arg && ts.isStringLiteralLike(arg) && /^(day|date|week|isoWeek|month|quarter|year)$/.test(arg.text);
  return m === 'toISODate';
}

/** `Math.floor(Date.now() / HOUR)`: the clock divided into buckets, on purpose. */
function isTimeBucket(now: ts.CallExpression): boolean {
  let n: ts.Node = now;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  return ts.isBinaryExpression(p) && p.left === n && p.operatorToken.kind === ts.SyntaxKind.SlashToken;
}

// ---- is the key sent? ---------------------------------------------------------------------------

/**
 * The object literal holding the key reaches a call that sends it: as an argument (possibly
 * nested in other literals, `JSON.stringify(…)`, or a local variable handed on), of a call that is
 * not a database write, a logger, a queue or a cache. `new Headers(…)` / `new Request(…)` count;
 * other constructions (`new Payment({…})`, an entity) do not.
 */
function reachesRequest(obj: ts.ObjectLiteralExpression, facts: FileFacts, fresh: ts.Node): boolean {
  const seen = new Set<ts.Node>();
  const go = (start: ts.Node, depth: number): boolean => {
    if (depth > MAX_DEPTH || seen.has(start)) return false;
    seen.add(start);
    let n: ts.Node = start;
    for (;;) {
      const p: ts.Node = n.parent;
      if (!p) return false;
      if (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isSatisfiesExpression(p) || ts.isNonNullExpression(p) || ts.isTypeAssertionExpression(p) || ts.isArrayLiteralExpression(p)) {
        n = p;
        continue;
      }
      if ((ts.isPropertyAssignment(p) && p.initializer === n) || ts.isShorthandPropertyAssignment(p)) {
        const name = propertyName(p);
        if (name && STORED_PROPERTY.test(name)) return false;
        n = p.parent;
        continue;
      }
      if (ts.isSpreadAssignment(p)) {
        n = p.parent;
        continue;
      }
      if (ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression)) {
        const callee = skipOuterExpressions(p.expression);
        // JSON.stringify({ idempotency_key }) as a request body
        if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'JSON' && callee.name.text === 'stringify') {
          n = p;
          continue;
        }
        return sendsRequest(p, facts);
      }
      if (ts.isNewExpression(p) && p.arguments?.includes(n as ts.Expression)) {
        const e = skipOuterExpressions(p.expression);
        const name = ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : '';
        if (REQUEST_CLASSES.has(name)) return true;
        const k = facts.callKind(p);
        return !!k && k.kind === 'payment';
      }
      if (ts.isVariableDeclaration(p) && p.initializer === n && ts.isIdentifier(p.name)) {
        // const options = {…}; later handed to a call in the same function
        const decl = p;
        const name = p.name.text;
        let sent = false;
        walk(declarationScope(decl), (x) => {
          if (sent) return 'stop';
          if (ts.isIdentifier(x) && x.text === name && x !== decl.name && x.pos > decl.end) {
            if (ts.isShorthandPropertyAssignment(x.parent) || !(ts.isPropertyAccessExpression(x.parent) && x.parent.expression !== x)) {
              // a loop or callback between the key and the call keeps the key the same for each pass
              if (!crossesBoundary(fresh, x) && go(x, depth + 1)) sent = true;
            }
          }
          return true;
        });
        return sent;
      }
      return false;
    }
  };
  return go(obj, 0);
}

/** A call that sends a request: any call except database writes, loggers, queues, caches and stores. */
function sendsRequest(call: ts.CallExpression, facts: FileFacts): boolean {
  const k = facts.callKind(call);
  if (k) return k.kind === 'http' || k.kind === 'payment' || k.kind === 'llm';
  if (facts.chainKind(call, ['db', 'logger'])) return false;
  if (facts.isLoggingCall(call)) return false;
  const callee = skipOuterExpressions(call.expression);
  if (ts.isPropertyAccessExpression(callee)) {
    if (STORE_METHOD.test(callee.name.text)) return false;
    // `this.attempts.create({ idempotencyKey: uuid() })` on a TypeORM repository: the key is stored with the row, to be reused
    const receiver = facts.originOf(callee.expression);
    if (receiver && DB_MODULE.test(receiver.module)) return false;
    for (let e: ts.Expression = skipOuterExpressions(callee.expression); ; ) {
      const name = receiverName(e);
      if (name && STORE_RECEIVER.test(name)) return false;
      // a server answering its own client (`res.status(201).json({ idempotencyKey })` hands out a key to reuse)
      if (name && RESPONSE_RECEIVER.test(name)) return false;
      if (ts.isPropertyAccessExpression(e)) e = skipOuterExpressions(e.expression);
      else if (ts.isCallExpression(e)) e = skipOuterExpressions(e.expression);
      else break;
    }
  } else if (ts.isIdentifier(callee) && STORE_METHOD.test(callee.text)) {
    return false;
  }
  return true;
}

function receiverName(e0: ts.Expression): string | undefined {
  const e = skipOuterExpressions(e0);
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}
