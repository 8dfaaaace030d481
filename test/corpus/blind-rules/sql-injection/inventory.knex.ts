import knex, { Knex } from 'knex';
import { Router, Request, Response } from 'express';

const db: Knex = knex({ client: 'pg', connection: process.env.DATABASE_URL });
export const inventoryRouter = Router();

const STOCK_TABLE = 'stock_levels';
const LOW_STOCK_THRESHOLD = 5;

inventoryRouter.get('/inventory/:warehouse', async (req: Request, res: Response) => {
  const rows = await db.raw(`SELECT * FROM stock_levels WHERE warehouse_code = '${req.params.warehouse}'`); // expect: sql-injection
  res.json(rows.rows);
});

inventoryRouter.get('/inventory/:warehouse/safe', async (req: Request, res: Response) => {
  const rows = await db.raw('SELECT * FROM stock_levels WHERE warehouse_code = ?', [req.params.warehouse]); // ok: sql-injection
  res.json(rows.rows);
});

inventoryRouter.get('/inventory/:warehouse/named', async (req: Request, res: Response) => {
  const rows = await db.raw('SELECT * FROM ?? WHERE warehouse_code = :code', { code: req.params.warehouse }); // ok: sql-injection
  res.json(rows.rows);
});

inventoryRouter.get('/inventory-low', async (_req: Request, res: Response) => {
  const rows = await db.raw(`SELECT sku FROM ${STOCK_TABLE} WHERE quantity < ${LOW_STOCK_THRESHOLD}`); // ok: sql-injection
  res.json(rows.rows);
});

inventoryRouter.get('/inventory-sorted', async (req: Request, res: Response) => {
  const sortColumn = String(req.query.sort);
  const rows = await db.raw('SELECT * FROM stock_levels ORDER BY ' + sortColumn + ' DESC'); // expect: sql-injection
  res.json(rows.rows);
});

inventoryRouter.post('/inventory/adjust', async (req: Request, res: Response) => {
  const { sku, delta } = req.body;
  await knex({ client: 'pg', connection: process.env.DATABASE_URL }).raw(`UPDATE stock_levels SET quantity = quantity + ${delta} WHERE sku = '${sku}'`); // expect: sql-injection
  res.sendStatus(204);
});

inventoryRouter.get('/inventory-builder/:sku', async (req: Request, res: Response) => {
  const rows = await db(STOCK_TABLE).where({ sku: req.params.sku }).select('*'); // ok: sql-injection
  res.json(rows);
});

inventoryRouter.get('/inventory-mixed/:sku', async (req: Request, res: Response) => {
  const rows = await db(STOCK_TABLE)
    .select(db.raw('quantity * unit_cost AS value')) // ok: sql-injection
    .where('sku', req.params.sku);
  res.json(rows);
});

export async function restock(trxProvider: Knex, warehouse: string, skus: string[]) {
  await trxProvider.transaction(async (trx) => {
    await trx.raw(`UPDATE stock_levels SET quantity = 100 WHERE warehouse_code = '${warehouse}'`); // expect: sql-injection
    await trx.raw('INSERT INTO restock_log (warehouse_code, skus) VALUES (?, ?)', [warehouse, skus]); // ok: sql-injection
  });
}
