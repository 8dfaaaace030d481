import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { PrismaClient as Db } from '@prisma/client';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

export const dbPlugin = fp(async (app) => {
  const db = new Db();
  await db.$connect();
  app.decorate('db', db);
  app.addHook('onClose', async () => {
    await db.$disconnect();
  });
});

export const teamRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: { name: string } }>('/teams', async (request, reply) => {
    const team = await app.db.team.create({ data: { name: request.body.name, ownerId: request.user.id } });
    await app.db.teamMember.create({ data: { teamId: team.id, userId: request.user.id, role: 'admin' } }); // expect: missing-transaction
    return reply.code(201).send(team);
  });

  app.delete<{ Params: { id: string; userId: string } }>('/teams/:id/members/:userId', async (request) => {
    const { id, userId } = request.params;
    await request.server.db.teamMember.delete({ where: { teamId_userId: { teamId: id, userId } } });
    await request.server.db.activity.create({ data: { teamId: id, kind: 'member_removed', userId } }); // expect: missing-transaction
    return { ok: true };
  });

  app.put('/teams/:id/plan', async function (request) {
    const { id } = request.params as { id: string };
    const { plan } = request.body as { plan: string };
    await this.db.team.update({ where: { id }, data: { plan } });
    await this.db.billingEvent.create({ data: { teamId: id, kind: 'plan_changed', plan } }); // expect: missing-transaction
    return { ok: true };
  });

  app.post<{ Params: { id: string }; Body: { newOwnerId: string } }>('/teams/:id/transfer', async (request) => {
    const { id } = request.params;
    const { newOwnerId } = request.body;
    const [team, member] = await app.db.$transaction([
      app.db.team.update({ where: { id }, data: { ownerId: newOwnerId } }),
      app.db.teamMember.update({ where: { teamId_userId: { teamId: id, userId: newOwnerId } }, data: { role: 'admin' } }), // ok: missing-transaction
    ]);
    return { team, member };
  });

  app.post<{ Params: { id: string }; Body: { locale: string } }>('/teams/:id/settings', async (request) => {
    const { id } = request.params;
    return app.db.team.update({
      where: { id },
      data: { settings: { upsert: { create: { locale: request.body.locale }, update: { locale: request.body.locale } } } }, // ok: missing-transaction
    });
  });
};
