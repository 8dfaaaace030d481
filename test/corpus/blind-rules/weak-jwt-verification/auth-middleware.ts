import jwt from 'jsonwebtoken';
import type { Request, Response, NextFunction } from 'express';
import { config } from '../config';
import { logger } from '../logger';

const ACCESS_SECRET = config.auth.accessSecret;
const REFRESH_SECRET = config.auth.refreshSecret;

export function requireAuth(req: Request, res: Response, next: NextFunction) {
  const header = req.headers.authorization ?? '';
  const token = header.replace(/^Bearer\s+/i, '');
  if (!token) {
    return res.status(401).json({ error: 'missing token' });
  }
  try {
    const payload = jwt.verify(token, ACCESS_SECRET) as jwt.JwtPayload; // expect: weak-jwt-verification
    (req as any).user = { id: payload.sub, role: payload.role };
    return next();
  } catch (err) {
    logger.warn({ err }, 'invalid access token');
    return res.status(401).json({ error: 'invalid token' });
  }
}

export function requireAuthStrict(req: Request, res: Response, next: NextFunction) {
  const token = (req.headers.authorization ?? '').slice(7);
  try {
    const payload = jwt.verify(token, ACCESS_SECRET, { algorithms: ['HS256'], issuer: 'api.acme.io' }) as jwt.JwtPayload; // ok: weak-jwt-verification
    (req as any).user = { id: payload.sub, role: payload.role };
    return next();
  } catch {
    return res.status(401).json({ error: 'invalid token' });
  }
}

export function requireApiClient(req: Request, res: Response, next: NextFunction) {
  const token = String(req.headers['x-client-token'] ?? '');
  try {
    const { payload } = jwt.verify(token, config.auth.clientSecret, { complete: true }) as jwt.Jwt; // expect: weak-jwt-verification
    (req as any).client = (payload as jwt.JwtPayload).client_id;
    return next();
  } catch {
    return res.status(401).json({ error: 'invalid client token' });
  }
}

export function requireAdmin(req: Request, res: Response, next: NextFunction) {
  const token = req.cookies?.session;
  const claims = jwt.decode(token) as { role?: string } | null; // expect: weak-jwt-verification
  if (!claims || claims.role !== 'admin') {
    return res.status(403).json({ error: 'forbidden' });
  }
  return next();
}

export async function refresh(req: Request, res: Response) {
  const { accessToken, refreshToken } = req.body;
  // Accept an expired access token so we can carry the role over to the new one.
  const expired = jwt.verify(accessToken, ACCESS_SECRET, { algorithms: ['HS256'], ignoreExpiration: true }) as jwt.JwtPayload; // expect: weak-jwt-verification
  const rt = jwt.verify(refreshToken, REFRESH_SECRET, { algorithms: ['HS256'], ignoreExpiration: false }) as jwt.JwtPayload; // ok: weak-jwt-verification
  if (rt.sub !== expired.sub) {
    return res.status(401).end();
  }
  const fresh = jwt.sign({ sub: rt.sub, role: expired.role }, ACCESS_SECRET, { algorithm: 'HS256', expiresIn: '15m' }); // ok: weak-jwt-verification
  return res.json({ accessToken: fresh });
}

export function requestLogger(req: Request, _res: Response, next: NextFunction) {
  const token = (req.headers.authorization ?? '').slice(7);
  const peek = token ? (jwt.decode(token) as jwt.JwtPayload | null) : null; // ok: weak-jwt-verification
  logger.info({ path: req.path, tokenIssuer: peek?.iss }, 'request');
  next();
}
