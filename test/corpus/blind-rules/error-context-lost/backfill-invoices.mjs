// corpus-path: scripts/backfill-invoices.mjs
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import knex from 'knex';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const s3 = new S3Client({ region: process.env.AWS_REGION });

async function loadManifest(path) {
  let raw;
  try {
    raw = await readFile(path, 'utf8');
  } catch (err) {
    console.error(`Cannot read manifest at ${path}`); // expect: error-context-lost
    process.exit(2);
  }
  try {
    return parse(raw, { columns: true });
  } catch {
    throw new Error(`Manifest ${path} is not valid CSV`); // expect: error-context-lost
  }
}

async function fetchInvoicePdf(key) {
  try {
    const out = await s3.send(new GetObjectCommand({ Bucket: process.env.INVOICE_BUCKET, Key: key }));
    return await out.Body.transformToByteArray();
  } catch (err) {
    if (err.name === 'NoSuchKey') {
      console.warn(`missing object ${key}, skipping`); // expect: error-context-lost
      return null;
    }
    throw err; // ok: error-context-lost
  }
}

async function main() {
  const rows = await loadManifest(process.argv[2]);
  let done = 0;
  for (const row of rows) {
    try {
      const pdf = await fetchInvoicePdf(row.key);
      if (!pdf) continue;
      await db('invoices').where({ id: row.invoice_id }).update({ pdf_size: pdf.length });
      done += 1;
    } catch (err) {
      console.error(`row ${row.invoice_id} failed:`, err); // ok: error-context-lost
    }
  }
  console.log(`backfilled ${done}/${rows.length}`); // ok: error-context-lost
}

main()
  .catch((err) => {
    console.error(err); // ok: error-context-lost
    process.exitCode = 1;
  })
  .finally(() => db.destroy());
