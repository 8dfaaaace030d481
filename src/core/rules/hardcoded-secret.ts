// hardcoded-secret: a credential written into the source. Two signals: a literal that has the shape
// of a well-known credential (AWS / Azure / Google / DigitalOcean / Alibaba keys, Stripe /
// Braintree / Square live keys, GitHub / GitLab / npm tokens, Slack / Telegram / Discord tokens
// and webhook URLs, OpenAI / Anthropic / SendGrid keys, a PEM private key), wherever it appears;
// or a high-entropy literal assigned to a name that says it holds a secret (`jwtSecret`, `apiKey`,
// `password`, `token`, an `Authorization` credential, the secret argument of `jwt.sign` /
// `createHmac`). Test files, fixtures and obvious placeholders are left alone, and the message
// never repeats the secret: at most its first four characters.
import { ts } from 'ts-morph';
import { skipOuterExpressions } from '../engine/ast';
import type { FileFacts } from '../engine/fileFacts';
import { defineRule } from '../engine/rule';

interface Format {
  /** What the message calls it. */
  label: string;
  pattern: RegExp;
  /** The part after a fixed prefix, for the "not a run of one character" check. */
  bodyFrom?: number;
  /** A literal matching this is a published, non-secret value (an emulator's well-known key). */
  unless?: RegExp;
}

/** Well-known credential shapes. Each pattern must match a whole token, not part of a longer word. */
const FORMATS: readonly Format[] = [
  { label: 'AWS access key id', pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/, bodyFrom: 4 },
  // the Azurite / storage-emulator account key is published in Microsoft's docs
  { label: 'Azure storage account key', pattern: /AccountKey=[A-Za-z0-9+/]{80,}={0,2}/, bodyFrom: 11, unless: /devstoreaccount1/ },
  { label: 'DigitalOcean token', pattern: /(?<![A-Za-z0-9])do[opr]_v1_[a-f0-9]{64}(?![A-Za-z0-9])/, bodyFrom: 7 },
  { label: 'Alibaba Cloud access key id', pattern: /(?<![A-Za-z0-9])LTAI[A-Za-z0-9]{12,20}(?![A-Za-z0-9])/, bodyFrom: 4 },
  { label: 'Google OAuth client secret', pattern: /(?<![A-Za-z0-9])GOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])/, bodyFrom: 7 },
  { label: 'Stripe live secret key', pattern: /(?<![A-Za-z0-9])sk_live_[A-Za-z0-9]{10,}(?![A-Za-z0-9])/, bodyFrom: 8 },
  { label: 'Stripe live restricted key', pattern: /(?<![A-Za-z0-9])rk_live_[A-Za-z0-9]{10,}(?![A-Za-z0-9])/, bodyFrom: 8 },
  { label: 'Braintree production access token', pattern: /access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32}/, bodyFrom: 25 },
  { label: 'Square access token', pattern: /(?<![A-Za-z0-9])sq0(?:atp|csp)-[A-Za-z0-9_-]{22,43}(?![A-Za-z0-9_-])/, bodyFrom: 7 },
  { label: 'GitHub token', pattern: /(?<![A-Za-z0-9])gh[pousr]_[A-Za-z0-9]{30,}(?![A-Za-z0-9])/, bodyFrom: 4 },
  { label: 'GitHub fine-grained token', pattern: /(?<![A-Za-z0-9])github_pat_[A-Za-z0-9_]{30,}(?![A-Za-z0-9_])/, bodyFrom: 11 },
  { label: 'GitLab personal access token', pattern: /(?<![A-Za-z0-9])glpat-[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/, bodyFrom: 6 },
  { label: 'npm access token', pattern: /(?<![A-Za-z0-9])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/, bodyFrom: 4 },
  { label: 'Slack token', pattern: /(?<![A-Za-z0-9])xox[baprs]-(?=[A-Za-z0-9-]*\d)[A-Za-z0-9]+-[A-Za-z0-9-]{6,}(?![A-Za-z0-9-])/, bodyFrom: 5 },
  { label: 'Slack app token', pattern: /(?<![A-Za-z0-9])xapp-\d-[A-Z0-9]{8,}-\d{8,}-[a-f0-9]{32,}(?![A-Za-z0-9])/, bodyFrom: 7 },
  { label: 'Slack webhook URL', pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]{6,}\/[AB][A-Z0-9]{6,}\/[A-Za-z0-9]{16,}/, bodyFrom: 25 },
  { label: 'Discord webhook URL', pattern: /discord(?:app)?\.com\/api\/webhooks\/\d{15,20}\/[A-Za-z0-9_-]{50,}/, bodyFrom: 20 },
  { label: 'Telegram bot token', pattern: /(?<![A-Za-z0-9:])\d{8,10}:[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/ },
  { label: 'Discord bot token', pattern: /(?<![A-Za-z0-9_.-])[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}(?![A-Za-z0-9_.-])/ },
  { label: 'SendGrid API key', pattern: /(?<![A-Za-z0-9_-])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/, bodyFrom: 3 },
  { label: 'Google API key', pattern: /(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/, bodyFrom: 4 },
  { label: 'OpenAI API key', pattern: /(?<![A-Za-z0-9_-])sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}(?![A-Za-z0-9_-])/, bodyFrom: 8 },
  { label: 'OpenAI API key', pattern: /(?<![A-Za-z0-9_-])sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}(?![A-Za-z0-9_-])/, bodyFrom: 3 },
  { label: 'OpenAI API key', pattern: /(?<![A-Za-z0-9_-])sk-[A-Za-z0-9]{48}(?![A-Za-z0-9_-])/, bodyFrom: 3 },
  { label: 'Anthropic API key', pattern: /(?<![A-Za-z0-9_-])sk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{80,}(?![A-Za-z0-9_-])/, bodyFrom: 14 },
];

