// sensitive-data-logged: a logging call that writes a value whose name says it is a secret or
// personal data (`password`, `token`, `authorization`, `cardNumber`, `ssn`, `apiKey`, `email`, …):
// an identifier, a property access, an element access with a literal key, an object-literal key or
// shorthand, in any argument of the call (also inside template literals, concatenations, arrays,
// nested objects, `JSON.stringify(…)` / `String(…)`). In auth routes (route path, router, handler,
// controller or file name mentions login/auth/signup/password/token/session/…), the whole
// `req.headers` / `req.body` counts too. Names that describe a secret without holding it
// (`hasPassword`, `tokenCount`, `passwordLength`, `isTokenValid`, `passwordResetUrlSent`) and
// values passed through any function other than a stringifier (`redact(x)`, `mask(x)`) are fine.
// Decisions: docs/rules/sensitive-data-logged.md.
import { ts } from 'ts-morph';
import { isFunctionNode, skipOuterExpressions } from '../engine/ast';
import type { FileFacts } from '../engine/fileFacts';
import { defineRule, type RuleContext } from '../engine/rule';

const K = ts.SyntaxKind;

/** Words that make a name a secret or personal data on their own (after splitting camelCase / snake_case). */
const SENSITIVE_WORDS = new Set([
  'password', 'passwords', 'passwd', 'passphrase', 'passcode',
  'secret', 'secrets',
  'token', 'jwt', 'bearer',
  'authorization',
  'cookie', 'cookies',
  'credential', 'credentials', 'creds',
  'ssn', 'cvv', 'cvc', 'cvv2', 'iban', 'otp', 'totp',
  'email', 'emails', 'phone', 'msisdn', 'telephone',
  'dob', 'birthdate', 'birthday',
]);
/** Word sequences (joined without separators) that are sensitive wherever they appear in a name. */
const SENSITIVE_COMPOUNDS = [
  'apikey', 'accesskey', 'secretkey', 'privatekey', 'signingkey', 'encryptionkey', 'masterkey', 'clientkey', 'licensekey',
  'cardnumber', 'cardno', 'creditcard', 'ccnumber', 'securitycode', 'cardcvc', 'cardcvv',
  'socialsecurity', 'nationalid', 'nationalinsurance', 'passportnumber', 'passportno', 'driverslicense', 'driverlicense', 'driverlicence', 'driverslicence',
  'dateofbirth', 'sessionid', 'bankaccount', 'accountnumber', 'routingnumber', 'sortcode',
  'phonenumber', 'mobilenumber', 'emailaddress',
  'homeaddress', 'streetaddress', 'billingaddress', 'shippingaddress', 'postaladdress', 'mailingaddress',
  'authheader', 'authcode', 'authtoken', 'verificationcode', 'resetcode', 'mfacode', 'twofactorcode', 'pincode', 'smscode', 'confirmationcode',
];
/** A first word that turns the name into a question or a number about the secret: `hasPassword`, `isTokenValid`, `maxTokens`. */
const META_PREFIX = new Set(['has', 'is', 'should', 'can', 'was', 'were', 'did', 'does', 'needs', 'need', 'allow', 'allows', 'require', 'requires', 'use', 'uses', 'show', 'hide', 'num', 'count', 'total', 'max', 'min', 'no', 'with', 'without', 'validate', 'verify', 'check', 'generate', 'create', 'get', 'set', 'find', 'on']);
/** A last word that makes the name describe the secret instead of holding it: `tokenCount`, `passwordLength`, `emailVerified`. */
const META_SUFFIX = new Set([
  'count', 'counts', 'length', 'len', 'size', 'exists', 'valid', 'invalid', 'present', 'provided', 'required', 'enabled', 'disabled', 'set', 'configured',
  'type', 'types', 'id', 'ids', 'at', 'expiry', 'expires', 'expiration', 'ttl', 'hash', 'hashed', 'digest', 'url', 'uri', 'link', 'endpoint', 'policy', 'strength', 'rules', 'rule',
  'field', 'fields', 'name', 'names', 'label', 'version', 'status', 'state', 'error', 'errors', 'message', 'mode', 'format', 'prefix', 'suffix',
  'source', 'kind', 'scope', 'scopes', 'provider', 'algorithm', 'alg', 'issuer', 'audience', 'duration', 'timeout', 'attempts', 'retries',
  'changed', 'updated', 'created', 'sent', 'ok', 'match', 'matches', 'strategy', 'config', 'options', 'path', 'verified', 'confirmed', 'domain',
  'template', 'subject', 'missing', 'expired', 'revoked', 'used', 'index', 'idx', 'flag', 'regex', 'pattern', 'schema', 'validator', 'hint', 'requested',
  'arn', 'location', 'store', 'service', 'client', 'manager', 'helper', 'module', 'file', 'env', 'var', 'ref', 'refs',
  'changes', 'reset', 'resets', 'event', 'events', 'supplied', 'entered', 'lifetime', 'age', 'window', 'limit', 'tokens',
  'domains', 'opt', 'optin', 'verification', 'bounced', 'delivered', 'queued', 'counter', 'metrics', 'usage', 'budget', 'cost',
]);
/** Tokens that are not credentials: paging cursors, cancellation tokens, parser tokens, LLM token counts. */
const HARMLESS_TOKEN_PREFIX = new Set(['page', 'next', 'prev', 'previous', 'continuation', 'pagination', 'cursor', 'cancellation', 'cancel', 'sync', 'lexer', 'current', 'last', 'first', 'input', 'output', 'prompt', 'completion', 'max', 'total', 'reasoning', 'cached']);
/** Header names whose value is a credential, for `headers['x-api-key']`-style access. */
const SENSITIVE_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|x-auth-token|x-access-token|x-csrf-token|x-xsrf-token|x-session-id|x-session-token|x-refresh-token|api-key|apikey)$/i;
/** Words that make a route, router, handler, controller or file an authentication one. */
const AUTH_WORDS = new Set([
  'auth', 'authn', 'authentication', 'authenticate', 'authorize', 'authorise', 'authorization', 'login', 'logon', 'signin', 'signup', 'register', 'registration',
  'password', 'passwords', 'passwd', 'token', 'tokens', 'session', 'sessions', 'oauth', 'oauth2', 'otp', 'mfa', '2fa', 'twofactor', 'credential', 'credentials',
  'sso', 'saml', 'jwt',
]);
/** Paths an authentication router serves without saying so: `/`, `/me`, `/logout`, `/refresh`, `/callback`. */
const AUTH_ADJACENT = new Set(['me', 'whoami', 'logout', 'signout', 'logoff', 'refresh', 'callback', 'verify', 'verification', 'reset', 'forgot', 'recover', 'magic', 'confirm', 'activate', 'invite', 'profile', 'account', 'user', 'current']);

