import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { hardcodedSecret, isHighEntropySecret, isSecretName, shannonEntropy } from '../../src/core/rules/hardcoded-secret';
import { findingsFor, runDocsExamples, runRuleTests, type InvalidCase, type RuleCase } from './ruleTester';

// Every credential below is made up: random characters in the shape of the real thing.
const GITHUB = 'ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d';
const GITHUB_PAT = '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';
const GITLAB = 'glpat-Y40uvSwMFLZDe1f8rESQ';
const OPENAI_PROJECT = 'sk-proj-edUStPKR0CsTy4Qwb8DwkNhFdnXsiVpzz63FfkCzJr4i0B3JrTAwR4y9ojfl';
const OPENAI_LEGACY = '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';
const GOOGLE = 'AIzazzzgEOzdmenCkhvMdgaKjIg8xNbe3nNyjOq';
const DISCORD = 'MTA9wMxEhh2FDEEtfjgVvVqE.1SkHbn.88HxjSI6bWHtP3fS2qHx6kwXoIIXGvOoNZYW2m';
const TELEGRAM = '5012345678:AAZp0zVZomHFwUbbYrEqmSM9wCZ7Uw9xfog';
const SLACK = 'xoxb-616370370940-6940784616925-nEN5N1aE6PwZPf1Qh6yYTWmE';
const STRIPE = 'sk_live_514lBYOvfZ8UzDzV8fUkkibjL5DZPjN0';
const STRIPE_RESTRICTED = 'rk_live_51MEQ7wjJJibaZUPgHV7iB3m03nbqnsG';
const PEM_BODY = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7sfSWKGOy27QT67UOeJV2JGAu';

/** The message shows at most four characters of the secret, then an ellipsis. */
function masked(secret: string): string[] {
  return [`${secret.slice(0, 4)}\u2026`];
}

