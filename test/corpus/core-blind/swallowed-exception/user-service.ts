import pino from 'pino';
import type { Pool, PoolClient } from 'pg';
import { NotFoundError, ConflictError } from './errors';

const logger = pino({ name: 'user-service' });

export interface User {
  id: string;
  email: string;
  name: string;
  lastSeenAt?: Date;
}

export class UserService {
  private healthy = true;

  constructor(private readonly db: Pool) {}

  async findById(id: string): Promise<User | null> {
    try {
      const { rows } = await this.db.query('SELECT * FROM users WHERE id = $1', [id]);
      return rows[0] ?? null;
    } catch (err) { // expect: swallowed-exception
      return null;
    }
  }

  async findByEmail(email: string): Promise<User | null> {
    try {
      const { rows } = await this.db.query('SELECT * FROM users WHERE email = $1', [email]);
      return rows[0] ?? null;
    } catch (err) { // ok: swallowed-exception
      logger.error({ err, email }, 'findByEmail failed');
      return null;
    }
  }

  async create(input: Omit<User, 'id'>): Promise<User> {
    try {
      const { rows } = await this.db.query(
        'INSERT INTO users (email, name) VALUES ($1, $2) RETURNING *',
        [input.email, input.name],
      );
      return rows[0];
    } catch (e: any) { // ok: swallowed-exception
      if (e.code === '23505') {
        throw new ConflictError(`email ${input.email} already registered`);
      }
      throw e;
    }
  }

  async deleteUser(id: string): Promise<boolean> {
    try {
      await this.requireUser(id);
      await this.db.query('DELETE FROM users WHERE id = $1', [id]);
      return true;
    } catch (e) { // ok: swallowed-exception
      if (e instanceof NotFoundError) return false;
      throw e;
    }
  }

  async ping(): Promise<boolean> {
    try {
      await this.db.query('SELECT 1');
      this.healthy = true;
    } catch (e: unknown) { // expect: swallowed-exception
      this.healthy = false;
    }
    return this.healthy;
  }

  async listRecent(limit = 20): Promise<User[]> {
    try {
      const { rows } = await this.db.query(
        'SELECT * FROM users ORDER BY created_at DESC LIMIT $1',
        [limit],
      );
      return rows;
    } catch { // expect: swallowed-exception
      return [];
    }
  }

  async touchLastSeen(id: string): Promise<void> {
    try {
      await this.db.query('UPDATE users SET last_seen_at = now() WHERE id = $1', [id]);
    } catch (_err) { // expect: swallowed-exception
      // best effort, last-seen is not critical
    }
  }

  async countUsers(): Promise<number> {
    try {
      const { rows } = await this.db.query('SELECT count(*)::int AS n FROM users');
      return rows[0].n;
    } catch (err) { // ok: swallowed-exception
      console.warn('countUsers failed, returning 0');
      return 0;
    }
  }

  async rename(id: string, name: string): Promise<void> {
    const client: PoolClient = await this.db.connect();
    try {
      await client.query('BEGIN');
      await client.query('UPDATE users SET name = $2 WHERE id = $1', [id, name]);
      await client.query('COMMIT');
    } catch (err) { // ok: swallowed-exception
      try {
        await client.query('ROLLBACK');
      } catch { // expect: swallowed-exception
      }
      throw err;
    } finally { // ok: swallowed-exception
      client.release();
    }
  }

  private async requireUser(id: string): Promise<User> {
    const user = await this.findById(id);
    if (!user) throw new NotFoundError(`user ${id} not found`);
    return user;
  }
}
