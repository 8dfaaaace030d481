// corpus-path: seeders/20240101120000-demo-users.cjs
'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface) {
    await queryInterface.bulkInsert('Users', [
      { email: 'demo@example.com', name: 'Demo', createdAt: new Date(), updatedAt: new Date() },
    ]);
  },

  async down(queryInterface) {
    await queryInterface.bulkDelete('Users', null, {}); // ok: delete-without-filter
  },
};
