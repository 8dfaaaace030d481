const mysql = require('mysql2/promise');

const pool = mysql.createPool({ host: process.env.DB_HOST, user: 'app', database: 'shop' });

async function ordersForCustomer(customerId) {
  const [rows] = await pool.query(`SELECT * FROM orders WHERE customer_id = ${customerId}`); // expect: sql-injection
  return rows;
}

async function ordersForCustomerSafe(customerId) {
  const [rows] = await pool.query('SELECT * FROM orders WHERE customer_id = ?', [customerId]); // ok: sql-injection
  return rows;
}

async function orderStatus(orderId) {
  const conn = await mysql.createConnection({ host: 'localhost', user: 'app', database: 'shop' });
  const [rows] = await conn.query("SELECT status FROM orders WHERE id = '" + orderId + "'"); // expect: sql-injection
  await conn.end();
  return rows[0];
}

async function orderStatusExecute(orderId) {
  const conn = await pool.getConnection();
  try {
    const [rows] = await conn.execute('SELECT status FROM orders WHERE id = ?', [orderId]); // ok: sql-injection
    return rows[0];
  } finally {
    conn.release();
  }
}

async function cancelOrder(orderId, reason) {
  const conn = await pool.getConnection();
  try {
    // senior-engineer label: execute() with a spliced string is the same injection as query()
    await conn.execute(`UPDATE orders SET status = 'cancelled', reason = '${reason}' WHERE id = ${orderId}`); // expect: sql-injection
  } finally {
    conn.release();
  }
}

async function bulkInsert(rows) {
  return pool.query('INSERT INTO order_items (order_id, sku, qty) VALUES ?', [rows]); // ok: sql-injection
}

module.exports = { ordersForCustomer, ordersForCustomerSafe, orderStatus, orderStatusExecute, cancelOrder, bulkInsert };
