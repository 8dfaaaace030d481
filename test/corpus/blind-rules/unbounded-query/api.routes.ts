import express, { Router, type Request, type Response } from 'express';
import { createClient } from '@supabase/supabase-js';
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import type { Database } from './types';
import { MikroORM, QueryOrder } from '@mikro-orm/postgresql';
import { StockItem, Warehouse } from './entities';

const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!);
const kdb = new Kysely<Database>({
  dialect: new PostgresDialect({ pool: new Pool({ connectionString: process.env.DATABASE_URL }) }),
});

export const feedRouter = express.Router();

feedRouter.get('/posts', async (_req: Request, res: Response) => {
  const { data, error } = await supabase.from('posts').select('*'); // expect: unbounded-query
  if (error) return res.status(500).json({ error: error.message });
  res.json(data);
});

feedRouter.get('/comments', async (_req: Request, res: Response) => {
  const { data, error } = await supabase // expect: unbounded-query
    .from('comments')
    .select('id, body, author:profiles(name)')
    .order('created_at', { ascending: false });
  if (error) return res.status(500).json({ error: error.message });
  res.json(data);
});

feedRouter.get('/people', async (_req: Request, res: Response) => {
  const people = await kdb.selectFrom('person').select(['id', 'first_name', 'last_name']).execute(); // expect: unbounded-query
  res.json(people);
});

feedRouter.get('/people/page', async (req: Request, res: Response) => {
  const offset = Number(req.query.offset ?? 0);
  const people = await kdb.selectFrom('person').select(['id', 'first_name']).orderBy('id').limit(50).offset(offset).execute(); // ok: unbounded-query
  res.json(people);
});

feedRouter.get('/people/:id', async (req: Request, res: Response) => {
  const person = await kdb.selectFrom('person').select(['id', 'first_name']).where('id', '=', Number(req.params.id)).executeTakeFirst(); // ok: unbounded-query
  if (!person) return res.status(404).end();
  res.json(person);
});

feedRouter.get('/authors/:id/posts', async (req: Request, res: Response) => {
  const { data } = await supabase.from('posts').select('*').eq('author_id', req.params.id); // ok: unbounded-query
  res.json(data);
});

feedRouter.get('/posts/page', async (req: Request, res: Response) => {
  const from = Number(req.query.from ?? 0);
  const { data } = await supabase.from('posts').select('*').order('id').range(from, from + 24); // ok: unbounded-query
  res.json(data);
});

feedRouter.get('/posts/latest', async (_req: Request, res: Response) => {
  const { data } = await supabase.from('posts').select('id, title').order('created_at', { ascending: false }).limit(20); // ok: unbounded-query
  res.json(data);
});

feedRouter.get('/posts/count', async (_req: Request, res: Response) => {
  const { count } = await supabase.from('posts').select('*', { count: 'exact', head: true }); // ok: unbounded-query
  res.json({ count });
});

feedRouter.get('/me', async (req: Request, res: Response) => {
  const { data } = await supabase.from('profiles').select('*').eq('id', req.header('x-user-id')).single(); // ok: unbounded-query
  res.json(data);
});

feedRouter.post('/posts', async (req: Request, res: Response) => {
  const { data, error } = await supabase.from('posts').insert({ title: req.body.title, body: req.body.body }).select(); // ok: unbounded-query
  if (error) return res.status(400).json({ error: error.message });
  res.status(201).json(data);
});

feedRouter.patch('/posts/:id', async (req: Request, res: Response) => {
  const { data } = await supabase.from('posts').update({ title: req.body.title }).eq('id', req.params.id).select(); // ok: unbounded-query
  res.json(data);
});

export function inventoryRouter(orm: MikroORM) {
  const router = Router();

  router.get('/warehouses', async (_req: Request, res: Response) => {
    const em = orm.em.fork();
    res.json(await em.find(Warehouse, {})); // expect: unbounded-query
  });

  router.get('/stock', async (_req: Request, res: Response) => {
    const em = orm.em.fork();
    res.json(await em.findAll(StockItem, { populate: ['warehouse'] })); // expect: unbounded-query
  });

  router.get('/stock/by-sku', async (_req: Request, res: Response) => {
    const em = orm.em.fork();
    const items = await em.getRepository(StockItem).findAll({ orderBy: { sku: QueryOrder.ASC } }); // expect: unbounded-query
    res.json(items);
  });

  router.get('/warehouses/:id/stock', async (req: Request, res: Response) => {
    const em = orm.em.fork();
    res.json(await em.find(StockItem, { warehouse: req.params.id })); // ok: unbounded-query
  });

  router.get('/stock/page', async (req: Request, res: Response) => {
    const em = orm.em.fork();
    const offset = Number(req.query.offset ?? 0);
    res.json(await em.find(StockItem, {}, { limit: 50, offset, orderBy: { sku: QueryOrder.ASC } })); // ok: unbounded-query
  });

  router.get('/stock/sample', async (_req: Request, res: Response) => {
    const em = orm.em.fork();
    res.json(await em.findAll(StockItem, { limit: 100 })); // ok: unbounded-query
  });

  router.get('/stock/empty', async (_req: Request, res: Response) => {
    const em = orm.em.fork();
    res.json(await em.findAll(StockItem, { where: { quantity: 0 } })); // ok: unbounded-query
  });

  router.get('/warehouses/code/:code', async (req: Request, res: Response) => {
    const em = orm.em.fork();
    const wh = await em.findOne(Warehouse, { code: req.params.code }); // ok: unbounded-query
    if (!wh) return res.status(404).end();
    res.json(wh);
  });

  router.get('/stock/counted', async (req: Request, res: Response) => {
    const em = orm.em.fork();
    const [items, total] = await em.findAndCount(StockItem, {}, { limit: 20, offset: Number(req.query.offset ?? 0) }); // ok: unbounded-query
    res.json({ items, total, all: await em.count(StockItem, {}) }); // ok: unbounded-query
  });

  return router;
}