function isAuthAdjacentPath(path: string): boolean {
  const segments = path.split('/').filter((x) => x && !x.startsWith(':') && !x.startsWith('{'));
  if (segments.length === 0) return true;
  return segments.some((seg) => seg.split(/[-_.]/).some((w) => AUTH_ADJACENT.has(w.toLowerCase())));
}

/** Method names that log (every level of the common loggers, and error reporters' capture calls). */
const LOG_METHOD_NAMES = new Set([
  'error', 'warn', 'warning', 'info', 'debug', 'trace', 'fatal', 'log', 'critical', 'notice', 'alert', 'emerg', 'verbose', 'silly',
  'exception', 'captureException', 'captureMessage', 'captureError', 'captureEvent', 'reportError', 'recordException',
]);
/** Receivers named like a logger or an error reporter: any method of theirs may log (`consola.success`, `Bugsnag.notify`, `auditLog.write`). */
const RECEIVER_VERDICTS = new Map<string, boolean>();
const LOGGER_RECEIVER = ['log', 'console', 'consola', 'sentry', 'bugsnag', 'rollbar', 'honeybadger', 'reporter', 'audit'];
/** Plain functions that report errors wherever they come from (as the engine's `isLoggingCall`). */
const ERROR_REPORTERS = new Set(['reportError', 'logError', 'captureException', 'notifyError', 'handleError', 'trackError', 'logException', 'recordError']);
/** Calls whose result shows their argument as it is. Every other call (`redact`, `mask`, `hash`, `slice` …) is trusted to transform it. */
const STRINGIFIERS = /^(String|stringify|inspect|format|toString|toJSON)$/;
/** Objects whose members are all secrets: `req.cookies.sid`, `config.secrets.stripe`. */
const SECRET_CONTAINERS = new Set(['cookies', 'signedCookies', 'secrets', 'credentials', 'creds']);
/** Calls that hide or shorten what they are given: `redact(token)`, `mask(card)`, `hash(password)`, `token.slice(-4)`. */
const HIDING_CALL = /redact|mask|saniti[sz]|scrub|obfuscat|anonymi[sz]|pseudonymi[sz]|censor|hash|digest|fingerprint|truncat|hide|strip|omit|elide|sha\d*|md5|hmac|encrypt|last4|lastFour|preview|abbreviat|shorten|^(slice|substring|substr|at|charAt|startsWith|endsWith|includes|test|has|compare|timingSafeEqual|verify|isValid\w*|is[A-Z]\w*|has[A-Z]\w*)$/i;
/** Roots of an HTTP request object: `req.headers`, `request.body`, `ctx.request.body`, `event.headers`. */
const REQUEST_ROOT = /^(req|request|ctx|context|event)$/;
const ROUTE_METHODS = /^(get|post|put|patch|delete|del|all|use|head|options|route)$/;
const HTTP_DECORATORS = /^(Get|Post|Put|Patch|Delete|All|Head|Options|Controller)$/;

