import argon2 from 'argon2';
import { verify as cryptoVerify, createPublicKey } from 'node:crypto';
import { decode as base64Decode } from 'base64-arraybuffer';
import { authenticator } from 'otplib';
import jsonwebtoken from 'jsonwebtoken';
import { TokenHelper } from './token-helper';
import type { Request, Response } from 'express';

const LICENSE_PUBLIC_KEY = createPublicKey(process.env.LICENSE_PEM ?? '');

// Project wrapper: pins algorithms and issuer internally.
const jwt = new TokenHelper({ issuer: 'auth.acme.io' });

export async function login(user: { passwordHash: string }, password: string) {
  return argon2.verify(user.passwordHash, password); // ok: weak-jwt-verification
}

export function checkTotp(code: string, secret: string) {
  return authenticator.verify({ token: code, secret }); // ok: weak-jwt-verification
}

export function checkLicense(data: string, signature: string) {
  return cryptoVerify('sha256', Buffer.from(data), LICENSE_PUBLIC_KEY, Buffer.from(signature, 'base64')); // ok: weak-jwt-verification
}

export function parseAttachment(b64: string) {
  return new Uint8Array(base64Decode(b64)); // ok: weak-jwt-verification
}

export async function me(req: Request, res: Response) {
  const claims = await jwt.verify(req.headers.authorization ?? ''); // ok: weak-jwt-verification
  res.json({ sub: claims.sub });
}

export function tokenPreview(req: Request, res: Response) {
  const preview = jwt.decode(String(req.query.t ?? '')); // ok: weak-jwt-verification
  res.json({ issuedAt: preview?.iat ?? null });
}

export function verifyUpstreamToken(token: string, key: string) {
  return jsonwebtoken.verify(token, key, { issuer: 'upstream.example.com' }); // expect: weak-jwt-verification
}

export function verifyUpstreamTokenPinned(token: string, key: string) {
  return jsonwebtoken.verify(token, key, { algorithms: ['ES256'], issuer: 'upstream.example.com' }); // ok: weak-jwt-verification
}