const invalid: InvalidCase[] = [
  {
    name: 'AWS access key id as an env fallback (FAKE/SAMPLE letters are not a placeholder)',
    code: `export const config = {
  aws: {
    region: process.env.AWS_REGION ?? 'eu-west-1',
    accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'AKIAFAKESAMPLEKEY234',
  },
};
`,
    line: 4,
    text: "'AKIAFAKESAMPLEKEY234'",
    severity: 'CRITICAL',
    messageIncludes: ['An AWS access key id', '`AKIA\u2026`', 'Revoke and rotate', 'secrets manager'],
  },
  { name: 'AWS temporary key id (ASIA)', code: `export const STS_KEY = 'ASIAPUQ80IDW3706I8J7';\n`, messageIncludes: masked('ASIAPUQ80IDW3706I8J7') },
  {
    name: 'Stripe live secret key passed to the client',
    code: `import Stripe from 'stripe';\n\nexport const stripe = new Stripe('${STRIPE}', { apiVersion: '2024-06-20' });\n`,
    messageIncludes: ['Stripe live secret key', '`sk_l\u2026`'],
  },
  { name: 'Stripe restricted key', code: `export const keys = { reporting: '${STRIPE_RESTRICTED}' };\n`, messageIncludes: ['restricted'] },
  {
    name: 'GitHub token in an Octokit client',
    code: `import { Octokit } from '@octokit/rest';\n\nexport const github = new Octokit({ auth: '${GITHUB}' });\n`,
    messageIncludes: ['GitHub token', '`ghp_\u2026`'],
  },
  { name: 'GitHub fine-grained token', code: `const headers = { Authorization: 'Bearer ${GITHUB_PAT}' };\nexport default headers;\n`, messageIncludes: ['fine-grained'] },
  { name: 'GitLab token', code: `export const gitlab = { host: 'https://gitlab.internal', token: '${GITLAB}' };\n`, messageIncludes: ['GitLab'] },
  {
    name: 'Slack bot token in a JS file',
    code: `const { WebClient } = require('@slack/web-api');\nmodule.exports = new WebClient('${SLACK}');\n`,
    file: 'src/slack.js',
    messageIncludes: ['Slack token', '`xoxb\u2026`'],
  },
  { name: 'Telegram bot token', code: `import { Telegraf } from 'telegraf';\nexport const bot = new Telegraf('${TELEGRAM}');\n`, messageIncludes: ['Telegram', '`5012\u2026`'] },
  { name: 'Discord bot token', code: `import { Client } from 'discord.js';\nconst client = new Client({ intents: [] });\nclient.login('${DISCORD}');\n`, messageIncludes: ['Discord'] },
  {
    name: 'Google API key in a JSX attribute',
    code: `export const StoreMap = () => <GoogleMap apiKey="${GOOGLE}" zoom={12} />;\n`,
    file: 'src/StoreMap.tsx',
    messageIncludes: ['Google API key', '`AIza\u2026`'],
  },
  { name: 'OpenAI project key', code: `import OpenAI from 'openai';\nexport const openai = new OpenAI({ apiKey: '${OPENAI_PROJECT}' });\n`, messageIncludes: ['An OpenAI API key', '`sk-p\u2026`'] },
  { name: 'OpenAI legacy key', code: `export const OPENAI_KEY = '${OPENAI_LEGACY}';\n`, messageIncludes: ['OpenAI'] },
  {
    name: 'PEM private key in a template literal',
    code: `export const signingKey = \`-----BEGIN RSA PRIVATE KEY-----
${PEM_BODY}
${PEM_BODY}
-----END RSA PRIVATE KEY-----\`;
`,
    line: 1,
    messageIncludes: ['A PEM private key is written into the source'],
  },
  {
    name: 'PEM header concatenated with the key body',
    code: `export const key = '-----BEGIN PRIVATE KEY-----\\n' +\n  '${PEM_BODY}\\n' +\n  '-----END PRIVATE KEY-----\\n';\n`,
    line: 1,
  },
  {
    name: 'PEM private key shortened with an ellipsis',
    code: `export const privateKey = '-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEA7x...\\n-----END RSA PRIVATE KEY-----';\n`,
  },
  {
    name: 'high-entropy jwtSecret fallback with ||',
    code: `export const jwtSecret = process.env.JWT_SECRET || 'q9T2vXe7Lm4RzW8pKd3N6bHs1YcF5gJa';\n`,
    text: "'q9T2vXe7Lm4RzW8pKd3N6bHs1YcF5gJa'",
    messageIncludes: ['`jwtSecret`', '`q9T2\u2026`', '32 random-looking characters'],
  },
  { name: 'password property with symbols', code: `export const db = { host: 'db.internal', user: 'app', password: 'Xy7#kL9$mN2@pQ4w' };\n`, messageIncludes: ['`password`', '`Xy7#\u2026`'] },
  {
    name: 'clientSecret class property',
    code: `export class OAuthClient {\n  private readonly clientSecret = 'Zr8Kp2Lq9Vx4Tn6Wm3Hs7Yb5';\n}\n`,
    messageIncludes: ['`clientSecret`'],
  },
  { name: 'x-api-key header', code: `export const headers = { 'x-api-key': 'b7F3kQ9mZ2xR8vL4pT6nW1yC', accept: 'application/json' };\n`, messageIncludes: ['`x-api-key`'] },
  { name: 'assigned to process.env', code: `process.env.API_TOKEN = 'c4Hq8Zt2Mv7Lk9Xp3Rw6Nj1B';\n`, messageIncludes: ['`API_TOKEN`'] },
  {
    name: 'default parameter value',
    code: `export function sign(payload: object, secret = 'Pm4Qz8Kr2Vt7Xw9Ln3Hb6Yc1') {\n  return { payload, secret };\n}\n`,
  },
  { name: 'hex API key', code: `const API_KEY = 'a3f5c8e1b2d4f6a7c9e0b1d2f3a4c5e6';\nexport default API_KEY;\n`, messageIncludes: ['`API_KEY`'] },
  {
    name: 'a key inside a template with substitutions',
    code: 'export const mapsUrl = (q: string) => `https://maps.googleapis.com/maps/api/geocode/json?address=${q}&key=' + GOOGLE + '`;\n',
    messageIncludes: ['Google API key'],
  },
  { name: 'a file whose path merely contains "test" in a word', code: `export const token = '${GITHUB}';\n`, file: 'src/contest/leaderboard.ts' },
  { name: 'a privateKey in an array', code: `export const signers = { privateKeys: ['Lm3Qx8Zr2Kv7Tw9Pn4Hc6Yb1', 'Rt5Wy2Kp8Zm3Xq7Vn9Lc4Hb6'] };\n`, count: 2 },
  { name: 'Slack incoming webhook URL', code: `export const ALERTS = 'https://hooks.slack.com/services/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';\n`, messageIncludes: ['Slack webhook URL'] },
  {
    name: 'Discord webhook URL',
    code: `export const hook = 'https://discord.com/api/webhooks/175604806358178397/gTqBu4wweocv81k2lsNaWQrZzhB4GZqT8hqt0pmpsLww0sAO-DGpUxjKbgRBWZRZX1Vl';\n`,
    messageIncludes: ['Discord webhook URL'],
  },
  {
    name: 'SendGrid key passed to setApiKey',
    code: `import sgMail from '@sendgrid/mail';\nsgMail.setApiKey('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');\n`,
    messageIncludes: ['SendGrid API key', '`SG.x\u2026`'],
  },
  { name: 'npm token inside an .npmrc line', code: `export const npmrc = '//registry.npmjs.org/:_authToken=npm_eLc9dAtxJO8TLKsmWg3YzzYlqDvi4i5C32SS';\n`, messageIncludes: ['npm access token'] },
  {
    name: 'Azure storage connection string',
    code: `export const conn = 'DefaultEndpointsProtocol=https;AccountName=acmefiles;AccountKey=Y2uP9LctXEA1RnaS2OOzYS/T6e//epLkoOPqeaor+hOIPf91hQMdVMt+ElWnuwGRrohGogOVUWlCKiKW6wxlCQ==;EndpointSuffix=core.windows.net';\n`,
    messageIncludes: ['Azure storage account key'],
  },
  { name: 'DigitalOcean token', code: `export const client = createApiClient({ token: 'dop_v1_1a795e1d763f588b265b2344421c5b75a1ad69534f07c37e255eb8a1c0954099' });\n`, messageIncludes: ['DigitalOcean'] },
  { name: 'Alibaba Cloud access key id', code: `export const oss = { accessKeyId: 'LTAIshFBZecwkMRu2vQuZ19c', bucket: 'assets' };\n`, messageIncludes: ['Alibaba Cloud'] },
  { name: 'Google OAuth client secret', code: `export const google = { clientId: 'abc.apps.googleusercontent.com', secretValue: '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' };\n`, messageIncludes: ['Google OAuth client secret'] },
  {
    name: 'Braintree production access token',
    code: `import braintree from 'braintree';\nexport const gateway = new braintree.BraintreeGateway({ credentials: 'access_token$production$902wps4aelr8u5nw$57f63d654f75852777dc278aaf6301d1' });\n`,
    messageIncludes: ['Braintree'],
  },
  { name: 'Square application secret', code: `export const square = { oauth: 'sq0csp-OygLxIGbLzUouSXsNHz5hdTDskWcTOWFtjcdwBCRGja' };\n`, messageIncludes: ['Square'] },
  {
    name: 'Slack app-level token',
    code: `import { App } from '@slack/bolt';\nexport const app = new App({ socketMode: true, appToken: 'xapp-1-A1H1FX519Y9-4551483103459-38976ee082c309feda739c628efa20124d6d003a6630d95495d395dc32898583' });\n`,
    messageIncludes: ['Slack app token'],
  },
  {
    name: 'Authorization header with a hard-coded bearer token',
    code: `import axios from 'axios';\nexport const api = axios.create({ headers: { Authorization: 'Bearer cVM1eqEzi4sMEn23XGt1CqGqOlDsjmvGiZGoNwMH' } });\n`,
    messageIncludes: ['`Authorization`', '`cVM1\u2026`'],
  },
  {
    name: 'literal secret given to jwt.sign',
    code: `import jwt from 'jsonwebtoken';\nexport const issue = (sub: string) => jwt.sign({ sub }, 'eoJBYjKavUYUzLYfaBfBDgfam37fXptm', { expiresIn: '1h' });\n`,
    messageIncludes: ['The secret argument of `jwt.sign(…)`', '`eoJB\u2026`'],
  },
  {
    name: 'literal HMAC key (node: prefix, named import)',
    code: `import { createHmac } from 'node:crypto';\nexport const sign = (body: string) => createHmac('sha256', '34895623a069ca1e8fb6b41a76df5b5900b44d12').update(body).digest('hex');\n`,
    messageIncludes: ['`createHmac(…)`'],
  },
  {
    name: 'literal cookie-parser secret (require)',
    code: `const express = require('express');\nconst cookieParser = require('cookie-parser');\nconst app = express();\napp.use(cookieParser('Iu9RJs1xlJvS9XSgUJscQ6vB'));\n`,
    file: 'src/app.js',
  },
  { name: 'a 12-character random password', code: `export const db = { user: 'billing', password: 'EL20MgKndrQ3' };\n`, messageIncludes: ['`password`'] },
  {
    name: 'a connection URL with a generated password',
    code: `import mongoose from 'mongoose';\nmongoose.connect('mongodb+srv://orders:q7Lm2XzR9vKp4TnW@cluster0.ab1cd.mongodb.net/prod');\n`,
    messageIncludes: ['A connection URL carries a hard-coded password', '`q7Lm\u2026`'],
  },
  { name: 'a Postgres URL with an encoded password', code: `export const DATABASE_URL = 'postgres://app:Vt8%23kQ2zLm9xR4pN@db.internal:5432/app';\n` },
];

