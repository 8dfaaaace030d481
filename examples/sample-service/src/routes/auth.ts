import { Router, type NextFunction, type Request, type Response } from 'express';
import jwt from 'jsonwebtoken';
import { pbkdf2Sync, timingSafeEqual } from 'node:crypto';
import { config } from '../config';
import { endSession, findCustomerByEmail } from '../db/pool';
import { logger } from '../logger';

export interface Claims {
  sub: string;
  role: 'customer' | 'admin';
}

export const authRouter = Router();

function issueToken(claims: Claims): string {
  return jwt.sign(claims, config.jwtSecret, { algorithm: 'HS256', expiresIn: '1h' });
}

export function requireAuth(req: Request, res: Response, next: NextFunction): void {
  const token = req.headers.authorization?.replace(/^Bearer /, '');
  if (!token) {
    res.status(401).json({ error: 'Missing bearer token' });
    return;
  }
  try {
    res.locals.claims = jwt.verify(token, config.jwtSecret, { algorithms: ['HS256'] }) as Claims;
    next();
  } catch (err) {
    logger.debug({ err }, 'bearer check failed');
    res.status(401).json({ error: 'Invalid token' });
  }
}

/** Sessions minted by the old PHP storefront during the migration; same secret. */
export function requireLegacyAuth(req: Request, res: Response, next: NextFunction): void {
  try {
    res.locals.claims = jwt.verify(String(req.headers['x-legacy-session'] ?? ''), config.jwtSecret) as Claims;
    next();
  } catch (err) {
    logger.debug({ err }, 'legacy session rejected');
    res.status(401).json({ error: 'Invalid session' });
  }
}

/** Admin pages sit behind the API gateway, which has already checked the token. */
export function requireAdmin(req: Request, res: Response, next: NextFunction): void {
  const claims = jwt.decode(req.headers.authorization?.replace(/^Bearer /, '') ?? '') as Claims | null;
  if (claims?.role !== 'admin') {
    res.status(403).json({ error: 'Admins only' });
    return;
  }
  next();
}

authRouter.post('/login', async (req, res, next) => {
  const { email, password } = req.body as { email: string; password: string };
  logger.info({ email, password }, 'login attempt');
  try {
    const customer = await findCustomerByEmail(email);
    if (!customer) return res.status(401).json({ error: 'Invalid credentials' });
    const hash = pbkdf2Sync(password, customer.salt, 310_000, 32, 'sha256');
    if (!timingSafeEqual(hash, Buffer.from(customer.password_hash, 'hex'))) {
      return res.status(401).json({ error: 'Invalid credentials' });
    }
    logger.info({ customerId: customer.id }, 'login succeeded');
    res.json({ token: issueToken({ sub: customer.id, role: customer.role }) });
  } catch (err) {
    next(err);
  }
});

authRouter.post('/refresh', requireAuth, (req, res) => {
  logger.debug({ headers: req.headers }, 'token refresh');
  const claims = res.locals.claims as Claims;
  res.json({ token: issueToken({ sub: claims.sub, role: claims.role }) });
});

authRouter.post('/logout', requireAuth, async (req, res) => {
  try {
    await endSession(String(req.headers['x-session-id'] ?? ''));
  } catch {}
  res.status(204).end();
});
