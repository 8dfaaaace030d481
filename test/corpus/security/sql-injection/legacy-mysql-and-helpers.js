const mysql = require('mysql');
const { getManager, getConnection } = require('typeorm');
const db = require('../models');

const connection = mysql.createConnection({ host: 'localhost', user: 'shop', database: 'shop' });

const SORTS = { newest: 'created_at DESC', cheapest: 'price ASC' };

function productById(req, res) {
  connection.query('SELECT * FROM products WHERE id = ' + req.params.id, (err, rows) => res.json(rows)); // expect: sql-injection
}

function productByIdSafe(req, res) {
  connection.query('SELECT * FROM products WHERE id = ?', [req.params.id], (err, rows) => res.json(rows)); // ok: sql-injection
}

function sortedProducts(sort, cb) {
  connection.query(`SELECT * FROM products ORDER BY ${SORTS[sort] || SORTS.newest}`, cb); // ok: sql-injection
}

async function legacyManager(email) {
  return getManager().query(`SELECT * FROM users WHERE email = '${email}'`); // expect: sql-injection
}

async function legacyConnection(email) {
  return getConnection().query('SELECT * FROM users WHERE email = $1', [email]); // ok: sql-injection
}

async function modelsIndex(userId) {
  return db.sequelize.query(`SELECT * FROM carts WHERE user_id = ${userId}`); // expect: sql-injection
}

async function modelsIndexSafe(userId) {
  return db.sequelize.query('SELECT * FROM carts WHERE user_id = :userId', { replacements: { userId } }); // ok: sql-injection
}

async function placeholders(ids) {
  const list = ids.map((_, i) => `$${i + 1}`).join(', ');
  return db.pool.query(`SELECT * FROM products WHERE id IN (${list})`, ids); // ok: sql-injection
}

async function conditionalFilter(status) {
  let sql = 'SELECT * FROM orders';
  if (status) sql += ` WHERE status = '${status}'`;
  return connection.query(sql); // expect: sql-injection
}

async function conditionalFilterSafe(status) {
  let sql = 'SELECT * FROM orders';
  const params = [];
  if (status) {
    sql += ' WHERE status = ?';
    params.push(status);
  }
  return connection.query(sql, params); // ok: sql-injection
}

module.exports = { productById, productByIdSafe, sortedProducts, legacyManager, legacyConnection, modelsIndex, modelsIndexSafe, placeholders, conditionalFilter, conditionalFilterSafe };
