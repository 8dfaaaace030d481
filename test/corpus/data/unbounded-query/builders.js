const { MongoClient } = require('mongodb');
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });
const { drizzle } = require('drizzle-orm/node-postgres');
const { eq } = require('drizzle-orm');
const { users, posts } = require('./schema');

const client = new MongoClient(process.env.MONGO_URL);

async function allLogs() {
  return client.db('app').collection('logs').find({}).toArray(); // expect: unbounded-query
}

async function allLogsNoArg() {
  const logs = client.db('app').collection('logs');
  return logs.find().toArray(); // expect: unbounded-query
}

async function recentLogs() {
  const logs = client.db('app').collection('logs');
  return logs.find({}).sort({ at: -1 }).limit(100).toArray(); // ok: unbounded-query
}

async function errorLogs() {
  const logs = client.db('app').collection('logs');
  return logs.find({ level: 'error' }).toArray(); // ok: unbounded-query
}

async function oneLog(id) {
  return client.db('app').collection('logs').findOne({ _id: id }); // ok: unbounded-query
}

async function knexAll() {
  return knex('users').select('*'); // expect: unbounded-query
}

async function knexAllColumns() {
  return knex.select('id', 'email').from('users'); // expect: unbounded-query
}

async function knexOrdered() {
  return knex('users').select('id').orderBy('id'); // expect: unbounded-query
}

async function knexWhere(orgId) {
  return knex('users').select('*').where({ org_id: orgId }); // ok: unbounded-query
}

async function knexLimit() {
  return knex('users').select('*').limit(50).offset(100); // ok: unbounded-query
}

async function knexFirst(email) {
  return knex('users').where({ email }).first(); // ok: unbounded-query
}

async function knexFirstOnly() {
  return knex('users').select('*').first(); // ok: unbounded-query
}

async function drizzleAll() {
  const db = drizzle(process.env.DATABASE_URL);
  return db.select().from(users); // expect: unbounded-query
}

async function drizzleAllPosts(db) {
  return db.select({ id: posts.id }).from(posts); // expect: unbounded-query
}

async function drizzleLimited() {
  const db = drizzle(process.env.DATABASE_URL);
  return db.select().from(users).limit(10); // ok: unbounded-query
}

async function drizzleWhere(id) {
  const db = drizzle(process.env.DATABASE_URL);
  return db.select().from(users).where(eq(users.id, id)); // ok: unbounded-query
}

async function drizzleQueryApi() {
  const db = drizzle(process.env.DATABASE_URL);
  return db.query.users.findMany(); // expect: unbounded-query
}

async function drizzleQueryApiLimited() {
  const db = drizzle(process.env.DATABASE_URL);
  return db.query.users.findMany({ limit: 10 }); // ok: unbounded-query
}

// DOM / jQuery / other `.select()` and `.find()` look-alikes.
function notQueries(input, $, arr) {
  input.select(); // ok: unbounded-query
  $('#list').find('li'); // ok: unbounded-query
  arr.find((x) => x > 1); // ok: unbounded-query
}

module.exports = { allLogs, allLogsNoArg, recentLogs, errorLogs, oneLog, knexAll, knexAllColumns, knexOrdered, knexWhere, knexLimit, knexFirst, knexFirstOnly, drizzleAll, drizzleAllPosts, drizzleLimited, drizzleWhere, drizzleQueryApi, drizzleQueryApiLimited, notQueries };
