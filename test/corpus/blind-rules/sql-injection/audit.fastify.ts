import Fastify, { FastifyRequest } from 'fastify';
import { Client as PgClient, Pool as PgPool } from 'pg';

const app = Fastify({ logger: true });
const client = new PgClient({ connectionString: process.env.AUDIT_DB_URL });
const pool = new PgPool({ connectionString: process.env.DATABASE_URL });

const AUDIT_SCHEMA = 'audit';
const RETENTION_DAYS = 90;

type AuditQuery = { actor?: string; action?: string; from?: string };

app.addHook('onReady', async () => {
  await client.connect();
});

app.get('/audit', async (req: FastifyRequest<{ Querystring: AuditQuery }>) => {
  const { actor, action } = req.query;
  const res = await client.query(`SELECT * FROM audit.events WHERE actor = '${actor}' AND action = '${action}'`); // expect: sql-injection
  return res.rows;
});

app.get('/audit/by-actor', async (req: FastifyRequest<{ Querystring: AuditQuery }>) => {
  const res = await client.query('SELECT * FROM audit.events WHERE actor = $1', [req.query.actor]); // ok: sql-injection
  return res.rows;
});

app.get('/audit/since', async (req: FastifyRequest<{ Querystring: AuditQuery }>) => {
  let where = 'WHERE 1=1';
  if (req.query.from) {
    where += ` AND created_at >= '${req.query.from}'`;
  }
  const res = await client.query(`SELECT * FROM ${AUDIT_SCHEMA}.events ${where} ORDER BY created_at DESC`); // expect: sql-injection
  return res.rows;
});

app.delete('/audit/expired', async () => {
  await pool.query(`DELETE FROM ${AUDIT_SCHEMA}.events WHERE created_at < now() - interval '${RETENTION_DAYS} days'`); // ok: sql-injection
  return { ok: true };
});

app.post('/audit/tag', async (req: FastifyRequest<{ Body: { id: number; tag: string } }>) => {
  const { id, tag } = req.body;
  await pool.query('UPDATE audit.events SET tags = array_append(tags, \'' + tag + '\') WHERE id = ' + id); // expect: sql-injection
  await pool.query('UPDATE audit.events SET tagged_at = now() WHERE id = $1', [id]); // ok: sql-injection
  return { ok: true };
});

app.get('/audit/:id', async (req: FastifyRequest<{ Params: { id: string } }>) => {
  const id = parseInt(req.params.id, 10);
  const res = await pool.query(`SELECT * FROM audit.events WHERE id = ${id}`); // expect: sql-injection
  return res.rows[0];
});

app.listen({ port: 3001 });
