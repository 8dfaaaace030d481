// corpus-path: scripts/backfill-display-names.mjs
import pg from 'pg';
import { readFile } from 'node:fs/promises';

const { Client } = pg;
const client = new Client({ connectionString: process.env.DATABASE_URL });

const TARGET_TABLE = 'profiles';
const CHUNK = 1000;

async function main() {
  await client.connect();
  const mapping = JSON.parse(await readFile(process.argv[2], 'utf8'));

  for (const [userId, displayName] of Object.entries(mapping)) {
    await client.query(`UPDATE profiles SET display_name = '${displayName}' WHERE user_id = '${userId}'`); // expect: sql-injection
  }

  const column = process.argv[3] || 'display_name';
  await client.query('UPDATE ' + TARGET_TABLE + ' SET ' + column + ' = trim(' + column + ')'); // expect: sql-injection

  await client.query(`UPDATE ${TARGET_TABLE} SET display_name = NULL WHERE display_name = '' AND id IN (SELECT id FROM ${TARGET_TABLE} LIMIT ${CHUNK})`); // ok: sql-injection

  const { rows } = await client.query('SELECT count(*) FROM profiles WHERE display_name IS NULL'); // ok: sql-injection
  console.log(`profiles without a display name: ${rows[0].count}`);

  await client.query('ANALYZE ' + 'profiles'); // ok: sql-injection
  await client.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
