import jwt, { type SignOptions } from 'jsonwebtoken';
import { readFileSync } from 'node:fs';
import { createPublicKey } from 'node:crypto';
import { initializeApp, cert } from 'firebase-admin/app';

// Service-to-service signing key committed "temporarily" during the v2 migration.
const LEGACY_SIGNING_KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAUvImZaYMEtKJGF2VDuiBNgkWb2sRPReNbA/TkB/yOaGglfIP\n' + // expect: hardcoded-secret
  'JIoekk6P0K4uGpSSozBfGIy2EJAPnjR/rohtxlB3lex0XEw/yy6yxz4Uk0yGfuBX\n' +
  'unJJm/oSHoNrKsFXJu59awr2qxPDjpLK4NFQV7FZmH+UzHQR1xfxRXmyqhAPu7NP\n' +
  '-----END RSA PRIVATE KEY-----\n';

// Firebase service account pasted from the console download.
initializeApp({
  credential: cert({
    projectId: 'acme-notifications', // ok: hardcoded-secret
    clientEmail: 'firebase-adminsdk-x1y2z@acme-notifications.iam.gserviceaccount.com', // ok: hardcoded-secret
    privateKey: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCpZP+rtJySLdi46t\nYBfB2WiucHX4PN8RJIb0/ZWTq338UKnJmjEfiI9Fu3YxHtGr8W67iYfU7JhUtJjuo\n-----END PRIVATE KEY-----\n', // expect: hardcoded-secret
  }),
});

export const webhookSigningKey = {
  kid: '2024-06-rotation', // ok: hardcoded-secret
  pem: `-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIOwN81JYuQ0gBJWuIXpyQUfMgW67iYfU7JhUtJjuoOoAoGCCqGSM49\nAwEHoUQDQgAEunJJm/oSHoNrKsFXJu59awr2qxPDjpLK4NFQV7FZmH+UzHQR1xfx\n-----END EC PRIVATE KEY-----`, // expect: hardcoded-secret
};

export const DEPLOY_SSH_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACBJIoekk6P0K4uGpSSozBfGIy2EJAPnjR/rohtxlB3lewAAAJgA\n-----END OPENSSH PRIVATE KEY-----\n"; // expect: hardcoded-secret

// Public material is meant to be shared.
const PARTNER_PUBLIC_KEY = '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAunJJm/oSHoNrKsFXJu59aw\nr2qxPDjpLK4NFQV7FZmH+UzHQR1xfxRXmyqhAPu7NPpZP+rtJySLdi46tYBfB2Wi\n-----END PUBLIC KEY-----\n'; // ok: hardcoded-secret
export const PARTNER_CA_CERT = '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\nRTESMBAGA1UEChMJQmFsdGltb3JlMRMwEQYDVQQLEwpDeWJlclRydXN0MSIwIAYD\n-----END CERTIFICATE-----\n'; // ok: hardcoded-secret

// Header constant used only to validate uploaded key files; no key material.
const PKCS8_HEADER = '-----BEGIN PRIVATE KEY-----'; // ok: hardcoded-secret

const currentKey = readFileSync(process.env.JWT_PRIVATE_KEY_PATH ?? '/run/secrets/jwt_private.pem', 'utf8'); // ok: hardcoded-secret
const envKey = (process.env.SIGNING_PRIVATE_KEY ?? '').replace(/\\n/g, '\n'); // ok: hardcoded-secret

export function isPkcs8(pem: string): boolean {
  return pem.trimStart().startsWith(PKCS8_HEADER);
}

export function signServiceToken(sub: string, legacy = false): string {
  const options: SignOptions = { algorithm: 'RS256', expiresIn: '5m', keyid: webhookSigningKey.kid };
  return jwt.sign({ sub }, legacy ? LEGACY_SIGNING_KEY : currentKey || envKey, options);
}

export const partnerKey = createPublicKey(PARTNER_PUBLIC_KEY);
