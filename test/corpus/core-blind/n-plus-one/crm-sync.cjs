const axios = require('axios');
const { Pool: PgPool } = require('pg');
const knex = require('knex')({ client: 'mysql2', connection: process.env.CRM_DB_URL });

const pg = new PgPool({ connectionString: process.env.DATABASE_URL });
const crm = axios.create({ baseURL: 'https://crm.example.com/api', timeout: 10000 });

async function pushContacts(contacts) {
  for (const contact of contacts) {
    const { data } = await crm.put(`/contacts/${contact.externalId}`, { // expect: n-plus-one
      email: contact.email,
      name: contact.name,
    });
    await pg.query('UPDATE contacts SET crm_version = $1 WHERE id = $2', [data.version, contact.id]); // expect: n-plus-one
  }
}

async function pullAllContacts() {
  const all = [];
  let next = '/contacts?limit=200';
  while (next) {
    const { data } = await crm.get(next); // ok: n-plus-one
    all.push(...data.items);
    next = data.nextPage;
  }
  return all;
}

async function mirrorAccounts(accountIds) {
  const rows = await knex('accounts').whereIn('id', accountIds); // ok: n-plus-one
  if (rows.length === 0) return 0;
  await knex('crm_accounts').insert(rows.map((r) => ({ account_id: r.id, name: r.name }))); // ok: n-plus-one
  return rows.length;
}

function notesFor(accounts) {
  return Promise.all(accounts.map((a) => knex('account_notes').where({ account_id: a.id }).select('body'))); // expect: n-plus-one
}

async function syncSettings(settings) {
  for (const key in settings) {
    await axios.patch(`https://crm.example.com/api/settings/${key}`, { value: settings[key] }, { timeout: 5000 }); // expect: n-plus-one
  }
}

module.exports = { pushContacts, pullAllContacts, mirrorAccounts, notesFor, syncSettings };
