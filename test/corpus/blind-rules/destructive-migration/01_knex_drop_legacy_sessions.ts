// corpus-path: db/migrations/20240312093000_drop_legacy_sessions.ts
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.dropTable('legacy_sessions'); // expect: destructive-migration
  await knex.schema.dropTableIfExists('oauth_tokens_old'); // expect: destructive-migration

  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('legacy_flag'); // expect: destructive-migration
    t.dropColumns('fax', 'pager'); // expect: destructive-migration
    t.renameColumn('name', 'full_name'); // expect: destructive-migration
    t.dropIndex(['email'], 'users_email_idx'); // ok: destructive-migration
    t.dropForeign(['org_id']); // ok: destructive-migration
    t.string('nickname', 64).nullable(); // ok: destructive-migration
  });

  await knex.schema.createTable('user_sessions', (t) => {
    t.uuid('id').primary();
    t.integer('user_id').notNullable().references('users.id'); // ok: destructive-migration
    t.timestamp('expires_at').notNullable(); // ok: destructive-migration
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('user_sessions'); // ok: destructive-migration
  await knex.schema.alterTable('users', (t) => {
    t.renameColumn('full_name', 'name'); // ok: destructive-migration
    t.dropColumn('nickname'); // ok: destructive-migration
    t.boolean('legacy_flag');
    t.string('fax');
    t.string('pager');
  });
  await knex.schema.createTable('legacy_sessions', (t) => {
    t.increments('id');
    t.string('token');
  });
}
