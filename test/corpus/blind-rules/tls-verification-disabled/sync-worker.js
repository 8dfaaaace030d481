'use strict';
const got = require('got');
const WebSocket = require('ws');
const mqtt = require('mqtt');
const { Client: ElasticClient } = require('@elastic/elasticsearch');
const ldap = require('ldapjs');

const inventoryApi = got.extend({
  prefixUrl: process.env.INVENTORY_URL,
  https: { rejectUnauthorized: false }, // expect: tls-verification-disabled
  retry: { limit: 2 },
});

const pricingApi = got.extend({
  prefixUrl: process.env.PRICING_URL,
  https: { rejectUnauthorized: true, certificateAuthority: process.env.PRICING_CA }, // ok: tls-verification-disabled
});

const mqttClient = mqtt.connect(process.env.MQTT_URL, {
  clientId: `sync-${process.pid}`,
  rejectUnauthorized: false, // expect: tls-verification-disabled
});

const es = new ElasticClient({
  node: process.env.ELASTIC_URL,
  auth: { apiKey: process.env.ELASTIC_API_KEY },
  tls: { rejectUnauthorized: false }, // expect: tls-verification-disabled
});

const directory = ldap.createClient({
  url: process.env.LDAP_URL,
  tlsOptions: {
    rejectUnauthorized: false, // expect: tls-verification-disabled
    checkServerIdentity: () => undefined, // expect: tls-verification-disabled
  },
});

function openFeed(onTick) {
  const ws = new WebSocket(process.env.MARKET_FEED_URL, { rejectUnauthorized: false, perMessageDeflate: false }); // expect: tls-verification-disabled
  ws.on('message', (raw) => onTick(JSON.parse(raw.toString())));
  return ws;
}

function openAuditFeed(onEvent) {
  const ws = new WebSocket(process.env.AUDIT_FEED_URL, { rejectUnauthorized: process.env.AUDIT_FEED_INSECURE !== 'true' }); // ok: tls-verification-disabled
  ws.on('message', (raw) => onEvent(JSON.parse(raw.toString())));
  return ws;
}

async function syncOnce() {
  const items = await inventoryApi.get('items', { searchParams: { updatedSince: Date.now() - 60000 } }).json();
  const prices = await pricingApi.get('prices').json();
  for (const item of items) {
    await es.index({ index: 'inventory', id: item.sku, document: { ...item, price: prices[item.sku] } });
  }
  mqttClient.publish('inventory/synced', String(items.length));
}

module.exports = { syncOnce, openFeed, openAuditFeed, directory };
