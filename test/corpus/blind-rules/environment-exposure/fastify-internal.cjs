const fastify = require('fastify')({ logger: true });
const { env } = require('node:process');

fastify.get('/internal/env', async (request, reply) => {
  return reply.send(process.env); // expect: environment-exposure
});

fastify.get('/internal/env.json', async (request, reply) => {
  reply.code(200).header('content-type', 'application/json').send(JSON.stringify(env)); // expect: environment-exposure
});

fastify.get('/internal/env-returned', async () => process.env); // expect: environment-exposure

fastify.addHook('onReady', async () => {
  fastify.log.info({ env: process.env }, 'server ready'); // expect: environment-exposure
});

fastify.get('/internal/ping', async (request) => {
  request.log.debug(process.env); // expect: environment-exposure
  return { pong: true };
});

fastify.get('/internal/info', async (request, reply) => {
  request.log.info({ nodeEnv: env.NODE_ENV }, 'info requested'); // ok: environment-exposure
  return reply.send({ nodeEnv: env.NODE_ENV, port: env.PORT }); // ok: environment-exposure
});

fastify.get('/internal/flags', async () => {
  return { newCheckout: process.env.FLAG_NEW_CHECKOUT === '1' }; // ok: environment-exposure
});

fastify.listen({ port: Number(process.env.PORT) || 3000, host: '0.0.0.0' }, (err, address) => {
  if (err) {
    fastify.log.error(err);
    process.exit(1);
  }
  fastify.log.info(`listening on ${address} in ${process.env.NODE_ENV} mode`); // ok: environment-exposure
});
