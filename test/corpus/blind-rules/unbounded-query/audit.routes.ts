import type { FastifyInstance, FastifyRequest } from 'fastify';
import { drizzle } from 'drizzle-orm/node-postgres';
import { and, count, desc, eq, gt } from 'drizzle-orm';
import { Pool } from 'pg';
import * as schema from './db/schema';
import { apiKeys, auditEvents, users } from './db/schema';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const db = drizzle(pool, { schema });

type IdParams = FastifyRequest<{ Params: { id: string } }>;
type SinceQuery = FastifyRequest<{ Querystring: { actor: string; since: string } }>;
type PageQuery = FastifyRequest<{ Querystring: { page?: string } }>;

export async function auditRoutes(app: FastifyInstance) {
  app.get('/audit', async () => {
    return db.select().from(auditEvents).orderBy(desc(auditEvents.createdAt)); // expect: unbounded-query
  });

  app.get('/users', async () => db.select({ id: users.id, email: users.email }).from(users)); // expect: unbounded-query

  app.get('/keys', async () => {
    const rows = await db // expect: unbounded-query
      .select()
      .from(apiKeys);
    return rows.map((k) => ({ id: k.id, prefix: k.prefix, lastUsedAt: k.lastUsedAt }));
  });

  app.get('/users/with-keys', async () => db.query.users.findMany({ with: { apiKeys: true } })); // expect: unbounded-query

  app.get('/users/all', async () => db.query.users.findMany()); // expect: unbounded-query

  app.get('/audit/recent', async () =>
    db.select().from(auditEvents).orderBy(desc(auditEvents.createdAt)).limit(100), // ok: unbounded-query
  );

  app.get('/users/:id', async (req: IdParams) => {
    const [user] = await db.select().from(users).where(eq(users.id, req.params.id)); // ok: unbounded-query
    return user ?? null;
  });

  app.get('/audit/since', async (req: SinceQuery) => {
    return db // ok: unbounded-query
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, req.query.actor), gt(auditEvents.createdAt, new Date(req.query.since))))
      .orderBy(desc(auditEvents.createdAt));
  });

  app.get('/audit/page', async (req: PageQuery) => {
    const page = Number(req.query.page ?? 0);
    const pageSize = 50;
    return db.select().from(auditEvents).limit(pageSize).offset(page * pageSize); // ok: unbounded-query
  });

  app.get('/orgs/:id/users', async (req: IdParams) =>
    db.query.users.findMany({ where: eq(users.orgId, req.params.id) }), // ok: unbounded-query
  );

  app.get('/users/newest', async () => db.query.users.findMany({ limit: 20, orderBy: [desc(users.createdAt)] })); // ok: unbounded-query

  app.get('/users/first', async () => db.query.users.findFirst()); // ok: unbounded-query

  app.get('/users/count', async () => {
    const [{ total }] = await db.select({ total: count() }).from(users); // ok: unbounded-query
    return { total };
  });
}
