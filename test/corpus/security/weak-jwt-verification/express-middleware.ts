// @ts-nocheck
import jwt from 'jsonwebtoken';
import type { Request, Response, NextFunction } from 'express';

const SECRET = process.env.JWT_SECRET!;

export function requireAuth(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.replace('Bearer ', '');
  if (!token) return res.sendStatus(401);
  try {
    req.user = jwt.verify(token, SECRET); // expect: weak-jwt-verification
    next();
  } catch {
    res.sendStatus(401);
  }
}

export function requireAuthPinned(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.replace('Bearer ', '');
  try {
    req.user = jwt.verify(token!, SECRET, { algorithms: ['HS256'] }); // ok: weak-jwt-verification
    next();
  } catch {
    res.sendStatus(401);
  }
}

export function requireAuthIssuer(req: Request, res: Response, next: NextFunction) {
  const token = String(req.headers['x-access-token']);
  try {
    req.user = jwt.verify(token, SECRET, { issuer: 'auth.example.com', audience: 'api' }); // expect: weak-jwt-verification
    next();
  } catch {
    res.sendStatus(401);
  }
}

export function requireAuthCallback(req: Request, res: Response, next: NextFunction) {
  const token = req.cookies.session;
  jwt.verify(token, SECRET, (err, payload) => { // expect: weak-jwt-verification
    if (err) return res.sendStatus(401);
    req.user = payload;
    next();
  });
}

export function requireAuthCallbackPinned(req: Request, res: Response, next: NextFunction) {
  const token = req.cookies.session;
  jwt.verify(token, SECRET, { algorithms: ['HS512'] }, (err, payload) => { // ok: weak-jwt-verification
    if (err) return res.sendStatus(401);
    req.user = payload;
    next();
  });
}

export function requireAuthLenient(req: Request, res: Response, next: NextFunction) {
  const token = req.cookies.session;
  try {
    req.user = jwt.verify(token, SECRET, { algorithms: ['HS256'], ignoreExpiration: true }); // expect: weak-jwt-verification
    next();
  } catch {
    res.sendStatus(401);
  }
}

export function requireAuthStrictExpiry(req: Request, res: Response, next: NextFunction) {
  try {
    req.user = jwt.verify(req.cookies.session, SECRET, { algorithms: ['HS256'], ignoreExpiration: false }); // ok: weak-jwt-verification
    next();
  } catch {
    res.sendStatus(401);
  }
}

export function requireAuthNone(req: Request, res: Response, next: NextFunction) {
  try {
    req.user = jwt.verify(req.cookies.session, SECRET, { algorithms: ['HS256', 'none'] }); // expect: weak-jwt-verification
    next();
  } catch {
    res.sendStatus(401);
  }
}

export function issue(userId: string) {
  return jwt.sign({ sub: userId }, SECRET, { algorithm: 'HS256', expiresIn: '15m' }); // ok: weak-jwt-verification
}
