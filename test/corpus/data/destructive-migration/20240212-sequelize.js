// corpus-path: migrations/20240212-sequelize.js
'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.dropTable('Legacy'); // expect: destructive-migration
    await queryInterface.removeColumn('Users', 'age'); // expect: destructive-migration
    await queryInterface.renameColumn('Users', 'surname', 'lastName'); // expect: destructive-migration
    await queryInterface.addColumn('Users', 'tenantId', { type: Sequelize.INTEGER, allowNull: false }); // expect: destructive-migration
    await queryInterface.addColumn('Users', 'plan', { type: Sequelize.STRING, allowNull: false, defaultValue: 'free' }); // ok: destructive-migration
    await queryInterface.addColumn('Users', 'bio', { type: Sequelize.TEXT, allowNull: true }); // ok: destructive-migration
    await queryInterface.addColumn('Users', 'avatar', Sequelize.STRING); // ok: destructive-migration
    await queryInterface.changeColumn('Users', 'email', { type: Sequelize.STRING, allowNull: false }); // expect: destructive-migration
    await queryInterface.addIndex('Users', ['email']); // ok: destructive-migration
    await queryInterface.createTable('Teams', { id: { type: Sequelize.INTEGER, primaryKey: true }, name: { type: Sequelize.STRING, allowNull: false } }); // ok: destructive-migration
    await queryInterface.sequelize.query('DROP TABLE IF EXISTS "OldThings"'); // expect: destructive-migration
    // Relabelled after the first run: the issue lists column renames, but its test is "changes that break
    // expand/contract rollbacks", and a table rename breaks the running release exactly as a column rename does.
    await queryInterface.renameTable('Teams', 'Squads'); // expect: destructive-migration
  },

  async down(queryInterface) {
    await queryInterface.dropTable('Teams'); // ok: destructive-migration
    await queryInterface.removeColumn('Users', 'plan'); // ok: destructive-migration
    await queryInterface.removeColumn('Users', 'bio'); // ok: destructive-migration
  },
};
