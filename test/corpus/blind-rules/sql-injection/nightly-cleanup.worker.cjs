// corpus-path: src/workers/nightly-cleanup.worker.cjs
const { createPool } = require('mysql2');
const { Worker } = require('bullmq');
const logger = require('./logger');

const pool = createPool({ uri: process.env.MYSQL_URL, connectionLimit: 4 });

const SESSIONS = 'user_sessions';
const BATCH = 500;

function purgeTenantSessions(tenantId, cb) {
  pool.query(`DELETE FROM user_sessions WHERE tenant_id = '${tenantId}' LIMIT ${BATCH}`, cb); // expect: sql-injection
}

function purgeExpired(cb) {
  pool.query(`DELETE FROM ${SESSIONS} WHERE expires_at < NOW() LIMIT ${BATCH}`, cb); // ok: sql-injection
}

function purgeUser(userId, cb) {
  pool.query('DELETE FROM user_sessions WHERE user_id = ?', [userId], cb); // ok: sql-injection
}

function archiveTable(table, cutoff, cb) {
  pool.getConnection((err, conn) => {
    if (err) return cb(err);
    conn.query('INSERT INTO ' + table + '_archive SELECT * FROM ' + table + ' WHERE created_at < ?', [cutoff], (e) => { // expect: sql-injection
      conn.release();
      cb(e);
    });
  });
}

const worker = new Worker('nightly-cleanup', async (job) => {
  const { tenantId, table, cutoff } = job.data;
  logger.info(`cleanup job ${job.id} for tenant ${tenantId}`);
  await new Promise((resolve, reject) => purgeTenantSessions(tenantId, (e) => (e ? reject(e) : resolve())));
  await new Promise((resolve, reject) => purgeExpired((e) => (e ? reject(e) : resolve())));
  await new Promise((resolve, reject) => archiveTable(table, cutoff, (e) => (e ? reject(e) : resolve())));
  await pool.promise().query(`UPDATE cleanup_runs SET finished_at = NOW() WHERE job_id = '${job.id}'`); // expect: sql-injection
  await pool.promise().query('UPDATE cleanup_runs SET status = ? WHERE job_id = ?', ['done', job.id]); // ok: sql-injection
});

module.exports = { worker, purgeUser };
