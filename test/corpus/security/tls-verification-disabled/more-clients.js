const https = require('https');
const http2 = require('node:http2');
const tls = require('tls');
const needle = require('needle');
const { MongoClient } = require('mongodb');
const knex = require('knex');

process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"; // expect: tls-verification-disabled

https.globalAgent.options.rejectUnauthorized = false; // expect: tls-verification-disabled

const agent = new https.Agent({ keepAlive: true });
agent.options.rejectUnauthorized = false; // expect: tls-verification-disabled

function wrapSocket(socket) {
  return new tls.TLSSocket(socket, { isServer: false, rejectUnauthorized: false }); // expect: tls-verification-disabled
}

function h2(url) {
  return http2.connect(url, { rejectUnauthorized: false }); // expect: tls-verification-disabled
}

function h2Verified(url, ca) {
  return http2.connect(url, { ca }); // ok: tls-verification-disabled
}

function download(url) {
  return needle('get', url, { rejectUnauthorized: false }); // expect: tls-verification-disabled
}

const withFunction = new https.Agent({
  checkServerIdentity: function () { // expect: tls-verification-disabled
    return undefined;
  },
});

// senior-engineer label: returning null passes Node's `if (err)` check just like undefined
const withNull = new https.Agent({ checkServerIdentity: () => null }); // expect: tls-verification-disabled

const db = knex({
  client: 'pg',
  connection: { connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: false } }, // expect: tls-verification-disabled
});

// senior-engineer label: the MongoDB driver's own switch for skipping certificate validation
const mongo = new MongoClient(process.env.MONGO_URL, { tls: true, tlsAllowInvalidCertificates: true }); // expect: tls-verification-disabled
const mongoVerified = new MongoClient(process.env.MONGO_URL, { tls: true, tlsCAFile: '/etc/ssl/mongo-ca.pem' }); // ok: tls-verification-disabled

const strictAgent = new https.Agent({ rejectUnauthorized: true }); // ok: tls-verification-disabled
https.globalAgent.options.rejectUnauthorized = true; // ok: tls-verification-disabled
const keepAlive = new https.Agent({ keepAlive: true, maxSockets: 50 }); // ok: tls-verification-disabled

module.exports = { agent, wrapSocket, h2, h2Verified, download, withFunction, withNull, db, mongo, mongoVerified, strictAgent, keepAlive };
