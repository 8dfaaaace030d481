const { Pool } = require('pg');
const mysql = require('mysql2/promise');
const { Sequelize } = require('sequelize');
const knex = require('knex');
const fs = require('fs');

const isProd = process.env.NODE_ENV === 'production';

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  ssl: { rejectUnauthorized: false }, // expect: tls-verification-disabled
  max: 20,
});

const readReplica = new Pool({
  connectionString: process.env.READ_REPLICA_URL,
  ssl: {
    ca: fs.readFileSync('/etc/ssl/rds-combined-ca-bundle.pem', 'utf8'),
    rejectUnauthorized: true, // ok: tls-verification-disabled
  },
});

const localPool = new Pool({ connectionString: process.env.LOCAL_DATABASE_URL, ssl: false }); // ok: tls-verification-disabled

const analyticsPool = new Pool({
  connectionString: process.env.ANALYTICS_DATABASE_URL,
  ssl: { rejectUnauthorized: isProd }, // ok: tls-verification-disabled
});

async function mysqlConnection() {
  return mysql.createConnection({
    host: process.env.MYSQL_HOST,
    user: process.env.MYSQL_USER,
    password: process.env.MYSQL_PASSWORD,
    database: 'billing',
    ssl: {
      rejectUnauthorized: false, // expect: tls-verification-disabled
    },
  });
}

const sequelize = new Sequelize(process.env.DATABASE_URL, {
  dialect: 'postgres',
  logging: false,
  dialectOptions: {
    ssl: {
      require: true,
      rejectUnauthorized: false, // expect: tls-verification-disabled
    },
  },
});

const reporting = knex({
  client: 'pg',
  connection: {
    connectionString: process.env.REPORTING_DATABASE_URL,
    ssl: process.env.PGSSLMODE === 'no-verify' ? { rejectUnauthorized: false } : true, // expect: tls-verification-disabled
  },
  pool: { min: 0, max: 5 },
});

const warehouse = knex({
  client: 'mysql2',
  connection: {
    host: process.env.WAREHOUSE_HOST,
    ssl: { rejectUnauthorized: process.env.WAREHOUSE_TLS_VERIFY !== 'false' }, // ok: tls-verification-disabled
  },
});

module.exports = { pool, readReplica, localPool, analyticsPool, mysqlConnection, sequelize, reporting, warehouse };
