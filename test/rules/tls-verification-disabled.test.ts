import { tlsVerificationDisabled } from '../../src/core/rules/tls-verification-disabled';
import { runDocsExamples, runFixtureTests, runRuleTests, type InvalidCase, type RuleCase } from './ruleTester';

const invalid: InvalidCase[] = [
  {
    name: 'https.Agent with rejectUnauthorized: false (namespace import)',
    code: `import * as https from 'node:https';

export const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });
`,
    line: 3,
    text: 'rejectUnauthorized: false',
    severity: 'HIGH',
    messageIncludes: ['`rejectUnauthorized: false`', 'network path', 'NODE_EXTRA_CA_CERTS'],
  },
  {
    name: 'pg pool ssl option (destructured require)',
    code: `const { Pool } = require('pg');
const pool = new Pool({ connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: false } });
module.exports = pool;
`,
    file: 'src/pool.js',
  },
  {
    name: 'axios with an https agent',
    code: `import axios from 'axios';
import https from 'https';

export const partner = axios.create({ baseURL: 'https://partner.example.net', httpsAgent: new https.Agent({ rejectUnauthorized: false }) });
`,
  },
  {
    name: 'tls.connect options',
    code: `import tls from 'node:tls';

export const socket = tls.connect({ host: 'mq.internal', port: 5671, rejectUnauthorized: false });
`,
  },
  {
    name: 'rejectUnauthorized from a const false (shorthand)',
    code: `import { Agent } from 'undici';

const rejectUnauthorized = false;
export const dispatcher = new Agent({ connect: { rejectUnauthorized } });
`,
    text: 'rejectUnauthorized',
  },
  {
    name: 'assignment to an agent option',
    code: `import https from 'https';

https.globalAgent.options.rejectUnauthorized = false;
`,
    text: 'https.globalAgent.options.rejectUnauthorized = false',
  },
  {
    name: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'",
    code: `export function allowSelfSigned() {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
}
`,
    messageIncludes: ['NODE_TLS_REJECT_UNAUTHORIZED', 'every TLS connection'],
  },
  {
    name: "process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = \"0\"",
    code: `process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = "0";\n`,
  },
  {
    name: 'NODE_TLS_REJECT_UNAUTHORIZED = 0 as a number',
    code: `process.env.NODE_TLS_REJECT_UNAUTHORIZED = 0 as unknown as string;\n`,
  },
  {
    name: 'NODE_TLS_REJECT_UNAUTHORIZED in a child process environment',
    code: `import { spawn } from 'child_process';

export const run = () => spawn('node', ['sync.js'], { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' } });
`,
    text: "NODE_TLS_REJECT_UNAUTHORIZED: '0'",
  },
  {
    name: 'request with strictSSL: false',
    code: `const request = require('request');

request.get({ url: 'https://legacy.internal/report', strictSSL: false }, (err, res) => res);
`,
    messageIncludes: ['`strictSSL: false`'],
  },
  {
    name: 'checkServerIdentity: () => undefined',
    code: `import tls from 'node:tls';

export const socket = tls.connect({ host: 'broker.internal', port: 8883, checkServerIdentity: () => undefined });
`,
    text: 'checkServerIdentity: () => undefined',
    messageIncludes: ['`checkServerIdentity`', 'host name'],
  },
  {
    name: 'checkServerIdentity with an empty block',
    code: `import https from 'https';

export const agent = new https.Agent({ checkServerIdentity: (_host, _cert) => {} });
`,
  },
  {
    name: 'checkServerIdentity as a method that only logs',
    code: `import tls from 'tls';

export const opts: tls.ConnectionOptions = {
  host: 'ldap.internal',
  checkServerIdentity(host, cert) {
    console.log('connecting to', host, cert.subject);
    return undefined;
  },
};
`,
  },
  {
    name: 'checkServerIdentity given a local no-op function',
    code: `import tls from 'tls';

function skipHostCheck() {
  return null;
}
export const socket = tls.connect({ host: 'smtp.internal', port: 465, checkServerIdentity: skipHostCheck });
`,
  },
  {
    name: 'ws client',
    code: `import WebSocket from 'ws';

export const feed = new WebSocket('wss://feed.internal/prices', { rejectUnauthorized: false });
`,
  },
  {
    name: 'rejectUnauthorized: false in a development branch is still shipped',
    code: `import mysql from 'mysql2/promise';

export const pool = mysql.createPool({
  host: process.env.DB_HOST,
  ssl: process.env.NODE_ENV === 'production' ? { ca: process.env.DB_CA } : { rejectUnauthorized: false },
});
`,
    line: 5,
  },
  {
    name: 'two switches in one file',
    code: `import nodemailer from 'nodemailer';

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
export const mailer = nodemailer.createTransport({ host: 'smtp.internal', tls: { rejectUnauthorized: false } });
`,
    count: 2,
  },
  {
    name: 'MongoClient with tlsAllowInvalidCertificates: true',
    code: `import { MongoClient } from 'mongodb';

export const client = new MongoClient(process.env.MONGO_URL!, { tls: true, tlsAllowInvalidCertificates: true });
`,
    text: 'tlsAllowInvalidCertificates: true',
    messageIncludes: ['MongoDB', 'certificate'],
  },
  {
    name: 'mongoose with tlsInsecure and the legacy sslValidate: false (require)',
    code: `const mongoose = require('mongoose');
mongoose.connect(process.env.MONGO_URL, { tlsInsecure: true });
mongoose.createConnection(process.env.REPORTS_URL, { ssl: true, sslValidate: false });
`,
    file: 'src/db.js',
    count: 2,
  },
];

