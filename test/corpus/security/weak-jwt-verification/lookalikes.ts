// @ts-nocheck
import crypto, { verify as cryptoVerify } from 'node:crypto';
import { jwtVerify, createRemoteJWKSet } from 'jose';
import bcrypt from 'bcrypt';
import { Buffer } from 'node:buffer';

const JWKS = createRemoteJWKSet(new URL('https://auth.example.com/.well-known/jwks.json'));

export async function verifyWithJose(token: string) {
  const { payload } = await jwtVerify(token, JWKS, { issuer: 'https://auth.example.com/' }); // ok: weak-jwt-verification
  return payload;
}

export function verifyWebhook(body: Buffer, signature: string, publicKey: string) {
  return crypto.verify('sha256', body, publicKey, Buffer.from(signature, 'base64')); // ok: weak-jwt-verification
}

export function verifyDetached(body: Buffer, signature: Buffer, key: string) {
  return cryptoVerify(null, body, key, signature); // ok: weak-jwt-verification
}

export async function checkPassword(plain: string, hash: string) {
  return bcrypt.compare(plain, hash); // ok: weak-jwt-verification
}

export function decodeCursor(cursor: string) {
  return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')); // ok: weak-jwt-verification
}

export function decodePath(p: string) {
  return decodeURIComponent(p); // ok: weak-jwt-verification
}

const jwt = {
  verify(token: string) {
    return token.length > 0;
  },
};

export function localVerify(token: string) {
  return jwt.verify(token); // ok: weak-jwt-verification
}