export const sensitiveDataLogged = defineRule({
  id: 'sensitive-data-logged',
  category: 'data-lifecycle',
  defaultSeverity: 'HIGH',
  title: 'Secret or personal data written to a log',
  requiresTypeInfo: false,
  options: {
    /** Extra names (whole names, case-insensitive, `_`/`-` ignored) to treat as sensitive, e.g. `["iccid", "medicalRecord"]`. */
    extraNames: [] as string[],
    /** Names the team's logger already redacts (pino `redact`, winston format): not reported. */
    redactedNames: [] as string[],
    /** Whether e-mail addresses, phone numbers and postal addresses count as personal data. */
    contactDetails: false,
  },
  docs: {
    summary:
      'Flags logging calls that write a value whose name says it is a secret or personal data (`password`, `token`, `authorization`, `cardNumber`, `ssn`, `apiKey`, `email`, …), and the whole `req.headers` / `req.body` logged in authentication routes.',
    why:
      'Logs are copied to many places (log shippers, search indexes, dashboards, support tickets, backups) and are read by far more people than the database. A password or token in a log line is a credential anyone with log access can use, and personal data there escapes the retention and deletion rules it is subject to.',
    fix:
      'Log an identifier instead of the value (`userId`, the last four digits, a token id), drop the field, or pass it through a redaction helper. Configure the logger to redact the usual paths (pino `redact: ["req.headers.authorization", "*.password"]`) as a safety net.',
    invalid: [
      {
        code: [
          'import { Router } from "express";',
          'import { logger } from "./logger";',
          '',
          'export const router = Router();',
          '',
          'router.post("/login", async (req, res) => {',
          '  const { email, password } = req.body;',
          '  logger.info({ email, password }, "login attempt");',
          '  res.status(204).end();',
          '});',
          '',
        ].join('\n'),
      },
      {
        code: [
          'import { Router } from "express";',
          'import { logger } from "./logger";',
          '',
          'export const authRouter = Router();',
          '',
          'authRouter.post("/refresh", (req, res) => {',
          '  logger.debug({ headers: req.headers }, "token refresh");',
          '  res.status(204).end();',
          '});',
          '',
        ].join('\n'),
      },
      {
        code: [
          'export function connect(apiKey: string) {',
          '  console.log(`connecting with key ${apiKey}`);',
          '}',
          '',
        ].join('\n'),
      },
    ],
    valid: [
      {
        code: [
          'import { logger } from "./logger";',
          '',
          'export function loggedIn(user: { id: string; password: string }, tokenCount: number, hasPassword: boolean) {',
          '  logger.info({ userId: user.id, tokenCount, hasPassword, passwordResetUrlSent: true }, "login succeeded");',
          '  logger.info({ password: redact(user.password) }, "masked");',
          '}',
          '',
          'declare function redact(v: string): string;',
          '',
        ].join('\n'),
      },
    ],
  },
  create(context) {
    const checker = new SensitiveChecker(context);
    return {
      CallExpression: (node) => checker.call(node as ts.CallExpression),
    };
  },
});

type Options = { extraNames: string[]; redactedNames: string[]; contactDetails: boolean };

interface Hit {
  /** What was logged, as the user wrote it: `password`, `req.headers`, `user.cardNumber`. */
  text: string;
  node: ts.Node;
  /** The whole request body or headers, logged in an authentication route. */
  whole?: boolean;
}

/** Name verdicts under the default options, kept across files (bounded: cleared when it grows large). */
const DEFAULT_VERDICTS = new Map<string, boolean>();