const valid: (string | RuleCase)[] = [
  { name: 'read from the environment', code: `export const config = { jwtSecret: process.env.JWT_SECRET!, apiKey: process.env.API_KEY };\n` },
  { name: 'empty fallback', code: `export const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY ?? '';\n` },
  { name: 'a secrets-manager entry name', code: `export const stripeSecretName = 'checkout/prod/stripe-secret-key';\nexport const dbPassword = 'checkout/prod/db-password';\n` },
  { name: 'placeholders', code: `export const config = {\n  apiKey: 'your-api-key-here',\n  password: 'changeme-before-deploy',\n  token: '<paste-your-token>',\n  secret: 'xxxxxxxxxxxxxxxxxxxxxxxx',\n  jwtSecret: '\${JWT_SECRET_FROM_VAULT}',\n};\n` },
  { name: "AWS's documented example key", code: `export const AWS_DOCS_KEY = 'AKIAIOSFODNN7EXAMPLE';\n` },
  { name: 'format-shaped filler', code: `export const keys = ['sk_live_xxxxxxxxxxxxxxxxxxxxxxxx', 'AKIA0000000000000000', 'ghp_${'a'.repeat(36)}'];\n` },
  { name: 'Stripe test and publishable keys', code: `export const stripeKeys = { secret: 'sk_test_51Hx7QaLmN0pR2sT4uV6wY8zA', publishable: 'pk_live_51Hx7QaLmN0pR2sT4uV6wY8zA' };\n` },
  { name: 'a test file', code: `export const token = '${GITHUB}';\n`, file: 'src/__tests__/github.ts' },
  { name: 'a spec file', code: `const stripeKey = '${STRIPE}';\nexport default stripeKey;\n`, file: 'src/payments/stripe.spec.ts' },
  { name: 'a file under test/', code: `export const jwtSecret = 'q9T2vXe7Lm4RzW8pKd3N6bHs1YcF5gJa';\n`, file: 'test/helpers/auth.ts' },
  { name: 'a fixtures folder', code: `export const aws = 'AKIAFAKESAMPLEKEY234';\n`, file: 'packages/api/fixtures/config.ts' },
  { name: 'a __mocks__ folder', code: `export const OPENAI_KEY = '${OPENAI_LEGACY}';\n`, file: 'src/__mocks__/openai.ts' },
  { name: 'a phrase is not high entropy', code: `export const jwtSecret = process.env.JWT_SECRET ?? 'my-super-secret-jwt-key';\nexport const sessionSecret = 'dev_session_secret_2024';\n` },
  { name: 'random value under a name that is not a secret', code: `export const requestId = 'q9T2vXe7Lm4RzW8pKd3N6bHs1YcF5gJa';\nexport const cacheKey = 'a3f5c8e1b2d4f6a7c9e0b1d2f3a4c5e6';\n` },
  { name: 'secret-sounding names that hold something else', code: `export const oauth = {\n  tokenUrl: 'https://auth.internal/oauth2/token',\n  passwordField: 'passwordConfirmation',\n  tokenType: 'Bearer',\n  apiKeyHeader: 'X-Api-Key-For-Partner',\n  passwordHash: '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy',\n};\n` },
  { name: 'environment variable names', code: `export const TOKEN_ENV = 'GITHUB_ACTIONS_TOKEN';\nexport const secretVar = 'STRIPE_SECRET_KEY_LIVE';\n` },
  { name: 'a public key', code: `export const publicKey = \`-----BEGIN PUBLIC KEY-----\n${PEM_BODY}\n-----END PUBLIC KEY-----\`;\n` },
  { name: 'a PEM header used for parsing', code: `export const isPkcs1 = (pem: string) => pem.startsWith('-----BEGIN RSA PRIVATE KEY-----');\n` },
  { name: 'a PEM placeholder', code: `export const privateKey = '-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----';\n` },
  { name: 'a PEM template with a placeholder body', code: `export const keyTemplate = \`-----BEGIN PRIVATE KEY-----\n<your key here>\n-----END PRIVATE KEY-----\`;\n` },
  { name: 'a comparison, not an assignment', code: `export const isDefault = (password: string) => password === 'Xy7#kL9$mN2@pQ4w';\n` },
  { name: 'a message mentioning a password', code: `export const errors = { password: 'Password must be 12 characters long' };\n` },
  { name: 'a camelCase identifier as value', code: `export const fields = { tokenSecret: 'refreshTokenSecretValue' };\n` },
  { name: 'a URL with a token word', code: `export const token = 'https://auth.internal/v1/token/refresh';\n` },
  { name: 'a __fixtures__ folder', code: `export const slackToken = '${SLACK}';\n`, file: 'src/payments/__fixtures__/customer.ts' },
  { name: 'a .fixture file', code: `export const stripe = '${STRIPE}';\n`, file: 'src/payments/stripe.fixture.ts' },
  { name: 'a testdata folder', code: `export const gh = '${GITHUB}';\n`, file: 'internal/testdata/tokens.ts' },
  {
    name: "the storage emulator's published account key",
    code: `export const local = 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;';\n`,
  },
  { name: 'Authorization built from the environment', code: `export const headers = { Authorization: \`Bearer \${process.env.API_TOKEN}\`, 'x-trace': 'on' };\n` },
  { name: 'Authorization with a placeholder credential', code: `export const headers = { Authorization: 'Bearer <your-token-here>' };\n` },
  { name: 'jwt.sign with a secret from the environment, and a low-entropy literal', code: `import jwt from 'jsonwebtoken';\nexport const a = (s: string) => jwt.sign({ s }, process.env.JWT_SECRET!);\nexport const b = (s: string) => jwt.sign({ s }, 'development-secret');\n` },
  { name: 'a literal first argument of createHmac is the algorithm', code: `import crypto from 'crypto';\nexport const h = (k: string, b: string) => crypto.createHmac('sha3-512-with-long-name', k).update(b).digest('base64url');\n` },
  { name: 'short passwords that are words and digits', code: `export const users = [{ password: 'Summer2024!' }, { password: 'Admin@12345' }];\n` },
  { name: 'a 12-character value with only two kinds of character', code: `export const db = { password: 'k3j9x2m8p7q4' };\n` },
  {
    name: 'connection URLs with development or placeholder passwords',
    code: `export const urls = ['postgres://postgres:postgres@localhost:5432/app', 'redis://:changeme@cache:6379', 'amqp://guest:guest@rabbit:5672', 'mysql://root:<password>@db/app'];\n`,
  },
  { name: 'short typed values with runs', code: `export const seed = { signalToken: 'tokRel1234567', password: 'Qwe4321rtyAB', pass: 'Zz9aaaBcDeF' };\n` },
  { name: 'short settings under secret-sounding names', code: `export const secretsManagerRegion = 'eu-central-1';\nexport const tokenVersion = 'v2-Beta-build';\n` },
];

