const { operation, timeouts } = require('retry');
const mongoose = require('mongoose');
const { Client } = require('pg');
const { createClient } = require('redis');
const { promisify } = require('node:util');

const sleep = promisify(setTimeout);

function connectMongo(uri) {
  return new Promise((resolve, reject) => {
    const op = operation({
      retries: 5,
      factor: 1, // expect: retry-without-backoff
      minTimeout: 1000,
    });
    op.attempt(async (currentAttempt) => {
      try {
        await mongoose.connect(uri, { serverSelectionTimeoutMS: 3000 });
        resolve(mongoose.connection);
      } catch (err) {
        console.warn(`mongo connect attempt ${currentAttempt} failed: ${err.message}`);
        if (op.retry(err)) return;
        reject(op.mainError());
      }
    });
  });
}

function connectCache(url) {
  const client = createClient({ url });
  const op = operation({ retries: 8, minTimeout: 0, maxTimeout: 100 }); // expect: retry-without-backoff
  return new Promise((resolve, reject) => {
    op.attempt(() => {
      client.connect().then(() => resolve(client), (err) => {
        if (op.retry(err)) return;
        reject(op.mainError());
      });
    });
  });
}

function connectSessionStore(url) {
  const client = createClient({ url, database: 2 });
  const op = operation({
    retries: 6,
    factor: 1.5, // ok: retry-without-backoff
    minTimeout: 200,
  });
  return new Promise((resolve, reject) => {
    op.attempt(() => {
      client.connect().then(() => resolve(client), (err) => (op.retry(err) ? undefined : reject(op.mainError())));
    });
  });
}

function connectReplica(url) {
  const op = operation({ retries: 3 }); // ok: retry-without-backoff
  return new Promise((resolve, reject) => {
    op.attempt(() => {
      mongoose.createConnection(url).asPromise().then(resolve, (err) => (op.retry(err) ? undefined : reject(op.mainError())));
    });
  });
}

async function connectPg(config) {
  const client = new Client(config);
  for (let attempt = 1; attempt <= 10; attempt++) { // expect: retry-without-backoff
    try {
      await client.connect();
      return client;
    } catch (err) {
      console.error(`pg connect attempt ${attempt} failed: ${err.message}`);
      await sleep(2000);
    }
  }
  throw new Error('postgres unavailable after 10 attempts');
}

async function runMigrations(client) {
  const schedule = timeouts({ retries: 4, factor: 1, minTimeout: 500, randomize: true }); // ok: retry-without-backoff
  for (const waitMs of [0, ...schedule]) { // ok: retry-without-backoff
    if (waitMs) await sleep(waitMs);
    try {
      await client.query('SELECT pg_advisory_lock(42)');
      return;
    } catch (err) {
      console.warn('advisory lock busy', err.message);
    }
  }
  throw new Error('could not take migration lock');
}

module.exports = { connectMongo, connectCache, connectSessionStore, connectReplica, connectPg, runMigrations };