class SensitiveChecker {
  private readonly sf: ts.SourceFile;
  private readonly facts: FileFacts;
  private readonly extra: Set<string>;
  private readonly redacted: Set<string>;
  private readonly contact: boolean;
  private fileIsAuth: boolean | undefined;
  /** Whether the file has NestJS `@Body(` / `@Headers(` parameters at all (checked once per file, when first needed). */
  private nestParams: boolean | undefined;
  private readonly authCache = new Map<ts.Node, boolean | 'other-route' | 'auth-adjacent'>();

  constructor(private readonly ctx: RuleContext<Options>) {
    this.sf = ctx.sourceFile;
    this.facts = ctx.facts;
    const norm = (xs: unknown) => new Set((Array.isArray(xs) ? xs : []).filter((x): x is string => typeof x === 'string').map(normaliseName));
    this.extra = norm(ctx.options.extraNames);
    this.redacted = norm(ctx.options.redactedNames);
    this.contact = ctx.options.contactDetails === true;
    this.verdicts = this.extra.size === 0 && this.redacted.size === 0 && !this.contact ? DEFAULT_VERDICTS : new Map();
  }

  call(call: ts.CallExpression): void {
    if (!call.arguments.length || !this.mayLog(call)) return;
    // no text search over the arguments (nested calls would scan the same text again and again): the
    // syntactic look at each argument is cheap, with one cached verdict per name
    const hits: Hit[] = [];
    for (const arg of call.arguments) this.value(arg, call, hits, 0);
    if (!hits.length) return;
    if (!this.facts.isLoggingCall(call)) return;
    const names = [...new Set(hits.map((h) => h.text))];
    const shown = names.slice(0, 3).map((n) => `\`${n}\``).join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : '');
    const whole = hits.some((h) => h.whole);
    const what = whole
      ? `This log call writes ${shown} in an authentication route, and with it the credentials it carries (the \`Authorization\` header, cookies, the submitted password).`
      : names.length === 1
        ? `This log call writes ${shown}, which by its name is a secret or personal data.`
        : `This log call writes ${shown}, which by their names are secrets or personal data.`;
    this.ctx.report(
      call,
      `${what} Logs are shipped, indexed and kept far longer and by far more people than the data's own store, so a credential there can be replayed by anyone with log access and personal data escapes its retention and deletion rules. Log an identifier instead (a user id, the last four digits, a token id), drop the field, or pass it through a redaction helper, and configure the logger's redaction as a safety net.`,
    );
  }

  private importsLoggerLike: boolean | undefined;
  /** Per file: whether a plain function name (`log`, `debug`, `info`) is bound to a logger. */
  private readonly loggerFunctions = new Map<string, boolean>();

  /**
   * A cheap first look at the callee, so that most calls cost a Set lookup: a method named like a log
   * level (`info`, `error`, `log`, …) or called on something named like a logger (`logger.audit`,
   * `console.table`); a plain function that the file binds to a logger (`const log = debug('app')`,
   * winston's named `info`), decided once per name; anything else shaped differently
   * (`require('debug')('x')('…')`) goes on to the full check.
   */
  private mayLog(call: ts.CallExpression): boolean {
    const callee = skipOuterExpressions(call.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      if (LOG_METHOD_NAMES.has(callee.name.text)) return true;
      const r = skipOuterExpressions(callee.expression);
      const receiver = ts.isIdentifier(r) ? r.text : ts.isPropertyAccessExpression(r) ? r.name.text : undefined;
      // `logger.child({…}).error(…)`, `pino().info(…)` end in a log level, checked above
      if (receiver === undefined) return false;
      let v = RECEIVER_VERDICTS.get(receiver);
      if (v === undefined) {
        const lower = receiver.toLowerCase();
        v = LOGGER_RECEIVER.some((w) => lower.includes(w));
        if (RECEIVER_VERDICTS.size > 50_000) RECEIVER_VERDICTS.clear();
        RECEIVER_VERDICTS.set(receiver, v);
      }
      return v;
    }
    // a plain function is a logger only through an import of a library (or a project `…log…` module)
    if (this.importsLoggerLike === undefined) this.importsLoggerLike = importsLoggerLike(this.sf);
    if (ts.isIdentifier(callee)) {
      if (ERROR_REPORTERS.has(callee.text)) return true;
      if (!this.importsLoggerLike) return false;
      let v = this.loggerFunctions.get(callee.text);
      if (v === undefined) {
        v = this.facts.isLoggingCall(call);
        this.loggerFunctions.set(callee.text, v);
      }
      return v;
    }
    // `debug('app')('…')`, `require('debug')('app')('…')`
    return this.importsLoggerLike;
  }

  // ---- what a logged value reveals ---------------------------------------------------------------

  private value(expr0: ts.Expression, call: ts.CallExpression, hits: Hit[], depth: number): void {
    if (depth > 6) return;
    const expr = skipOuterExpressions(expr0);
    if (ts.isIdentifier(expr)) {
      if (this.nameIsSensitive(expr.text)) hits.push({ text: expr.text, node: expr });
      else if ((this.nestParams ??= this.sf.text.includes('@Body(') || this.sf.text.includes('@Headers(')) && this.isWholeRequestParameter(expr) && this.inAuthRoute(call)) hits.push({ text: expr.text, node: expr, whole: true });
      return;
    }
    if (ts.isPropertyAccessExpression(expr) || ts.isElementAccessExpression(expr)) {
      this.access(expr, call, hits);
      return;
    }
    if (ts.isObjectLiteralExpression(expr)) {
      for (const p of expr.properties) {
        if (ts.isShorthandPropertyAssignment(p)) {
          if (this.nameIsSensitive(p.name.text)) hits.push({ text: p.name.text, node: p });
        } else if (ts.isPropertyAssignment(p)) {
          const key = propertyKey(p.name);
          const before = hits.length;
          this.value(p.initializer, call, hits, depth + 1);
          if (hits.length === before && key !== undefined && this.nameIsSensitive(key) && revealsValue(p.initializer)) hits.push({ text: key, node: p });
        } else if (ts.isSpreadAssignment(p)) {
          this.value(p.expression, call, hits, depth + 1);
        }
      }
      return;
    }
    if (ts.isArrayLiteralExpression(expr)) {
      for (const el of expr.elements) this.value(ts.isSpreadElement(el) ? el.expression : el, call, hits, depth + 1);
      return;
    }
    if (ts.isTemplateExpression(expr)) {
      for (const span of expr.templateSpans) this.value(span.expression, call, hits, depth + 1);
      return;
    }
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === K.PlusToken) {
      this.value(expr.left, call, hits, depth + 1);
      this.value(expr.right, call, hits, depth + 1);
      return;
    }
    if (ts.isConditionalExpression(expr)) {
      this.value(expr.whenTrue, call, hits, depth + 1);
      this.value(expr.whenFalse, call, hits, depth + 1);
      return;
    }
    if (ts.isCallExpression(expr)) {
      // JSON.stringify(x), String(x), util.inspect(x), x.toString(): the value as it is
      const callee = skipOuterExpressions(expr.expression);
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      // `formData.get('password')`, `headers.get('authorization')`, `cookies().get('session')`: the field named by the key
      if (name === 'get' && expr.arguments.length === 1 && ts.isStringLiteralLike(expr.arguments[0])) {
        const key = expr.arguments[0].text;
        if (this.nameIsSensitive(key) || SENSITIVE_HEADER.test(key)) hits.push({ text: expr.getText(this.sf), node: expr });
        return;
      }
      // `Object.fromEntries(request.headers)`, `Object.assign({}, req.body)`: the same data
      if ((name === 'fromEntries' || name === 'assign') && ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object') {
        for (const a of expr.arguments) this.value(a, call, hits, depth + 1);
        return;
      }
      if (!name || !STRINGIFIERS.test(name)) return;
      if (name === 'toString' || name === 'toJSON') {
        if (ts.isPropertyAccessExpression(callee)) this.value(callee.expression, call, hits, depth + 1);
        return;
      }
      if (expr.arguments[0]) this.value(expr.arguments[0], call, hits, depth + 1);
    }
  }

  /** `user.password`, `req.headers.authorization`, `headers['x-api-key']`, and `req.headers` / `req.body` in auth routes. */
  private access(expr: ts.PropertyAccessExpression | ts.ElementAccessExpression, call: ts.CallExpression, hits: Hit[]): void {
    let name: string | undefined;
    if (ts.isPropertyAccessExpression(expr)) name = expr.name.text;
    else if (ts.isStringLiteralLike(expr.argumentExpression)) name = expr.argumentExpression.text;
    if (name === undefined) return;
    if (this.nameIsSensitive(name) || (ts.isElementAccessExpression(expr) && SENSITIVE_HEADER.test(name) && !this.redacted.has(normaliseName(name)))) {
      hits.push({ text: this.accessText(expr), node: expr });
      return;
    }
    if ((name === 'headers' || name === 'body') && isRequestObject(expr.expression) && this.inAuthRoute(call)) {
      hits.push({ text: this.accessText(expr), node: expr, whole: true });
      return;
    }
    // a member of a container of secrets: `req.cookies.sid`, `config.secrets.stripe`, `aws.credentials.accessKeyId`
    if (name === 'length' || name === 'size') return;
    for (let e = skipOuterExpressions(expr.expression); ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e); e = skipOuterExpressions(e.expression)) {
      const inner = ts.isPropertyAccessExpression(e) ? e.name.text : ts.isStringLiteralLike(e.argumentExpression) ? e.argumentExpression.text : undefined;
      if (inner && SECRET_CONTAINERS.has(inner) && !this.redacted.has(normaliseName(inner))) {
        // (the member's own name is split only here, for the rare container: `secrets.stripeKeyName` describes)
        const words = splitWords(name);
        if (words.length > 1 && META_SUFFIX.has(words[words.length - 1])) return;
        hits.push({ text: this.accessText(expr), node: expr });
        return;
      }
    }
  }

  /**
   * NestJS: a handler parameter that receives the whole body or all headers, `@Body() body`,
   * `@Headers() headers` (a decorator with an argument picks one field and is judged by its name).
   */
  private isWholeRequestParameter(id: ts.Identifier): boolean {
    for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
      if (!isFunctionNode(n)) continue;
      for (const p of n.parameters) {
        if (!ts.isIdentifier(p.name) || p.name.text !== id.text) continue;
        const decorators = ts.canHaveDecorators(p) ? ts.getDecorators(p) : undefined;
        return !!decorators?.some((d) => {
          const e = d.expression;
          return ts.isCallExpression(e) && e.arguments.length === 0 && ts.isIdentifier(e.expression) && (e.expression.text === 'Body' || e.expression.text === 'Headers');
        });
      }
    }
    return false;
  }

  private accessText(expr: ts.Expression): string {
    const t = expr.getText(this.sf).replace(/\s+/g, '');
    return t.length > 40 ? `…${t.slice(-39)}` : t;
  }

  /** Verdicts per name: shared by every file when the options are the defaults, else per file. */
  private readonly verdicts: Map<string, boolean>;

  /** A name that holds a secret or personal data, as opposed to one that describes it. */
  nameIsSensitive(raw: string): boolean {
    let v = this.verdicts.get(raw);
    if (v === undefined) {
      if (this.verdicts.size > 50_000) this.verdicts.clear();
      v = this.judgeName(raw);
      this.verdicts.set(raw, v);
    }
    return v;
  }

  private judgeName(raw: string): boolean {
    const norm = normaliseName(raw);
    if (!norm || this.redacted.has(norm)) return false;
    if (this.extra.has(norm)) return true;
    const words = splitWords(raw);
    if (!words.length) return false;
    if (words.length > 1 && META_PREFIX.has(words[0])) return false;
    const last = words[words.length - 1];
    // `sessionId` is a credential; any other `…Id` names a record
    if (words.length > 1 && META_SUFFIX.has(last) && !(last === 'id' && words[words.length - 2] === 'session')) return false;
    const joined = words.join('');
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (!SENSITIVE_WORDS.has(w)) continue;
      if ((w === 'token' || w === 'jwt') && i > 0 && HARMLESS_TOKEN_PREFIX.has(words[i - 1])) continue;
      if (!this.contact && (w === 'email' || w === 'emails' || w === 'phone' || w === 'msisdn' || w === 'telephone')) continue;
      return true;
    }
    for (const c of SENSITIVE_COMPOUNDS) {
      if (!joined.includes(c)) continue;
      if (!this.contact && /^(phonenumber|mobilenumber|emailaddress|homeaddress|streetaddress|billingaddress|shippingaddress|postaladdress|mailingaddress)$/.test(c)) continue;
      return true;
    }
    return false;
  }

  // ---- authentication routes ---------------------------------------------------------------------

  /** True when the log call runs in a handler of an authentication route, or in an auth file. */
  private inAuthRoute(call: ts.CallExpression): boolean {
    let inOtherRoute = false;
    for (let n: ts.Node | undefined = call.parent; n; n = n.parent) {
      if (!isFunctionNode(n) && !ts.isClassDeclaration(n)) continue;
      let verdict = this.authCache.get(n);
      if (verdict === undefined) {
        verdict = this.functionIsAuth(n);
        this.authCache.set(n, verdict);
      }
      if (verdict === true) return true;
      if (verdict === 'other-route') inOtherRoute = true;
      if (verdict === 'auth-adjacent') break;
    }
    // the file's name decides for code outside route handlers and for the paths an auth router
    // serves (`/me`, `/logout`, `/refresh` in `routes/auth.ts`), not for a handler of some other
    // route (`/products/search` in `auth.routes.js` is not an authentication route)
    if (inOtherRoute) return false;
    if (this.fileIsAuth === undefined) this.fileIsAuth = hasAuthWord(this.ctx.file);
    return this.fileIsAuth;
  }

  /**
   * true: an authentication handler; 'auth-adjacent': a handler of a path an auth router serves
   * (`/me`, `/logout`), auth when the file is; 'other-route': a handler of some other path; false: neither.
   */
  private functionIsAuth(fn: ts.Node): boolean | 'other-route' | 'auth-adjacent' {
    // the function's own name: `async function login(req, res)`, `signIn()` in a controller, `class AuthController`
    const own = ownName(fn);
    if (own && hasAuthWord(own)) return true;
    // NestJS: `@Post('login')`, `@Controller('auth')`
    for (const d of ts.canHaveDecorators(fn) ? (ts.getDecorators(fn) ?? []) : []) {
      const e = d.expression;
      if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && HTTP_DECORATORS.test(e.expression.text)) {
        const first = e.arguments[0];
        if (first && ts.isStringLiteralLike(first) && hasAuthWord(first.text)) return true;
      }
    }
    // a handler passed to a route registration: `router.post('/login', …)`, `authRouter.get('/me', …)`
    let n: ts.Node = fn;
    while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent))) n = n.parent;
    const p = n.parent;
    if (p && ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression)) {
      const callee = skipOuterExpressions(p.expression);
      if (ts.isPropertyAccessExpression(callee) && ROUTE_METHODS.test(callee.name.text)) {
        const first = p.arguments[0];
        if (first && ts.isStringLiteralLike(first) && hasAuthWord(first.text)) return true;
        const router = routerName(callee.expression);
        if (router && hasAuthWord(router)) return true;
        if (first && ts.isStringLiteralLike(first) && first.text.startsWith('/')) return isAuthAdjacentPath(first.text) ? 'auth-adjacent' : 'other-route';
      }
    }
    // Fastify: `fastify.route({ method: 'POST', url: '/login', handler })`
    if (p && ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(p.parent)) {
      for (const prop of p.parent.properties) {
        if (ts.isPropertyAssignment(prop) && (propertyKey(prop.name) === 'url' || propertyKey(prop.name) === 'path') && ts.isStringLiteralLike(prop.initializer)) {
          const url = prop.initializer.text;
          return hasAuthWord(url) ? true : isAuthAdjacentPath(url) ? 'auth-adjacent' : 'other-route';
        }
      }
    }
    return false;
  }
}