runRuleTests(hardcodedSecret, { valid, invalid });
runDocsExamples(hardcodedSecret);

describe('rule hardcoded-secret: messages never repeat the secret', () => {
  for (const [i, c] of invalid.entries()) {
    it(`invalid #${i + 1}`, () => {
      for (const f of findingsFor(hardcodedSecret, c)) {
        const literal = /'([^']{16,})'|"([^"]{16,})"/.exec(c.code);
        const secret = literal?.[1] ?? literal?.[2];
        if (secret) assert.ok(!f.message.includes(secret.slice(0, 5)), `message leaks more than four characters: ${f.message}`);
      }
    });
  }
});

describe('rule hardcoded-secret: entropy and names', () => {
  it('Shannon entropy: 4 bits for 16 distinct characters, 0 for one repeated', () => {
    assert.equal(shannonEntropy('0123456789abcdef'), 4);
    assert.equal(shannonEntropy('aaaaaaaaaaaaaaaa'), 0);
  });
  it('generated secrets are high entropy; words, paths and short values are not', () => {
    for (const s of ['q9T2vXe7Lm4RzW8pKd3N6bHs1YcF5gJa', 'Xy7#kL9$mN2@pQ4w', 'a3f5c8e1b2d4f6a7c9e0b1d2f3a4c5e6', 'P@ssw0rd!2024xyz']) assert.ok(isHighEntropySecret(s), s);
    for (const s of ['my-super-secret-jwt-key', 'SuperSecretPassword123!', 'checkout/prod/stripe-secret-key', 'short1A', 'abcdefghijklmnop', 'deadbeefdeadbeef', 'JWT_SECRET_FALLBACK', 'https://x.internal/a1B2c3D4']) {
      assert.ok(!isHighEntropySecret(s), s);
    }
  });
  it('secret names', () => {
    for (const n of ['secret', 'apiKey', 'API_KEY', 'x-api-key', 'password', 'dbPassword', 'jwtSecret', 'token', 'githubToken', 'privateKey', 'clientSecret', 'secretAccessKey', 'SIGNING_KEY']) assert.ok(isSecretName(n), n);
    for (const n of ['tokenUrl', 'passwordField', 'stripeSecretName', 'publicKey', 'cacheKey', 'key', 'requestId', 'tokenizer', 'passwordHash']) assert.ok(!isSecretName(n), n);
  });
});

