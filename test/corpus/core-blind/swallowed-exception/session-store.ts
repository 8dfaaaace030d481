import Redis from 'ioredis';
import { EventEmitter } from 'node:events';
import log from 'loglevel';
import type { Request, Response, NextFunction } from 'express';

export interface Session {
  id: string;
  userId: string;
  expiresAt: number;
}

export class SessionStore extends EventEmitter {
  private readonly redis: Redis;
  private lastError: unknown = null;

  constructor(url: string) {
    super();
    this.redis = new Redis(url, { lazyConnect: true });
  }

  async get(id: string): Promise<Session | null> {
    try {
      const raw = await this.redis.get(`sess:${id}`);
      return raw ? (JSON.parse(raw) as Session) : null;
    } catch (err) { // ok: swallowed-exception
      this.emit('error', err);
      return null;
    }
  }

  async save(session: Session): Promise<void> {
    const ttl = Math.max(1, Math.floor((session.expiresAt - Date.now()) / 1000));
    try {
      await this.redis.set(`sess:${session.id}`, JSON.stringify(session), 'EX', ttl);
    } catch (err) { // ok: swallowed-exception
      this.lastError = err;
    }
  }

  async destroy(id: string): Promise<void> {
    try {
      await this.redis.del(`sess:${id}`);
    } catch (e) { // ok: swallowed-exception
      return Promise.reject(e);
    }
  }

  async touch(id: string): Promise<void> {
    try {
      await this.redis.expire(`sess:${id}`, 3600);
    } catch (e) { // ok: swallowed-exception
      log.debug('touch failed', id);
    }
  }

  async countActive(): Promise<number | undefined> {
    try {
      return (await this.redis.keys('sess:*')).length;
    } catch (e) { // expect: swallowed-exception
      return undefined;
    }
  }

  close(): Promise<void> {
    return this.redis.quit().then(
      () => undefined,
      () => undefined, // expect: swallowed-exception
    );
  }

  middleware() {
    return (req: Request, res: Response, next: NextFunction) => {
      const id = req.cookies?.sid as string | undefined;
      if (!id) return next();
      this.get(id)
        .then((session) => {
          (req as any).session = session;
          next();
        })
        .catch(next); // ok: swallowed-exception
    };
  }

  requireSession() {
    return async (req: Request, res: Response, next: NextFunction) => {
      try {
        const session = await this.get(String(req.cookies?.sid));
        if (!session) return res.status(401).end();
        (req as any).session = session;
        next();
      } catch (err) { // expect: swallowed-exception
        res.status(401).end();
      }
    };
  }
}
