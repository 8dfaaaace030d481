// @ts-nocheck
import jwt from 'jsonwebtoken';
import jwksClient from 'jwks-rsa';
import type { Request, Response, NextFunction } from 'express';

const jwks = jwksClient({ jwksUri: 'https://auth.example.com/.well-known/jwks.json' });

export function adminOnly(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.slice(7) ?? '';
  const decoded = jwt.decode(token) as { role?: string } | null; // expect: weak-jwt-verification
  if (decoded?.role !== 'admin') return res.status(403).json({ error: 'forbidden' });
  next();
}

export function attachUser(req: Request, _res: Response, next: NextFunction) {
  const token = req.headers.authorization?.slice(7);
  if (token) req.user = jwt.decode(token); // expect: weak-jwt-verification
  next();
}

export function requireToken(req: Request, res: Response, next: NextFunction) {
  if (!jwt.decode(String(req.headers['x-token']))) return res.sendStatus(401); // expect: weak-jwt-verification
  next();
}

export function tenantGuard(req: Request, res: Response, next: NextFunction) {
  const { tenantId } = jwt.decode(req.cookies.id_token) as { tenantId: string }; // expect: weak-jwt-verification
  if (tenantId !== req.params.tenantId) return res.sendStatus(403);
  next();
}

export async function verifyWithJwks(token: string) {
  const header = jwt.decode(token, { complete: true })?.header; // ok: weak-jwt-verification
  const key = await jwks.getSigningKey(header?.kid);
  return jwt.verify(token, key.getPublicKey(), { algorithms: ['RS256'] }); // ok: weak-jwt-verification
}

export function logTokenInfo(logger: { info(o: object): void }, token: string) {
  const claims = jwt.decode(token) as { sub?: string; exp?: number } | null; // ok: weak-jwt-verification
  logger.info({ sub: claims?.sub, exp: claims?.exp });
}

export function refreshSoon(token: string) {
  const payload = jwt.decode(token) as { exp: number }; // ok: weak-jwt-verification
  return payload.exp * 1000 - Date.now() < 60_000;
}

export function verifyFirst(token: string) {
  jwt.verify(token, process.env.JWT_SECRET!, { algorithms: ['HS256'] }); // ok: weak-jwt-verification
  const payload = jwt.decode(token) as { role: string }; // ok: weak-jwt-verification
  return payload.role === 'admin';
}
