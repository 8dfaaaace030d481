import Fastify, { FastifyInstance } from 'fastify';
import { Pool } from 'pg';
import { z } from 'zod';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

const RefundBody = z.object({ amount: z.number().int().positive(), reason: z.string().max(500) });

export async function refundRoutes(app: FastifyInstance) {
  app.post<{ Params: { id: string } }>('/refunds/:id/approve', async (req, reply) => {
    await pool.query("UPDATE refunds SET status = 'approved', approved_at = now() WHERE id = $1", [req.params.id]); // expect: unguarded-status-transition
    return reply.code(204).send();
  });

  app.post<{ Params: { id: string } }>('/refunds/:id/approve-safe', async (req, reply) => {
    const { rowCount } = await pool.query("UPDATE refunds SET status = 'approved', approved_at = now() WHERE id = $1 AND status = 'requested'", [req.params.id]); // ok: unguarded-status-transition
    if (rowCount === 0) return reply.code(409).send({ error: 'refund is not awaiting approval' });
    return reply.code(204).send();
  });

  app.post<{ Params: { id: string } }>('/refunds/:id/fail', async (req, reply) => {
    const client = await pool.connect();
    try {
      await client.query(`UPDATE refunds SET status = 'failed' WHERE id = $1 AND status IN ('requested', 'processing')`, [req.params.id]); // ok: unguarded-status-transition
    } finally {
      client.release();
    }
    return reply.code(204).send();
  });

  app.post<{ Params: { id: string } }>('/refunds/:id/reject', async (req, reply) => {
    const client = await pool.connect();
    try {
      await client.query(`UPDATE refunds SET status = 'rejected', rejected_at = now() WHERE id = $1`, [req.params.id]); // expect: unguarded-status-transition
    } finally {
      client.release();
    }
    return reply.code(204).send();
  });

  app.post<{ Params: { id: string }; Body: { status: string } }>('/refunds/:id/status', async (req, reply) => {
    await pool.query('UPDATE refunds SET status = $2 WHERE id = $1', [req.params.id, req.body.status]); // ok: unguarded-status-transition
    return reply.code(204).send();
  });

  app.post<{ Params: { id: string } }>('/refunds/:id', async (req, reply) => {
    const body = RefundBody.parse(req.body);
    const { rows } = await pool.query("INSERT INTO refunds (payment_id, amount, reason, status) VALUES ($1, $2, $3, 'requested') RETURNING id", [req.params.id, body.amount, body.reason]); // ok: unguarded-status-transition
    return reply.code(201).send({ id: rows[0].id, status: 'requested' }); // ok: unguarded-status-transition
  });
}

export function buildServer() {
  const app = Fastify({ logger: true });
  app.register(refundRoutes);
  return app;
}
