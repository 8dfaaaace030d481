const Knex = require('knex');

const knex = Knex({ client: 'mysql2', connection: { host: 'db', user: 'app' } });

async function inventoryFor(warehouse) {
  const result = await knex.raw("SELECT sku, qty FROM inventory WHERE warehouse = '" + warehouse + "'"); // expect: sql-injection
  return result[0];
}

async function inventoryForSafe(warehouse) {
  const result = await knex.raw('SELECT sku, qty FROM inventory WHERE warehouse = ?', [warehouse]); // ok: sql-injection
  return result[0];
}

async function restock(sku, qty) {
  await knex.transaction(async (trx) => {
    await trx.raw(`UPDATE inventory SET qty = qty + ${qty} WHERE sku = '${sku}'`); // expect: sql-injection
  });
}

module.exports = { inventoryFor, inventoryForSafe, restock };
