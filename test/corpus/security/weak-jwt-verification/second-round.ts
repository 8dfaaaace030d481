// @ts-nocheck
import jwt, { JwtPayload } from 'jsonwebtoken';
import type { Request, Response, NextFunction } from 'express';

const ISSUER = 'https://auth.example.com/';

export const authenticate = (req: Request, res: Response, next: NextFunction) => {
  const header = req.get('authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  try {
    const payload = jwt.verify(token, process.env.JWT_SECRET as string) as JwtPayload; // expect: weak-jwt-verification
    res.locals.userId = payload.sub;
    next();
  } catch {
    res.status(401).json({ error: 'invalid token' });
  }
};

export const authenticatePinned = (req: Request, res: Response, next: NextFunction) => {
  try {
    const payload = jwt.verify(req.cookies.at, process.env.JWT_SECRET as string, { algorithms: ['HS256'], issuer: ISSUER }) as JwtPayload; // ok: weak-jwt-verification
    res.locals.userId = payload.sub;
    next();
  } catch {
    res.status(401).json({ error: 'invalid token' });
  }
};

export function requireRole(role: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const token = req.headers.authorization?.split(' ')[1] ?? '';
    const payload = jwt.decode(token) as JwtPayload; // expect: weak-jwt-verification
    if (!payload?.roles?.includes(role)) return res.sendStatus(403);
    next();
  };
}

export function getUserId(req: Request): string | undefined {
  const token = req.headers.authorization?.split(' ')[1];
  if (!token) return undefined;
  const payload = jwt.decode(token) as JwtPayload | null; // expect: weak-jwt-verification
  return payload?.sub;
}

export function loadOwnOrders(req: Request, res: Response) {
  const { sub } = jwt.decode(req.headers.authorization!.slice(7)) as JwtPayload; // expect: weak-jwt-verification
  return db.orders.findMany({ where: { userId: sub } }).then((orders) => res.json(orders));
}

export function verifyRsa(token: string, publicKey: string) {
  return jwt.verify(token, publicKey, { algorithms: ['RS256', 'HS256'] }); // ok: weak-jwt-verification
}

export function verifyWithParamOptions(token: string, key: string, options: jwt.VerifyOptions) {
  return jwt.verify(token, key, options); // ok: weak-jwt-verification
}

export function tokenTtl(token: string) {
  const { exp, iat } = jwt.decode(token) as JwtPayload; // ok: weak-jwt-verification
  return (exp ?? 0) - (iat ?? 0);
}

export function debugHeader(token: string) {
  return jwt.decode(token, { complete: true })?.header; // ok: weak-jwt-verification
}
