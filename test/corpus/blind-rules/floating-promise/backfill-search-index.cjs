// corpus-path: scripts/backfill-search-index.cjs
'use strict';

const { Client } = require('@elastic/elasticsearch');
const { Pool } = require('pg');

const es = new Client({ node: process.env.ES_URL || 'http://localhost:9200' });
const pool = new Pool({ connectionString: process.env.DATABASE_URL });

async function fetchBatch(afterId, size) {
  const { rows } = await pool.query('SELECT id, title, body FROM articles WHERE id > $1 ORDER BY id LIMIT $2', [afterId, size]);
  return rows;
}

async function indexBatch(rows) {
  const operations = rows.flatMap((r) => [{ index: { _index: 'articles', _id: r.id } }, { title: r.title, body: r.body }]);
  const res = await es.bulk({ refresh: false, operations });
  if (res.errors) throw new Error('bulk indexing reported errors');
}

async function refreshIndex() {
  await es.indices.refresh({ index: 'articles' });
}

async function main() {
  let afterId = Number(process.argv[2] || 0);
  const inFlight = [];
  for (;;) {
    const rows = await fetchBatch(afterId, 500); // ok: floating-promise
    if (rows.length === 0) break;
    if (inFlight.length >= 4) await Promise.all(inFlight.splice(0));
    inFlight.push(indexBatch(rows)); // ok: floating-promise
    afterId = rows[rows.length - 1].id;
    console.log(`queued batch up to id ${afterId}`);
  }
  await Promise.all(inFlight);
  refreshIndex(); // expect: floating-promise
}

(async () => { // expect: floating-promise
  const { count } = await es.count({ index: 'articles' });
  console.log(`articles currently indexed: ${count}`);
})();

main() // ok: floating-promise
  .then(() => pool.end())
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
