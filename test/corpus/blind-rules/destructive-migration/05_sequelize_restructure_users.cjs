// corpus-path: migrations/20240505101500-restructure-users.cjs
'use strict';

const { DataTypes } = require('sequelize');

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    const transaction = await queryInterface.sequelize.transaction();
    try {
      await queryInterface.removeColumn('Users', 'legacyId', { transaction }); // expect: destructive-migration
      await queryInterface.renameColumn('Users', 'fname', 'firstName', { transaction }); // expect: destructive-migration
      await queryInterface.dropTable('UserPreferencesOld', { transaction }); // expect: destructive-migration
      await queryInterface.addColumn('Users', 'tenantId', { type: DataTypes.UUID, allowNull: false }, { transaction }); // expect: destructive-migration
      await queryInterface.addColumn('Users', 'role', { type: Sequelize.STRING(32), allowNull: false, defaultValue: 'member' }, { transaction }); // ok: destructive-migration
      await queryInterface.addColumn('Users', 'bio', { type: DataTypes.TEXT, allowNull: true }, { transaction }); // ok: destructive-migration
      await queryInterface.changeColumn('Users', 'email', { type: DataTypes.STRING, allowNull: false }, { transaction }); // expect: destructive-migration
      await queryInterface.removeIndex('Users', 'users_fname_idx', { transaction }); // ok: destructive-migration
      await queryInterface.removeConstraint('Users', 'users_org_fk', { transaction }); // ok: destructive-migration
      await queryInterface.sequelize.query('DROP TABLE IF EXISTS "AuditTrail"', { transaction }); // expect: destructive-migration
      await transaction.commit();
    } catch (err) {
      await transaction.rollback();
      throw err;
    }
  },

  async down(queryInterface, Sequelize) {
    await queryInterface.createTable('UserPreferencesOld', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true },
      userId: { type: Sequelize.INTEGER, allowNull: false }, // ok: destructive-migration
    });
    await queryInterface.removeColumn('Users', 'bio'); // ok: destructive-migration
    await queryInterface.removeColumn('Users', 'role'); // ok: destructive-migration
    await queryInterface.renameColumn('Users', 'firstName', 'fname'); // ok: destructive-migration
    await queryInterface.addColumn('Users', 'legacyId', { type: DataTypes.INTEGER, allowNull: true });
  },
};
