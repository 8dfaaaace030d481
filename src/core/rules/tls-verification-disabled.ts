// tls-verification-disabled: code that switches off TLS certificate checks. `rejectUnauthorized:
// false` (Node tls/https agents, pg, mysql2, mongodb, axios' httpsAgent, ws, nodemailer …),
// `strictSSL: false` (request and its forks), `NODE_TLS_REJECT_UNAUTHORIZED = '0'` (the whole
// process), a `checkServerIdentity` that accepts every certificate, and the MongoDB driver's own
// switches (`tlsAllowInvalidCertificates` / `tlsAllowInvalidHostnames` / `tlsInsecure: true`,
// `sslValidate: false`). Written as an object property, a shorthand property backed by a
// `const`, or an assignment.
import { ts } from 'ts-morph';
import { constInitializer, isTestFile } from './shared/dataAccess';
import { isFunctionNode, skipOuterExpressions, walk } from '../engine/ast';
import type { FileFacts } from '../engine/fileFacts';
import { defineRule } from '../engine/rule';

/** The MongoDB driver's own switches: `true` turns a check off (`sslValidate` is the legacy inverse). */
const MONGO_SWITCHES = new Set(['tlsAllowInvalidCertificates', 'tlsAllowInvalidHostnames', 'tlsInsecure']);
const ENV_NAME = 'NODE_TLS_REJECT_UNAUTHORIZED';

type Kind = 'rejectUnauthorized' | 'strictSSL' | 'env' | 'checkServerIdentity' | 'mongo';

