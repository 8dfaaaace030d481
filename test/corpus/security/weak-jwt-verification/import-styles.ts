// @ts-nocheck
import * as jsonwebtoken from 'jsonwebtoken';
import { verify as verifyJwt, decode as decodeJwt, JwtPayload, VerifyOptions } from 'jsonwebtoken';
import jwtLib = require('jsonwebtoken');

const KEY = process.env.JWT_PUBLIC_KEY!;

export function namespaceVerify(token: string) {
  return jsonwebtoken.verify(token, KEY) as JwtPayload; // expect: weak-jwt-verification
}

export function namespaceVerifyPinned(token: string) {
  return jsonwebtoken.verify(token, KEY, { algorithms: ['ES256'] }) as JwtPayload; // ok: weak-jwt-verification
}

export function aliasVerify(token: string) {
  return verifyJwt(token, KEY, { audience: 'billing' }); // expect: weak-jwt-verification
}

export function aliasVerifyPinned(token: string) {
  return verifyJwt(token, KEY, { algorithms: ['RS256', 'RS512'], audience: 'billing' }); // ok: weak-jwt-verification
}

export function importEqualsVerify(token: string) {
  return jwtLib.verify(token, KEY, { ignoreExpiration: true, algorithms: ['RS256'] }); // expect: weak-jwt-verification
}

const VERIFY_OPTIONS: VerifyOptions = { algorithms: ['RS256'], issuer: 'https://auth.example.com/' };

export function sharedOptions(token: string) {
  return verifyJwt(token, KEY, VERIFY_OPTIONS); // ok: weak-jwt-verification
}

export function sharedOptionsInFunction(token: string) {
  const options = { issuer: 'https://auth.example.com/' };
  return verifyJwt(token, KEY, options); // expect: weak-jwt-verification
}

export function canDeleteProject(token: string, ownerId: string) {
  const payload = decodeJwt(token) as JwtPayload; // expect: weak-jwt-verification
  if (payload.sub !== ownerId) throw new Error('forbidden');
  return true;
}

export function displayName(token: string) {
  const payload = decodeJwt(token) as JwtPayload | null; // ok: weak-jwt-verification
  return payload?.name ?? 'guest';
}
