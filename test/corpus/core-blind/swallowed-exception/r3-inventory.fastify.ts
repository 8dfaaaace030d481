import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { Pool } from 'pg';

const redis = new Redis(process.env.REDIS_URL!);
const pool = new Pool();

export async function inventoryRoutes(app: FastifyInstance) {
  app.get(
    '/inventory/:sku',
    async (req: FastifyRequest<{ Params: { sku: string } }>, reply: FastifyReply) => {
      const cached = await redis.get(`inv:${req.params.sku}`).catch(() => null); // expect: swallowed-exception
      if (cached) return JSON.parse(cached);
      try {
        const { rows } = await pool.query('select * from inventory where sku = $1', [req.params.sku]);
        return rows[0] ?? reply.code(404).send();
      } catch (err) { // ok: swallowed-exception
        req.log.error({ err }, 'inventory lookup failed');
        return reply.code(500).send({ error: 'lookup failed' });
      }
    },
  );

  app.post('/inventory/:sku/reserve', async (req) => {
    const { sku } = req.params as { sku: string };
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query('update inventory set reserved = reserved + 1 where sku = $1', [sku]);
      await client.query('commit');
      return { reserved: true };
    } catch (e) { // ok: swallowed-exception
      await client.query('rollback').catch(() => {}); // expect: swallowed-exception
      throw e;
    } finally {
      client.release();
    }
  });

  app.delete('/inventory/:sku/cache', async (req, reply) => {
    const { sku } = req.params as { sku: string };
    try {
      await redis.del(`inv:${sku}`);
    } catch { // ok: swallowed-exception
      app.log.warn('cache eviction failed');
    }
    return reply.code(204).send();
  });

  app.get('/inventory', async () => {
    const rows = await (pool.query('select sku, qty from inventory') as Promise<{ rows: unknown[] }>)
      .then((r) => r.rows)
      .catch(() => []); // expect: swallowed-exception
    return rows;
  });

  app.addHook('onClose', async () => {
    await redis.quit().catch(() => { /* already closed */ }); // expect: swallowed-exception
    await pool.end().catch((err: Error) => app.log.error(err)); // ok: swallowed-exception
  });
}

export async function start() {
  const app = Fastify({ logger: true });
  await app.register(inventoryRoutes);
  try {
    await app.listen({ port: Number(process.env.PORT ?? 3000), host: '0.0.0.0' });
  } catch (err) { // ok: swallowed-exception
    app.log.error(err);
    process.exit(1);
  }
}