// Fixture files live under test/rules/fixtures/, a folder this rule skips on purpose, so they are
// analysed here under a production path; under their own path they must produce nothing.
describe('rule hardcoded-secret fixtures', () => {
  const dir = path.resolve(__dirname, '../../../test/rules/fixtures', hardcodedSecret.id);
  for (const name of readdirSync(dir).sort()) {
    const code = readFileSync(path.join(dir, name), 'utf8');
    it(`fixture ${name} (as src/${name})`, () => {
      const expected = new Map<number, number>();
      code.split('\n').forEach((l, i) => {
        const m = /\/\/\s*expect:\s*([a-z0-9-]+)(?:\s+x(\d+))?/.exec(l);
        if (m && m[1] === hardcodedSecret.id) expected.set(i + 1, Number(m[2] ?? 1));
      });
      const actual = new Map<number, number>();
      for (const f of findingsFor(hardcodedSecret, { code, file: `src/${name}` })) actual.set(f.line, (actual.get(f.line) ?? 0) + 1);
      assert.deepEqual(Object.fromEntries([...actual].sort((a, b) => a[0] - b[0])), Object.fromEntries([...expected].sort((a, b) => a[0] - b[0])));
    });
    it(`fixture ${name} under fixtures/ is a test fixture`, () => {
      assert.deepEqual(findingsFor(hardcodedSecret, { code, file: `test/rules/fixtures/hardcoded-secret/${name}` }), []);
    });
  }
});
