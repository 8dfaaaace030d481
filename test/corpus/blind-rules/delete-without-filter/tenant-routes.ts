import Fastify, { FastifyInstance, FastifyRequest } from 'fastify';
import knexFactory, { Knex } from 'knex';
import { Sequelize, QueryTypes } from 'sequelize';

const knex: Knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });
const sequelize = new Sequelize(process.env.DATABASE_URL as string, { logging: false });

export async function tenantRoutes(app: FastifyInstance) {
  app.post('/ops/invites/purge', async () => {
    await knex.raw('DELETE FROM tenant_invites'); // expect: delete-without-filter
    return { ok: true };
  });

  app.post('/ops/tenants/suspend-all', async () => {
    await knex.raw('UPDATE tenants SET suspended = ?', [true]); // expect: delete-without-filter
    return { ok: true };
  });

  app.post('/ops/webhooks/reset', async () => {
    await sequelize.query('DELETE FROM "Webhooks"', { type: QueryTypes.DELETE }); // expect: delete-without-filter
    await sequelize.query( // expect: delete-without-filter
      'UPDATE "WebhookDeliveries" SET "status" = \'cancelled\', "updatedAt" = NOW()',
      { type: QueryTypes.UPDATE },
    );
    return { ok: true };
  });

  app.delete('/tenants/:id/invites', async (req: FastifyRequest<{ Params: { id: string } }>) => {
    await knex.raw('DELETE FROM tenant_invites WHERE tenant_id = ?', [req.params.id]); // ok: delete-without-filter
    await knex('tenant_invites').where({ tenant_id: req.params.id }).del(); // ok: delete-without-filter
    return { ok: true };
  });

  app.post('/tenants/:id/unsuspend', async (req: FastifyRequest<{ Params: { id: string } }>) => {
    await knex('tenants').update({ suspended: false }).where('id', req.params.id); // ok: delete-without-filter
    return { ok: true };
  });

  app.post('/tenants/:id/webhooks/reset', async (req: FastifyRequest<{ Params: { id: string } }>) => {
    await sequelize.query('UPDATE "Webhooks" SET "failCount" = 0 WHERE "tenantId" = :tenantId', { // ok: delete-without-filter
      replacements: { tenantId: req.params.id },
      type: QueryTypes.UPDATE,
    });
    return { ok: true };
  });
}

const app = Fastify({ logger: true });
app.register(tenantRoutes);
app.listen({ port: 3000 });