/** Cheap test before the format patterns: one of their fixed parts. */
const FORMAT_HINT =
  /AKIA|ASIA|ABIA|ACCA|AccountKey=|_v1_|LTAI|GOCSPX-|_live_|\$production\$|sq0|gh[pousr]_|github_pat_|glpat-|npm_|xox[baprs]-|xapp-|hooks\.slack\.com|\/api\/webhooks\/|\d{8}:|\.[A-Za-z0-9_-]{6}\.|SG\.|AIza|sk-/;

const PEM_HEADER = /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/;
/**
 * Base64 after the header: a key (also one shortened with `...` in the middle), not a header
 * constant used for parsing.
 */
const PEM_BODY = /[A-Za-z0-9+/=]{8,}/;
/** Placeholder words inside a PEM body (`<your key here>`, `xxxx`): the ellipsis alone is not one. */
const PEM_PLACEHOLDER = /changeme|change[-_ ]me|xxx|example|dummy|placeholder|your|replace|redacted|\*\*\*|<[^>]*>|\$\{|\{\{/;

/**
 * Obvious placeholders (lower-cased): a literal containing one of these is documentation, not a
 * credential. "fake", "sample" and "test" are deliberately not here: a key of the real shape is a
 * key, whatever its letters spell.
 */
const PLACEHOLDER = /changeme|change[-_ ]me|xxx|example|dummy|placeholder|your[-_]|yourkey|yoursecret|yourtoken|replace[-_]?me|redacted|\*\*\*|\.\.\.|\u2026|<[^>]*>|\$\{|\{\{/;

/** Name words that say a value is a secret (names are split on case, `_`, `-` and `.`). */
const SECRET_WORDS = new Set(['secret', 'secrets', 'password', 'passwords', 'passwd', 'pwd', 'passphrase', 'pass', 'token', 'tokens', 'credential', 'credentials', 'apikey', 'apikeys', 'privatekey']);
/** Two-word names: `api` + `key`, `private` + `key`, `access` + `key`, … */
const KEY_QUALIFIERS = new Set(['api', 'private', 'secret', 'access', 'signing', 'encryption', 'master', 'hmac', 'auth', 'client', 'app', 'license', 'webhook']);
/** A last word that makes the name about something else: `tokenUrl`, `passwordField`, `secretName`. */
const NOT_A_SECRET_SUFFIX = new Set([
  'url', 'uri', 'urls', 'endpoint', 'path', 'file', 'filename', 'dir', 'name', 'names', 'header', 'type', 'id', 'ids', 'length', 'len', 'size',
  'expiry', 'expires', 'expiration', 'ttl', 'field', 'param', 'prefix', 'suffix', 'pattern', 'regex', 'hint', 'label', 'placeholder', 'count',
  'min', 'max', 'hash', 'hashed', 'env', 'var', 'policy', 'rule', 'rules', 'message', 'error', 'input', 'selector', 'route', 'version', 'location',
  'arn', 'ref', 'column', 'attribute', 'cookie', 'storage', 'mode', 'format', 'algorithm', 'alg', 'encoding', 'strength', 'reset', 'required',
  'region', 'zone', 'host', 'hostname', 'domain', 'provider', 'manager', 'store', 'vault', 'service', 'scope', 'kind', 'namespace', 'bucket',
]);

/** Test files and test fixtures: folders and file names that say so. */
const TEST_PATH =
  /(?:^|\/)(?:__tests__|__test__|test|tests|spec|specs|e2e|fixtures|fixture|__fixtures__|__mocks__|mocks|testdata|test-data|test-fixtures)\/|\.(?:test|spec|e2e-spec|e2e|fixture|fixtures|mock|mocks)\.[^/]+$/;

const MIN_LENGTH = 16;
/** Shorter literals (passwords are often 12 to 15 characters) count when they mix three kinds of character. */
const MIN_SHORT_LENGTH = 12;
/** Bits per character for a general literal: random base62 of 16 characters averages about 3.8. */
const ENTROPY_THRESHOLD = 3.5;
/** Bits per character for a hex-only literal, whose alphabet caps it at 4. */
const HEX_ENTROPY_THRESHOLD = 3.0;

export const hardcodedSecret = defineRule({
  id: 'hardcoded-secret',
  category: 'security',
  defaultSeverity: 'CRITICAL',
  title: 'Credential written into the source',
  requiresTypeInfo: false,
  options: {},
  docs: {
    summary:
      'Flags literals shaped like well-known credentials (cloud keys from AWS, Azure, Google, DigitalOcean and Alibaba; Stripe, Braintree and Square live keys; GitHub, GitLab and npm tokens; Slack, Telegram and Discord bot tokens and webhook URLs; OpenAI, Anthropic and SendGrid keys; PEM private keys), and high-entropy literals assigned to names such as `secret`, `apiKey`, `password`, `jwtSecret` or `token` (also an `Authorization` credential and the secret argument of `jwt.sign` or `createHmac`). Test files, test fixtures and obvious placeholders are skipped; the message shows at most the first four characters.',
    why:
      'A secret in the source is readable by everyone who can read the repository, its forks, CI logs, build artefacts and bundles, and it stays in git history after it is deleted. Scanners find leaked keys within minutes of a push. A leaked cloud key runs up a bill or opens a bucket, a leaked JWT secret lets anyone mint admin tokens, and rotating a key that is baked into the code needs a deploy.',
    fix:
      'Revoke and rotate the credential first: it must be treated as public. Then read it at run time from the environment or a secrets manager (`process.env.JWT_SECRET`, AWS Secrets Manager, Vault), fail at startup when it is missing, and keep example values as obvious placeholders (`changeme`, `<your-key>`).',
    invalid: [
      { code: "export const config = {\n  aws: { accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'AKIAFAKESAMPLEKEY234' },\n};\n" },
      { code: "export const jwtSecret = process.env.JWT_SECRET || 'q9T2vXe7Lm4RzW8pKd3N6bHs1YcF5gJa';\n" },
      { code: "import Stripe from 'stripe';\n\nexport const stripe = new Stripe('sk_live_51Hx7QaLmN0pR2sT4uV6wY8zA');\n" },
    ],
    valid: [
      { code: "export const jwtSecret = process.env.JWT_SECRET ?? '';\n" },
      { code: "export const config = {\n  // the name of the entry in the secrets manager, not the secret\n  stripeSecretName: 'checkout/prod/stripe-secret-key',\n  apiKey: 'your-api-key-here',\n};\n" },
      { code: "export const AWS_DOCS_KEY = 'AKIAIOSFODNN7EXAMPLE';\n" },
    ],
  },
  create(context) {
    if (TEST_PATH.test(context.file)) return {};

    const check = (node: ts.Node, text: string) => {
      if (text.length < MIN_SHORT_LENGTH || isNotAValue(node)) return;
      const format = text.length >= 16 ? formatMatch(text, node) : undefined;
      if (format) {
        context.report(node, formatMessage(format.label, format.token), { fingerprintNode: fingerprintFor(node) });
        return;
      }
      if (!(ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) return;
      // postgres://app:9fK2…@db.internal/app: a connection URL with a generated password in it
      const urlPassword = passwordInUrl(text);
      if (urlPassword !== undefined && isHighEntropySecret(urlPassword)) {
        context.report(node, urlMessage(urlPassword), { fingerprintNode: fingerprintFor(node) });
        return;
      }
      const target = assignedName(node);
      if (target) {
        // `Authorization: 'Bearer …'`: the credential is what follows the scheme
        const credential = isAuthorizationName(target.name) ? authorizationCredential(text) : isSecretName(target.name) ? text : undefined;
        if (credential === undefined || !isHighEntropySecret(credential)) return;
        context.report(node, entropyMessage(`\`${target.name}\``, credential), { fingerprintNode: target.node });
        return;
      }
      // jwt.sign(payload, '…'), crypto.createHmac('sha256', '…'), cookieParser('…')
      const argument = secretArgument(node, context.facts);
      if (argument && isHighEntropySecret(text)) context.report(node, entropyMessage(argument, text), { fingerprintNode: node.parent });
    };

    return {
      StringLiteral: (node: ts.Node) => check(node, (node as ts.StringLiteral).text),
      NoSubstitutionTemplateLiteral: (node: ts.Node) => check(node, (node as ts.NoSubstitutionTemplateLiteral).text),
      TemplateExpression: (node: ts.Node) => {
        const t = node as ts.TemplateExpression;
        // only the literal parts: a key written around a substitution (`Bearer ${…}`) is not a key
        const parts = [t.head.text, ...t.templateSpans.map((s) => s.literal.text)];
        const format = parts.map((p) => (p.length >= 16 ? formatMatch(p, node) : undefined)).find((f) => f);
        if (format) context.report(node, formatMessage(format.label, format.token), { fingerprintNode: fingerprintFor(node) });
      },
    };
  },
});

// ---- formats -------------------------------------------------------------------------------

function formatMatch(text: string, node: ts.Node): { label: string; token: string } | undefined {
  if (text.includes('-----BEGIN')) {
    const m = PEM_HEADER.exec(text);
    if (m && (pemBodyIsKey(text.slice(m.index + m[0].length)) || pemContinues(node))) return { label: 'PEM private key', token: '' };
  }
  if (!FORMAT_HINT.test(text)) return undefined;
  for (const f of FORMATS) {
    const m = f.pattern.exec(text);
    if (!m || f.unless?.test(text)) continue;
    const token = m[0];
    if (PLACEHOLDER.test(token.toLowerCase())) continue;
    const body = token.slice(f.bodyFrom ?? 0);
    if (new Set(body).size < 5) continue; // 'AKIA0000000000000000', 'ghp_aaaa…': filler, not a key
    return { label: f.label, token };
  }
  return undefined;
}

/** The text after a PEM header holds key material (base64), not nothing or a placeholder. */
function pemBodyIsKey(after: string): boolean {
  const body = after.replace(/-----END[^-]*-----[\s\S]*$/, '').replace(/\s+/g, '');
  return PEM_BODY.test(body) && !PEM_PLACEHOLDER.test(body.toLowerCase());
}

/** `'-----BEGIN PRIVATE KEY-----\n' + 'MIIEvQ…'`: the header alone, with the key in the next piece. */
function pemContinues(node: ts.Node): boolean {
  let n: ts.Node = node;
  while (ts.isBinaryExpression(n.parent) && n.parent.operatorToken.kind === ts.SyntaxKind.PlusToken) n = n.parent;
  if (n === node) return false;
  let body = '';
  const collect = (e: ts.Node): void => {
    if (ts.isStringLiteralLike(e)) body += e.text;
    else if (ts.isBinaryExpression(e)) {
      collect(e.left);
      collect(e.right);
    } else if (ts.isParenthesizedExpression(e)) collect(e.expression);
  };
  collect(n);
  const m = PEM_HEADER.exec(body);
  return !!m && pemBodyIsKey(body.slice(m.index + m[0].length));
}

// ---- names and entropy ---------------------------------------------------------------------

/** The name a literal is assigned to (through `??`, `||`, ternaries, casts and array literals). */
function assignedName(literal: ts.Node): { name: string; node: ts.Node } | undefined {
  let child: ts.Node = literal;
  let n: ts.Node = literal.parent;
  for (let i = 0; i < 8 && n; i++) {
    if (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isSatisfiesExpression(n) || ts.isNonNullExpression(n) || ts.isTypeAssertionExpression(n) || ts.isArrayLiteralExpression(n)) {
      child = n;
      n = n.parent;
      continue;
    }
    if (ts.isConditionalExpression(n)) {
      if (child === n.condition) return undefined;
      child = n;
      n = n.parent;
      continue;
    }
    if (ts.isBinaryExpression(n)) {
      const op = n.operatorToken.kind;
      if ((op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) && child === n.right) {
        child = n;
        n = n.parent;
        continue;
      }
      if ((op === ts.SyntaxKind.EqualsToken || op === ts.SyntaxKind.QuestionQuestionEqualsToken || op === ts.SyntaxKind.BarBarEqualsToken) && child === n.right) {
        const name = targetName(skipOuterExpressions(n.left));
        return name ? { name, node: n.left } : undefined;
      }
      return undefined;
    }
    if (ts.isVariableDeclaration(n) || ts.isPropertyDeclaration(n) || ts.isParameter(n) || ts.isBindingElement(n)) {
      if (n.initializer !== child) return undefined;
      const name = n.name && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name) || ts.isPrivateIdentifier(n.name)) ? n.name.text : undefined;
      return name ? { name, node: n.name } : undefined;
    }
    if (ts.isPropertyAssignment(n)) {
      if (n.initializer !== child) return undefined;
      const pn = n.name;
      const name = ts.isIdentifier(pn) || ts.isStringLiteral(pn) || ts.isNoSubstitutionTemplateLiteral(pn) ? pn.text : ts.isComputedPropertyName(pn) && ts.isStringLiteralLike(pn.expression) ? pn.expression.text : undefined;
      return name ? { name, node: pn } : undefined;
    }
    if (ts.isJsxExpression(n)) {
      child = n;
      n = n.parent;
      continue;
    }
    if (ts.isJsxAttribute(n)) {
      return ts.isIdentifier(n.name) ? { name: n.name.text, node: n.name } : undefined;
    }
    return undefined;
  }
  return undefined;
}

function targetName(left: ts.Expression): string | undefined {
  if (ts.isIdentifier(left)) return left.text;
  if (ts.isPropertyAccessExpression(left)) return left.name.text;
  if (ts.isElementAccessExpression(left) && ts.isStringLiteralLike(left.argumentExpression)) return left.argumentExpression.text;
  return undefined;
}

/** The password of a URL with credentials (`scheme://user:password@host`), decoded. */
function passwordInUrl(text: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:([^@/\s]+)@[^@\s]/i.exec(text);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

/** `Authorization`, `Proxy-Authorization`: a header whose value is a scheme and a credential. */
function isAuthorizationName(name: string): boolean {
  const words = nameWords(name);
  return words[words.length - 1] === 'authorization';
}

/** The credential of an `Authorization` value (`Bearer abc…` → `abc…`); undefined without a scheme. */
function authorizationCredential(value: string): string | undefined {
  const m = /^(?:Bearer|Basic|Token|Bot|Digest)\s+(\S+)$/i.exec(value.trim());
  return m ? m[1] : undefined;
}

/** Library calls whose argument at this position is a signing or encryption secret. */
const SECRET_ARGUMENTS: Record<string, Record<string, number>> = {
  jsonwebtoken: { sign: 1, verify: 1 },
  crypto: { createHmac: 1, createCipheriv: 1, createDecipheriv: 1 },
  'cookie-parser': { '': 0 },
  'cookie-signature': { sign: 1, unsign: 1 },
};

/** `jwt.sign(payload, '…')`: the literal is the secret argument of a known signing call. */
function secretArgument(literal: ts.Node, facts: FileFacts): string | undefined {
  let arg: ts.Node = literal;
  while (ts.isParenthesizedExpression(arg.parent) || ts.isAsExpression(arg.parent)) arg = arg.parent;
  const call = arg.parent;
  if (!call || !ts.isCallExpression(call)) return undefined;
  const index = call.arguments.indexOf(arg as ts.Expression);
  if (index < 0) return undefined;
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isIdentifier(callee) && !ts.isPropertyAccessExpression(callee)) return undefined;
  const origin = facts.originOf(callee);
  const table = origin && SECRET_ARGUMENTS[origin.module];
  if (!origin || !table) return undefined;
  const fn = origin.path.filter((p) => p !== 'default').join('.');
  if (table[fn] !== index) return undefined;
  const shown = callee.getText().replace(/\s+/g, '');
  return `the secret argument of \`${shown.length <= 30 ? shown : fn || origin.module}(…)\``;
}

function nameWords(name: string): string[] {
  return name
    .replace(/^#/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_\-.:]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** `jwtSecret`, `API_KEY`, `x-api-key`, `dbPassword`, `githubToken`, `clientSecret`, `privateKey`. */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  if (!words.length) return false;
  if (NOT_A_SECRET_SUFFIX.has(words[words.length - 1])) return false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (SECRET_WORDS.has(w)) return true;
    if ((w === 'key' || w === 'keys') && i > 0 && KEY_QUALIFIERS.has(words[i - 1])) return true;
  }
  return false;
}

export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** A literal that looks like a generated secret rather than a word, a path, a URL or a placeholder. */
export function isHighEntropySecret(text: string): boolean {
  if (text.length < MIN_SHORT_LENGTH || /\s/.test(text)) return false;
  const lower = text.toLowerCase();
  if (PLACEHOLDER.test(lower)) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^arn:/i.test(text)) return false; // URLs, ARNs
  if (/^(?:\.{0,2}\/|~\/|[a-z]:\\)/i.test(text)) return false; // file paths
  if (text.includes('/') && text.split('/').every((seg) => /^[a-z0-9._~-]*$/.test(seg))) return false; // secret-manager names, paths
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(text)) return false; // an environment variable's name
  if (/^[a-z]+(?:[A-Z][a-z0-9]*)+$/.test(text) && !/\d/.test(text)) return false; // a camelCase identifier
  if (isPhrase(text)) return false;
  if (/^(?:sk|rk|pk)_test_|^pk_live_/.test(text)) return false; // Stripe test-mode and publishable keys
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(text)).length;
  if (classes < 2) return false;
  // a short literal must mix upper and lower case and digits or symbols: `eu-central-1`, `v2-beta-build` are not secrets
  if (text.length < MIN_LENGTH && !(classes >= 3 && /[a-z]/.test(text) && /[A-Z]/.test(text) && !hasRun(text))) return false;
  const hex = /^[0-9a-f]+$/i.test(text);
  // a short literal cannot reach the general threshold often (12 characters top out at 3.58 bits)
  const threshold = text.length < MIN_LENGTH ? Math.log2(text.length) - 0.4 : ENTROPY_THRESHOLD;
  return shannonEntropy(text) >= (hex ? HEX_ENTROPY_THRESHOLD : threshold);
}

/** A run of four consecutive characters (`1234`, `abcd`, `4321`) or three equal ones: typed, not generated. */
function hasRun(text: string): boolean {
  const t = text.toLowerCase();
  for (let i = 0; i + 3 < t.length; i++) {
    const d1 = t.charCodeAt(i + 1) - t.charCodeAt(i);
    if ((d1 === 1 || d1 === -1) && t.charCodeAt(i + 2) - t.charCodeAt(i + 1) === d1 && t.charCodeAt(i + 3) - t.charCodeAt(i + 2) === d1) return true;
  }
  return /(.)\1\1/.test(t);
}

/**
 * Words joined together (`my-super-secret-jwt-key`, `dev_jwt_secret_2024`, `SuperSecretPassword123!`):
 * low entropy per word even when the characters vary. Every letter run is a word of two or more
 * letters, and most letters sit in words of three or more; random strings almost never do that.
 */
function isPhrase(text: string): boolean {
  // `V2`, `S3`: a capital with a number is a version or a name, read as a number
  const tokens = text.match(/[A-Z]\d{1,3}(?!\d)|[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+|[^A-Za-z\d]+/g) ?? [];
  let letters = 0;
  let inWords = 0;
  let wordCount = 0;
  for (const t of tokens) {
    if (/^[A-Z]\d/.test(t)) continue;
    if (/^[A-Za-z]/.test(t)) {
      if (t.length < 2) return false;
      letters += t.length;
      if (t.length >= 3) {
        inWords += t.length;
        wordCount++;
      }
    } else if (/^\d/.test(t)) {
      if (t.length > 4) return false;
    } else if (t.length > 2) {
      return false;
    }
  }
  return wordCount >= 2 && letters > 0 && inWords / letters >= 0.7;
}

// ---- reporting -----------------------------------------------------------------------------

/** Nodes that hold text but not a value: module specifiers, types, property names. */
function isNotAValue(node: ts.Node): boolean {
  const p = node.parent;
  if (!p) return true;
  if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isExternalModuleReference(p) || ts.isLiteralTypeNode(p) || ts.isImportTypeNode(p)) return true;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p) || ts.isEnumMember(p)) && p.name === node) return true;
  if (ts.isCallExpression(p) && ts.isIdentifier(p.expression) && p.expression.text === 'require') return true;
  return false;
}

