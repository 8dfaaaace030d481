import axios from 'axios';
import cron from 'node-cron';
import fetch from 'node-fetch';
import pg from 'pg';

axios.defaults.timeout = 15_000;
axios.defaults.headers.common['x-job'] = 'billing-sync';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });

async function syncInvoices() {
  const { data: invoices } = await axios.get(`${process.env.BILLING_URL}/invoices?status=open`); // ok: missing-timeout
  for (const inv of invoices) {
    await axios.post(`${process.env.LEDGER_URL}/entries`, { invoiceId: inv.id, amount: inv.amount }); // ok: missing-timeout
    await pool.query('update invoices set synced_at = now() where id = $1', [inv.id]);
  }
  return invoices.length;
}

async function refreshRates() {
  await axios({ url: `${process.env.FX_URL}/refresh`, method: 'post' }); // ok: missing-timeout
}

async function pushToWarehouse(rows) {
  const res = await fetch(`${process.env.WAREHOUSE_URL}/bulk`, { // expect: missing-timeout
    method: 'POST',
    body: JSON.stringify(rows),
    headers: { 'content-type': 'application/json' },
  });
  if (!res.ok) throw new Error(`warehouse responded ${res.status}`);
}

async function heartbeat() {
  await fetch(`${process.env.HEALTHCHECK_URL}/billing-sync`, { signal: AbortSignal.timeout(2_000) }); // ok: missing-timeout
}

cron.schedule('*/15 * * * *', async () => {
  const started = Date.now();
  try {
    await refreshRates();
    const count = await syncInvoices();
    const { rows } = await pool.query('select * from invoices where synced_at > now() - interval \'15 minutes\'');
    await pushToWarehouse(rows);
    console.log(`synced ${count} invoices in ${Date.now() - started}ms`);
  } finally {
    await heartbeat();
  }
});
