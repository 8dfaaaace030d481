import jwt, { type JwtHeader, type SigningKeyCallback, type VerifyOptions } from 'jsonwebtoken';
import jwksClient from 'jwks-rsa';
import { jwtVerify, createRemoteJWKSet, decodeJwt } from 'jose';
import { logger } from './logger';

const client = jwksClient({ jwksUri: 'https://auth.example.com/.well-known/jwks.json' });

function getKey(header: JwtHeader, cb: SigningKeyCallback) {
  client.getSigningKey(header.kid, (err, key) => cb(err, key?.getPublicKey()));
}

export function verifyIdToken(token: string): Promise<jwt.JwtPayload> {
  return new Promise((resolve, reject) => {
    jwt.verify(token, getKey, { algorithms: ['RS256'], audience: 'web' }, (err, decoded) => { // ok: weak-jwt-verification
      if (err) return reject(err);
      resolve(decoded as jwt.JwtPayload);
    });
  });
}

export function verifyLegacyIdToken(token: string): Promise<jwt.JwtPayload> {
  return new Promise((resolve, reject) => {
    jwt.verify(token, getKey, { audience: 'legacy-web' }, (err, decoded) => { // expect: weak-jwt-verification
      if (err) return reject(err);
      resolve(decoded as jwt.JwtPayload);
    });
  });
}

export async function verifyWithKid(token: string) {
  const complete = jwt.decode(token, { complete: true }); // ok: weak-jwt-verification
  const key = await client.getSigningKey(complete?.header.kid);
  return jwt.verify(token, key.getPublicKey(), { algorithms: ['RS256', 'ES256'] }); // ok: weak-jwt-verification
}

export function verifyWebhookToken(token: string, publicKey: string) {
  return jwt.verify(token, publicKey) as jwt.JwtPayload; // expect: weak-jwt-verification
}

const BASE_VERIFY_OPTIONS: VerifyOptions = {
  algorithms: ['RS256'],
  issuer: 'https://auth.example.com/',
};

export function verifyAccess(token: string, publicKey: string) {
  return jwt.verify(token, publicKey, { ...BASE_VERIFY_OPTIONS, audience: 'api' }); // ok: weak-jwt-verification
}

export function verifyWithSharedOptions(token: string, publicKey: string) {
  return jwt.verify(token, publicKey, BASE_VERIFY_OPTIONS); // ok: weak-jwt-verification
}

export function verifyWith(token: string, publicKey: string, options: VerifyOptions) {
  return jwt.verify(token, publicKey, options); // ok: weak-jwt-verification
}

const JWKS = createRemoteJWKSet(new URL('https://auth.example.com/.well-known/jwks.json'));

export async function verifyWithJose(token: string) {
  const { payload } = await jwtVerify(token, JWKS, { issuer: 'https://auth.example.com/' }); // ok: weak-jwt-verification
  return payload;
}

export async function verifyWithJosePinned(token: string) {
  const { payload } = await jwtVerify(token, JWKS, { algorithms: ['RS256'], audience: 'api' }); // ok: weak-jwt-verification
  return payload;
}

export function traceToken(token: string) {
  const claims = decodeJwt(token); // ok: weak-jwt-verification
  logger.debug({ iss: claims.iss, exp: claims.exp }, 'token received');
}
