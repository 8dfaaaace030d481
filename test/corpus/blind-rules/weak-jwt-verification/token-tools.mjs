import jwt from 'jsonwebtoken';
import { readFile } from 'node:fs/promises';
import { fetch } from 'undici';

// Small ops CLI: `node token-tools.mjs inspect <token>` / `mint <sub>` / `check <token>`
// Note for reviewers: never call jwt.verify(token, secret) without pinning algorithms.  // ok: weak-jwt-verification
const USAGE = 'usage: token-tools (inspect|mint|check) <arg>; check uses jwt.verify(token, key)'; // ok: weak-jwt-verification

export class BillingClient {
  constructor(baseUrl, clientId, clientSecret) {
    this.baseUrl = baseUrl;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.token = null;
  }

  async ensureToken() {
    const claims = this.token ? jwt.decode(this.token) : null; // ok: weak-jwt-verification
    if (!claims || claims.exp * 1000 - Date.now() < 60_000) {
      const res = await fetch(`${this.baseUrl}/oauth/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: this.clientId, client_secret: this.clientSecret }),
      });
      this.token = (await res.json()).access_token;
    }
    return this.token;
  }
}

async function main() {
  const [, , cmd, arg] = process.argv;
  if (cmd === 'inspect') {
    console.log(JSON.stringify(jwt.decode(arg, { complete: true }), null, 2)); // ok: weak-jwt-verification
  } else if (cmd === 'mint') {
    const key = await readFile(process.env.SIGNING_KEY_PATH, 'utf8');
    console.log(jwt.sign({ sub: arg }, key, { algorithm: 'RS256', expiresIn: '10m' })); // ok: weak-jwt-verification
  } else if (cmd === 'check') {
    const pub = await readFile(process.env.PUBLIC_KEY_PATH, 'utf8');
    const payload = jwt.verify(arg, pub, { algorithms: ['RS256'] }); // ok: weak-jwt-verification
    console.log('valid for', payload.sub);
  } else {
    console.error(USAGE);
    process.exitCode = 1;
  }
}

main();
