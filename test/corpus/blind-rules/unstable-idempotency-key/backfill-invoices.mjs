#!/usr/bin/env node
// One-off script: re-issue failed invoice charges through the Lithic and Increase APIs.
import Lithic from 'lithic';
import Increase from 'increase';
import { randomUUID } from 'node:crypto';
import { v4 } from 'uuid';
import pg from 'pg';

const lithic = new Lithic({ apiKey: process.env.LITHIC_API_KEY });
const increase = new Increase({ apiKey: process.env.INCREASE_API_KEY });
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });

async function main() {
  const { rows } = await pool.query(
    "SELECT id, account_token, amount_cents, increase_account_id FROM invoices WHERE status = 'failed' LIMIT 500"
  );

  for (const invoice of rows) {
    await lithic.payments.create({
      financial_account_token: invoice.account_token,
      amount: invoice.amount_cents,
      method: 'ACH_NEXT_DAY',
      type: 'COLLECTION',
      idempotency_key: randomUUID(), // expect: unstable-idempotency-key
    });

    await increase.achTransfers.create(
      { account_id: invoice.increase_account_id, amount: invoice.amount_cents, statement_descriptor: 'INVOICE' },
      { idempotencyKey: `ach-${invoice.id}-${v4()}` } // expect: unstable-idempotency-key
    );

    const res = await fetch(`https://api.example-billing.com/v1/invoices/${invoice.id}/charge`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': `${Date.now()}`, // expect: unstable-idempotency-key
      },
    });
    if (!res.ok) console.error(`charge failed for ${invoice.id}: ${res.status}`);
  }

  // ---- look-alikes ----
  for (const invoice of rows) {
    await increase.achTransfers.create(
      { account_id: invoice.increase_account_id, amount: invoice.amount_cents, statement_descriptor: 'BACKFILL' },
      { idempotencyKey: `backfill-2024-06-ach-${invoice.id}` } // ok: unstable-idempotency-key
    );
    await pool.query('UPDATE invoices SET status = $1, retried_at = $2 WHERE id = $3', [
      'retried',
      new Date(), // ok: unstable-idempotency-key
      invoice.id,
    ]);
  }

  const runId = randomUUID(); // ok: unstable-idempotency-key
  console.log(`backfill run ${runId} finished at ${new Date().toISOString()}`); // ok: unstable-idempotency-key
  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
