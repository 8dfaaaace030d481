// corpus-path: migrations/1712000000000_pg-migrate.js
/* eslint-disable camelcase */
exports.up = (pgm) => {
  pgm.dropColumn('users', 'legacy_flag'); // expect: destructive-migration
  pgm.renameColumn('users', 'handle', 'username'); // expect: destructive-migration
  pgm.dropTable('user_drafts'); // expect: destructive-migration
  pgm.addColumn('users', { tenant_id: { type: 'integer', notNull: true } }); // expect: destructive-migration
  pgm.addColumn('users', { plan: { type: 'text', notNull: true, default: 'free' } }); // ok: destructive-migration
  pgm.addColumn('users', { bio: { type: 'text' } }); // ok: destructive-migration
  pgm.alterColumn('users', 'email', { notNull: true }); // expect: destructive-migration
  pgm.alterColumn('users', 'nickname', { notNull: false }); // ok: destructive-migration
  pgm.createTable('teams', { id: 'id', name: { type: 'text', notNull: true } }); // ok: destructive-migration
  pgm.createIndex('users', 'email'); // ok: destructive-migration
  pgm.dropIndex('users', 'old_idx'); // ok: destructive-migration
  pgm.dropConstraint('users', 'users_old_fk'); // ok: destructive-migration
  pgm.sql('CREATE EXTENSION IF NOT EXISTS pgcrypto'); // ok: destructive-migration
  pgm.sql('ALTER TABLE users DROP COLUMN fax'); // expect: destructive-migration
};

exports.down = (pgm) => {
  pgm.dropTable('teams'); // ok: destructive-migration
  pgm.dropColumn('users', 'plan'); // ok: destructive-migration
};
