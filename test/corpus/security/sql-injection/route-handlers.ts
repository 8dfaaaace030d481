// @ts-nocheck
import express from 'express';
import { Pool } from 'pg';
import { knex } from '../db/knex';

const pool = new Pool();
const router = express.Router();

router.get('/users/:id', async (req, res) => {
  const result = await pool.query(`SELECT * FROM users WHERE id = ${req.params.id}`); // expect: sql-injection
  res.json(result.rows);
});

router.get('/users', async (req, res) => {
  const { sort = 'name', dir = 'asc' } = req.query;
  const result = await pool.query('SELECT * FROM users ORDER BY ' + sort + ' ' + dir); // expect: sql-injection
  res.json(result.rows);
});

router.get('/reports/:table', async (req, res) => {
  const rows = await knex.raw(`SELECT count(*) FROM ${req.params.table}`); // expect: sql-injection
  res.json(rows);
});

router.get('/search', async (req, res) => {
  const rows = await knex('products').where('name', 'like', `%${req.query.q}%`); // ok: sql-injection
  res.json(rows);
});

router.get('/orders', async (req, res) => {
  const rows = await knex('orders').orderByRaw(`${req.query.sort} DESC`); // expect: sql-injection
  res.json(rows);
});

router.post('/notes', async (req, res) => {
  await pool.query('INSERT INTO notes (body, author) VALUES ($1, $2)', [req.body.body, req.user.id]); // ok: sql-injection
  res.sendStatus(201);
});

export { router };
