const express = require('express');
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const router = express.Router();

const ORDERS = 'orders';
const MAX_ROWS = 200;

router.get('/orders/:id', async (req, res, next) => {
  try {
    const { rows } = await pool.query(`SELECT * FROM orders WHERE id = ${req.params.id}`); // expect: sql-injection
    res.json(rows[0] || null);
  } catch (err) {
    next(err);
  }
});

router.get('/orders', async (req, res, next) => {
  try {
    const status = req.query.status;
    const { rows } = await pool.query('SELECT * FROM orders WHERE status = $1 LIMIT $2', [status, MAX_ROWS]); // ok: sql-injection
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

router.get('/customers/:customerId/orders', async (req, res, next) => {
  try {
    const sql = 'SELECT * FROM orders WHERE customer_id = ' + req.params.customerId + ' ORDER BY created_at DESC';
    const { rows } = await pool.query(sql); // expect: sql-injection
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

router.get('/orders-recent', async (_req, res, next) => {
  try {
    const { rows } = await pool.query(`SELECT * FROM ${ORDERS} ORDER BY created_at DESC LIMIT ${MAX_ROWS}`); // ok: sql-injection
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

router.get('/orders-export', async (req, res, next) => {
  try {
    const { rows } = await pool.query('SELECT id, total FROM ' + ORDERS + ' WHERE total > 0'); // ok: sql-injection
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

router.post('/orders/:id/notes', async (req, res, next) => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN'); // ok: sql-injection
    await client.query("INSERT INTO order_notes (order_id, body) VALUES ('" + req.params.id + "', '" + req.body.note + "')"); // expect: sql-injection
    await client.query('UPDATE orders SET updated_at = now() WHERE id = $1', [req.params.id]); // ok: sql-injection
    await client.query('COMMIT'); // ok: sql-injection
    res.status(201).end();
  } catch (err) {
    await client.query('ROLLBACK');
    next(err);
  } finally {
    client.release();
  }
});

router.get('/orders-by-ids', async (req, res, next) => {
  try {
    const ids = String(req.query.ids || '').split(',');
    const placeholders = ids.map((_, i) => `$${i + 1}`).join(', ');
    const { rows } = await pool.query(`SELECT * FROM orders WHERE id IN (${placeholders})`, ids); // ok: sql-injection
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

router.get('/orders-stats', async (req, res, next) => {
  try {
    const [byStatus, byRegion] = await Promise.all([pool.query(`SELECT count(*) FROM orders WHERE status = '${req.query.status}'`), pool.query(`SELECT count(*) FROM orders WHERE region = '${req.query.region}'`)]); // expect: sql-injection x2
    res.json({ byStatus: byStatus.rows, byRegion: byRegion.rows });
  } catch (err) {
    next(err);
  }
});

module.exports = router;
