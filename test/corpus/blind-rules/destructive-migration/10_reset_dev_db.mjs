// corpus-path: scripts/reset-dev-db.mjs
import knexFactory from 'knex';
import { Sequelize } from 'sequelize';

const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });

async function main() {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('refusing to reset a production database');
  }
  await knex.schema.dropTableIfExists('knex_migrations'); // ok: destructive-migration
  await knex.schema.dropTableIfExists('knex_migrations_lock'); // ok: destructive-migration
  await knex.raw('DROP TABLE IF EXISTS users CASCADE'); // ok: destructive-migration

  const sequelize = new Sequelize(process.env.LEGACY_DATABASE_URL, { logging: false });
  const qi = sequelize.getQueryInterface();
  await qi.dropTable('SequelizeMeta'); // ok: destructive-migration
  await qi.removeColumn('Users', 'scratch'); // ok: destructive-migration
  await sequelize.close();
  await knex.destroy();
}

main().catch((err) => {
  console.error('reset failed', err);
  process.exit(1);
});