function fingerprintFor(node: ts.Node): ts.Node {
  // the name the literal is assigned to, when it has one, keeps the secret itself out of the fingerprint input
  const target = assignedName(node);
  return target?.node ?? node;
}

function mask(secret: string): string {
  return `${secret.slice(0, 4)}\u2026`;
}

const WHY =
  'Everyone who can read the repository, its forks, CI logs or build artefacts can use it, and it stays in git history after it is deleted; scanners pick up leaked keys within minutes of a push.';
const FIX = 'Revoke and rotate it now, then load it at run time from the environment or a secrets manager and fail at startup when it is missing.';

function formatMessage(label: string, token: string): string {
  const article = /^[AEIOU]/.test(label) ? 'An' : 'A';
  const what = token ? `${article} ${label} (\`${mask(token)}\`) is written into the source.` : `${article} ${label} is written into the source.`;
  return `${what} ${WHY} ${FIX}`;
}

function urlMessage(password: string): string {
  return `A connection URL carries a hard-coded password (\`${mask(password)}\`, ${password.length} random-looking characters). ${WHY} ${FIX}`;
}

function entropyMessage(target: string, value: string): string {
  return `${target[0].toUpperCase()}${target.slice(1)} is given a hard-coded secret-looking value (\`${mask(value)}\`, ${value.length} random-looking characters). ${WHY} ${FIX}`;
}
