// AWS Lambda: SQS-triggered CRM contact sync
import axios from 'axios';
import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';

const { Pool } = pg;
const pool = new Pool({ max: 2, connectionString: process.env.DATABASE_URL });
const crm = axios.create({ baseURL: process.env.CRM_URL, timeout: 5000 });

export const handler = async (event) => {
  const records = event.Records ?? [];
  for (const record of records) {
    const body = JSON.parse(record.body);
    const { data: contact } = await crm.get(`/contacts/${body.contactId}`); // expect: n-plus-one
    await pool.query( // expect: n-plus-one
      'INSERT INTO contacts (id, email) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email',
      [contact.id, contact.email],
    );
    await sleep(50); // ok: n-plus-one
  }
  return { batchItemFailures: [] };
};

export async function postWithRetry(payload) {
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      return await axios.post(`${process.env.WEBHOOK_URL}/events`, payload, { timeout: 3000 }); // ok: n-plus-one
    } catch (err) {
      if (attempt === 5) throw err;
      await sleep(2 ** attempt * 100); // ok: n-plus-one
    }
  }
  return undefined;
}

export async function backfill() {
  let cursor = null;
  const all = [];
  do {
    const { data } = await axios.get(`${process.env.CRM_URL}/contacts`, { // ok: n-plus-one
      params: { cursor, limit: 200 },
      timeout: 10000,
    });
    all.push(...data.items);
    cursor = data.nextCursor;
  } while (cursor);

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const c of all) {
      await client.query('UPDATE contacts SET synced_at = now() WHERE id = $1', [c.id]); // expect: n-plus-one
    }
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

export async function backfillBatched(contacts) {
  await pool.query('UPDATE contacts SET synced_at = now() WHERE id = ANY($1::text[])', [contacts.map((c) => c.id)]); // ok: n-plus-one
}

export const markSeen = async ({ ids = [] } = {}) =>
  Promise.all(
    ids.map((id) =>
      axios({ // expect: n-plus-one
        method: 'patch',
        url: `${process.env.CRM_URL}/contacts/${id}`,
        data: { seen: true },
        timeout: 3000,
      }),
    ),
  );