/**
 * Whether the file imports or requires a package (any non-relative module) or a project module whose
 * path mentions logging: only then can a plain function call be a logger (`info` from winston, a
 * `debug('app')` instance, a team-configured logger module).
 */
function importsLoggerLike(sf: ts.SourceFile): boolean {
  const loggerLike = (m: string) => !m.startsWith('.') || /log|report|sentry|telemetry|monitor/i.test(m);
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st)) {
      // `const log = require('debug')('app')`, `const { info } = require('winston')`, `await import('consola')`
      for (const d of st.declarationList.declarations) {
        const m = d.initializer && requiredModuleOf(d.initializer);
        if (m !== undefined && loggerLike(m)) return true;
      }
      continue;
    }
    const spec = ts.isImportDeclaration(st) ? st.moduleSpecifier : ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference) ? st.moduleReference.expression : undefined;
    if (spec && ts.isStringLiteral(spec) && loggerLike(spec.text)) return true;
  }
  return false;
}

/** The module a top-level initializer requires or imports, through calls and member accesses: `require('debug')('app')`. */
function requiredModuleOf(init: ts.Expression): string | undefined {
  let e = skipOuterExpressions(init);
  for (let i = 0; i < 8; i++) {
    if (ts.isAwaitExpression(e) || ts.isPropertyAccessExpression(e)) e = skipOuterExpressions(e.expression);
    else if (ts.isCallExpression(e)) {
      const c = e.expression;
      if ((ts.isIdentifier(c) && c.text === 'require') || c.kind === K.ImportKeyword) {
        const a = e.arguments[0];
        return a && ts.isStringLiteralLike(a) ? a.text : undefined;
      }
      e = skipOuterExpressions(c);
    } else return undefined;
  }
  return undefined;
}

