// @ts-nocheck
// The pool is created in another module of the service and imported here.
import { pool } from '../db/pool';
import { db } from '../lib/db';

export async function getProduct(sku: string) {
  const { rows } = await pool.query(`SELECT * FROM products WHERE sku = '${sku}'`); // expect: sql-injection
  return rows[0];
}

export async function getProductSafe(sku: string) {
  const { rows } = await pool.query('SELECT * FROM products WHERE sku = $1', [sku]); // ok: sql-injection
  return rows[0];
}

export async function productsInCategory(category: string) {
  return db.query('SELECT * FROM products WHERE category = \'' + category + '\''); // expect: sql-injection
}

export async function productsInCategorySafe(category: string) {
  return db.query('SELECT * FROM products WHERE category = $1', [category]); // ok: sql-injection
}
