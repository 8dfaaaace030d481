#!/usr/bin/env node
'use strict';
const { env } = process;
const axios = require('axios');
const { MongoClient } = require('mongodb');
const fixtures = require('./fixtures/staging.json');

if (process.argv.includes('--insecure')) {
  process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = "0"; // expect: tls-verification-disabled
}

// old bastion proxy terminates TLS with an internal CA we never installed
process.env.NODE_TLS_REJECT_UNAUTHORIZED = 0; // expect: tls-verification-disabled
env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // expect: tls-verification-disabled

async function seed() {
  const client = new MongoClient(env.STAGING_MONGO_URL);
  await client.connect();
  try {
    const db = client.db('app');
    await db.collection('plans').deleteMany({ seeded: true });
    await db.collection('plans').insertMany(fixtures.plans.map((p) => ({ ...p, seeded: true })));
    await axios.post(`${env.STAGING_API_URL}/admin/cache/flush`, {}, { headers: { authorization: `Bearer ${env.STAGING_ADMIN_TOKEN}` } });
  } finally {
    await client.close();
  }
}

seed()
  .then(() => {
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1'; // ok: tls-verification-disabled
    delete process.env.NODE_TLS_REJECT_UNAUTHORIZED; // ok: tls-verification-disabled
    console.log('staging seeded');
  })
  .catch((err) => {
    console.error('seed failed', err);
    process.exit(1);
  });