export const tlsVerificationDisabled = defineRule({
  id: 'tls-verification-disabled',
  category: 'security',
  defaultSeverity: 'HIGH',
  title: 'TLS certificate verification switched off',
  requiresTypeInfo: false,
  options: {},
  docs: {
    summary:
      'Flags `rejectUnauthorized: false`, `strictSSL: false`, `NODE_TLS_REJECT_UNAUTHORIZED = \'0\'`, a `checkServerIdentity` that accepts every certificate, and the MongoDB driver\u2019s equivalents (`tlsAllowInvalidCertificates: true`, `tlsAllowInvalidHostnames: true`, `tlsInsecure: true`, `sslValidate: false`).',
    why:
      'Without certificate verification a TLS connection is encrypted to whoever answers. Anyone on the path (a compromised proxy or sidecar, a rogue access point, a spoofed DNS answer) can present their own certificate, read credentials and customer data, and change responses, and nothing fails or logs. A switch meant for one misconfigured host usually stays in place long after, often for every connection of the process.',
    fix:
      'Keep verification on and teach Node to trust the certificate instead: pass the private CA with `ca: fs.readFileSync(\'ca.pem\')` on the agent or client, or set `NODE_EXTRA_CA_CERTS=/path/ca.pem` for the process. For a certificate issued for another name, fix the certificate or set `servername`.',
    invalid: [
      { code: "import * as https from 'node:https';\n\nexport const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });\n" },
      { code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\n" },
      { code: "const request = require('request');\n\nrequest({ url: 'https://legacy.internal/report', strictSSL: false }, () => {});\n" },
      { code: "import tls from 'node:tls';\n\nexport const socket = tls.connect({ host: 'broker.internal', port: 8883, checkServerIdentity: () => undefined });\n" },
    ],
    valid: [
      { code: "import knex from 'knex';\n\nexport const db = knex({ client: 'pg', connection: { ssl: { rejectUnauthorized: true } } });\n" },
      { code: "import { readFileSync } from 'node:fs';\nimport * as https from 'node:https';\n\nexport const agent = new https.Agent({ ca: readFileSync('/etc/ssl/internal-ca.pem') });\n" },
      { code: "export const ssl = { rejectUnauthorized: process.env.DB_SSL_VERIFY !== 'false' };\n" },
    ],
  },
  create(context) {
    // tests talk to self-signed local servers on purpose; the finding is about production code
    if (isTestFile(context.file)) return {};
    const facts = context.facts;

    const reportProperty = (node: ts.Node, name: string, value: ts.Expression | undefined) => {
      const kind = disabling(name, value, facts);
      if (kind) context.report(node, messageFor(kind));
    };

    return {
      PropertyAssignment: (node: ts.Node) => {
        const p = node as ts.PropertyAssignment;
        const name = propertyName(p.name);
        if (name) reportProperty(p, name, p.initializer);
      },
      ShorthandPropertyAssignment: (node: ts.Node) => {
        const p = node as ts.ShorthandPropertyAssignment;
        const name = p.name.text;
        if (name !== 'rejectUnauthorized' && name !== 'strictSSL' && name !== 'checkServerIdentity' && name !== 'sslValidate' && !MONGO_SWITCHES.has(name)) return;
        reportProperty(p, name, constInitializer(facts, p.name));
      },
      MethodDeclaration: (node: ts.Node) => {
        // { checkServerIdentity() { return undefined; } }
        const m = node as ts.MethodDeclaration;
        if (!ts.isObjectLiteralExpression(m.parent) || propertyName(m.name) !== 'checkServerIdentity') return;
        if (acceptsEverything(m, facts)) context.report(m, messageFor('checkServerIdentity'));
      },
      BinaryExpression: (node: ts.Node) => {
        const b = node as ts.BinaryExpression;
        if (b.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
        const left = skipOuterExpressions(b.left);
        let name: string | undefined;
        if (ts.isPropertyAccessExpression(left)) name = left.name.text;
        else if (ts.isElementAccessExpression(left) && ts.isStringLiteralLike(left.argumentExpression)) name = left.argumentExpression.text;
        if (!name) return;
        if (name === ENV_NAME) {
          // only process.env itself (the global), not a local object of that name
          const origin = facts.originOf(left);
          if (!origin || origin.module !== '' || origin.path.join('.') !== `process.env.${ENV_NAME}`) return;
        }
        reportProperty(b, name, b.right);
      },
    };
  },
});

function propertyName(n: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
  if (ts.isComputedPropertyName(n) && ts.isStringLiteralLike(n.expression)) return n.expression.text;
  return undefined;
}

/** What kind of switch-off `name: value` is, if any. */
function disabling(name: string, value: ts.Expression | undefined, facts: FileFacts): Kind | undefined {
  if (!value) return undefined;
  switch (name) {
    case 'rejectUnauthorized':
      return isFalse(value, facts) ? 'rejectUnauthorized' : undefined;
    case 'strictSSL':
      return isFalse(value, facts) ? 'strictSSL' : undefined;
    case 'sslValidate':
      return isFalse(value, facts) ? 'mongo' : undefined;
    case 'tlsAllowInvalidCertificates':
    case 'tlsAllowInvalidHostnames':
    case 'tlsInsecure':
      return isTrue(value, facts) ? 'mongo' : undefined;
    case ENV_NAME:
      return isZero(value, facts) ? 'env' : undefined;
    case 'checkServerIdentity': {
      const fn = functionOf(value, facts);
      return fn && acceptsEverything(fn, facts) ? 'checkServerIdentity' : undefined;
    }
    default:
      return undefined;
  }
}

/** `false`, or a `const` whose value is `false`. Node only turns verification off for exactly `false`. */
function isFalse(value: ts.Expression, facts: FileFacts, depth = 0): boolean {
  const v = skipOuterExpressions(value);
  if (v.kind === ts.SyntaxKind.FalseKeyword) return true;
  if (ts.isIdentifier(v) && depth < 4) {
    const init = constInitializer(facts, v);
    return !!init && isFalse(init, facts, depth + 1);
  }
  return false;
}

/** `true`, or a `const` whose value is `true`. */
function isTrue(value: ts.Expression, facts: FileFacts, depth = 0): boolean {
  const v = skipOuterExpressions(value);
  if (v.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (ts.isIdentifier(v) && depth < 4) {
    const init = constInitializer(facts, v);
    return !!init && isTrue(init, facts, depth + 1);
  }
  return false;
}

/** `'0'`, `"0"`, `` `0` `` or `0` (environment values are strings; a number is turned into '0'). */
function isZero(value: ts.Expression, facts: FileFacts, depth = 0): boolean {
  const v = skipOuterExpressions(value);
  if (ts.isStringLiteralLike(v) || ts.isNumericLiteral(v)) return v.text === '0';
  if (ts.isIdentifier(v) && depth < 4) {
    const init = constInitializer(facts, v);
    return !!init && isZero(init, facts, depth + 1);
  }
  return false;
}

type FunctionLike = ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration | ts.MethodDeclaration;

function functionOf(value: ts.Expression, facts: FileFacts): FunctionLike | undefined {
  const v = skipOuterExpressions(value);
  if (ts.isArrowFunction(v) || ts.isFunctionExpression(v)) return v;
  if (ts.isIdentifier(v)) {
    const decl = facts.resolver.declarationOf(v);
    if (decl && ts.isFunctionDeclaration(decl)) return decl;
    const init = constInitializer(facts, v);
    const f = init && skipOuterExpressions(init);
    if (f && (ts.isArrowFunction(f) || ts.isFunctionExpression(f))) return f;
  }
  return undefined;
}

/** A value that means "no error": `undefined`, `null`, `void …`. */
function isNoError(e: ts.Expression, facts: FileFacts): boolean {
  const v = skipOuterExpressions(e);
  if (v.kind === ts.SyntaxKind.NullKeyword || ts.isVoidExpression(v)) return true;
  return ts.isIdentifier(v) && v.text === 'undefined' && !facts.isLocal('undefined', v);
}

/**
 * A `checkServerIdentity` that can never report a mismatch: it never throws and never returns
 * anything but `undefined` / `null`. Node treats a returned Error as a failed check.
 */
function acceptsEverything(fn: FunctionLike, facts: FileFacts): boolean {
  const body = fn.body;
  if (!body) return false;
  if (!ts.isBlock(body)) return isNoError(body, facts);
  let verifies = false;
  walk(body, (n) => {
    if (isFunctionNode(n)) return false;
    if (ts.isThrowStatement(n) || (ts.isReturnStatement(n) && n.expression && !isNoError(n.expression, facts))) {
      verifies = true;
      return 'stop';
    }
    return true;
  });
  return !verifies;
}

function messageFor(kind: Kind): string {
  const what: Record<Kind, string> = {
    rejectUnauthorized: '`rejectUnauthorized: false` turns off certificate verification for this connection.',
    strictSSL: '`strictSSL: false` makes the request skip certificate verification.',
    env: "Setting `NODE_TLS_REJECT_UNAUTHORIZED` to '0' turns off certificate verification for every TLS connection this process makes, not just one.",
    checkServerIdentity: '`checkServerIdentity` here accepts every certificate, so the host name is never checked: a valid certificate for any domain passes.',
    mongo: 'This MongoDB option (`tlsAllowInvalidCertificates`, `tlsAllowInvalidHostnames`, `tlsInsecure` or `sslValidate: false`) turns off certificate or host-name verification for the database connection.',
  };
  return (
    `${what[kind]} ` +
    'Anyone on the network path (a compromised proxy, a rogue access point, a spoofed DNS answer) can then pose as the server, read credentials and customer data, and change responses without any error. ' +
    "Keep verification on and trust the private CA instead (`ca: fs.readFileSync('ca.pem')` on the client, or `NODE_EXTRA_CA_CERTS`)."
  );
}