const valid: (string | RuleCase)[] = [
  {
    name: 'a test file talking to a self-signed local server (decision)',
    file: 'test/integration/partner-proxy.spec.ts',
    code: "import * as https from 'node:https';\n\nexport const agent = new https.Agent({ rejectUnauthorized: false });\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\n",
  },
  { name: 'verification explicitly on', code: `export const ssl = { rejectUnauthorized: true };\n` },
  {
    name: 'a private CA',
    code: `import { readFileSync } from 'node:fs';
import * as https from 'node:https';
export const agent = new https.Agent({ ca: readFileSync('/etc/ssl/internal-ca.pem') });
`,
  },
  { name: 'a value decided at run time', code: `export const ssl = { rejectUnauthorized: process.env.DB_SSL_VERIFY !== 'false' };\n` },
  { name: 'a variable that is not a const', code: `export function ssl(verify: boolean) {\n  return { rejectUnauthorized: verify };\n}\n` },
  { name: 'NODE_TLS_REJECT_UNAUTHORIZED set to 1', code: `process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';\n` },
  { name: 'reading NODE_TLS_REJECT_UNAUTHORIZED', code: `export const insecure = process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0';\n` },
  { name: 'deleting the override', code: `delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;\n` },
  { name: 'a local object named process', code: `const process = { env: {} as Record<string, string> };\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\nexport default process;\n` },
  { name: 'strictSSL: true', code: `const request = require('request');\nrequest({ url: 'https://a.internal', strictSSL: true });\n` },
  {
    name: 'checkServerIdentity that pins a certificate',
    code: `import tls from 'node:tls';
const PINNED = 'AB:CD:EF';
export const socket = tls.connect({
  host: 'pay.internal',
  port: 443,
  checkServerIdentity: (host, cert) => {
    const err = tls.checkServerIdentity(host, cert);
    if (err) return err;
    if (cert.fingerprint256 !== PINNED) return new Error('certificate not pinned');
    return undefined;
  },
});
`,
  },
  {
    name: 'checkServerIdentity delegating to tls.checkServerIdentity',
    code: `import tls from 'tls';
export const opts = { checkServerIdentity: (host: string, cert: tls.PeerCertificate) => tls.checkServerIdentity(host.replace(/^internal-/, ''), cert) };
`,
  },
  {
    name: 'checkServerIdentity that throws on a mismatch',
    code: `import tls from 'tls';
export const opts = {
  checkServerIdentity(host: string, cert: tls.PeerCertificate) {
    if (!cert.subjectaltname?.includes(host)) throw new Error('bad host');
  },
};
`,
  },
  { name: 'a type declaration', code: `export interface TlsOptions {\n  rejectUnauthorized: false | true;\n  strictSSL?: boolean;\n}\n` },
  { name: 'rejectUnauthorized: 0 does not switch verification off in Node', code: `export const ssl = { rejectUnauthorized: 0 };\n` },
  { name: 'a comparison', code: `export const isInsecure = (o: { rejectUnauthorized?: boolean }) => o.rejectUnauthorized === false;\n` },
  { name: 'an unrelated property that ends the same', code: `export const flags = { requireAuthorizedUsers: false, strictSsl2: false };\n` },
  {
    name: 'MongoDB options that keep verification on',
    code: `import { MongoClient } from 'mongodb';

export const a = new MongoClient(process.env.MONGO_URL!, { tls: true, tlsAllowInvalidCertificates: false, tlsAllowInvalidHostnames: false });
export const b = new MongoClient(process.env.MONGO_URL!, { ssl: true, sslValidate: true, tlsCAFile: '/etc/ssl/mongo-ca.pem' });
export const c = new MongoClient(process.env.MONGO_URL!, { tlsInsecure: process.env.MONGO_INSECURE === 'yes' });
`,
  },
];

runRuleTests(tlsVerificationDisabled, { valid, invalid });
runFixtureTests(tlsVerificationDisabled);
runDocsExamples(tlsVerificationDisabled);