/** `password`, `API_KEY`, `x-api-key` → `password`, `apikey`, `xapikey`. */
function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** `passwordResetUrlSent` → [password, reset, url, sent]; `API_KEY` → [api, key]; `x-api-key` → [x, api, key]. */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** A path, route or name that mentions authentication: `routes/auth.ts`, `/sign-in`, `loginHandler`, `AuthController`. */
function hasAuthWord(text: string): boolean {
  const words = splitWords(text);
  for (let i = 0; i < words.length; i++) {
    if (AUTH_WORDS.has(words[i])) return true;
    const pair = words[i] + (words[i + 1] ?? '');
    if (pair === 'signin' || pair === 'signup' || pair === 'login' || pair === 'logon' || pair === 'twofactor') return true;
  }
  return false;
}

function propertyKey(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

/** `req`, `request`, `ctx.request`, `ctx`, `event`: the incoming request. */
function isRequestObject(e: ts.Expression): boolean {
  const v = skipOuterExpressions(e);
  if (ts.isIdentifier(v)) return REQUEST_ROOT.test(v.text);
  if (ts.isPropertyAccessExpression(v) && v.name.text === 'request') return true;
  return false;
}

/**
 * Whether a value under a sensitive key shows the secret: literals (`'[REDACTED]'`, `true`), booleans
 * (`!!password`, `token === undefined`, `typeof token`), numbers about it (`token.length`) and calls
 * that hide it (`redact(token)`, `token.slice(-4)`) do not; anything else (`jwt.sign(…)`) does.
 */
function revealsValue(e: ts.Expression): boolean {
  const v = skipOuterExpressions(e);
  switch (v.kind) {
    case K.StringLiteral:
    case K.NoSubstitutionTemplateLiteral:
    case K.NumericLiteral:
    case K.TrueKeyword:
    case K.FalseKeyword:
    case K.NullKeyword:
    case K.TypeOfExpression:
    case K.RegularExpressionLiteral:
      return false;
  }
  if (ts.isIdentifier(v) && v.text === 'undefined') return false;
  if (ts.isPrefixUnaryExpression(v)) return false;
  if (ts.isBinaryExpression(v)) {
    const op = v.operatorToken.kind;
    if (op === K.PlusToken) return revealsValue(v.left) || revealsValue(v.right);
    if (op === K.BarBarToken || op === K.QuestionQuestionToken) return revealsValue(v.left) || revealsValue(v.right);
    return false; // comparisons, arithmetic, `in`, `instanceof`
  }
  if (ts.isConditionalExpression(v)) return revealsValue(v.whenTrue) || revealsValue(v.whenFalse);
  if (ts.isPropertyAccessExpression(v)) {
    // `token.length`, `password.length`: a number about the secret
    const words = splitWords(v.name.text);
    return !(words.length && META_SUFFIX.has(words[words.length - 1]));
  }
  if (ts.isCallExpression(v) || ts.isAwaitExpression(v)) {
    // under a sensitive key, a call's result is the secret (`token: jwt.sign(…)`) unless it hides it
    const c = ts.isAwaitExpression(v) ? skipOuterExpressions(v.expression) : v;
    if (!ts.isCallExpression(c)) return true;
    const callee = skipOuterExpressions(c.expression);
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    return !name || !HIDING_CALL.test(name);
  }
  if (ts.isTemplateExpression(v)) return v.templateSpans.some((s) => revealsValue(s.expression));
  return true;
}

function ownName(fn: ts.Node): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isClassDeclaration(fn)) && fn.name) return fn.name.text;
  if ((ts.isMethodDeclaration(fn) || ts.isGetAccessorDeclaration(fn)) && ts.isIdentifier(fn.name)) return fn.name.text;
  const p = fn.parent;
  if (p && (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) && ts.isIdentifier(p.name)) return p.name.text;
  return undefined;
}

/** `authRouter` in `authRouter.post(…)`, `auth` in `app.auth.post(…)`. */
function routerName(e: ts.Expression): string | undefined {
  const v = skipOuterExpressions(e);
  if (ts.isIdentifier(v)) return v.text;
  if (ts.isPropertyAccessExpression(v)) return v.name.text;
  return undefined;
}
