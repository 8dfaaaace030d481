import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
import { verifyClient } from './clients.mjs';

const app = Fastify({ logger: true });
await app.register(fastifyJwt, { secret: process.env.JWT_SECRET });

app.post('/auth/token', async (request, reply) => {
  request.log.info({ body: request.body }, 'token exchange'); // expect: sensitive-data-logged
  const { clientId, clientSecret } = request.body;
  request.log.debug({ clientId }, 'client authenticating'); // ok: sensitive-data-logged
  request.log.debug(`client secret: ${clientSecret}`); // expect: sensitive-data-logged
  const client = await verifyClient(clientId, clientSecret);
  const accessToken = app.jwt.sign({ sub: client.id });
  request.log.info({ clientId: client.id, accessToken }, 'token issued'); // expect: sensitive-data-logged
  request.log.info({ clientId: client.id, tokenType: 'Bearer', expiresIn: 3600 }, 'token issued'); // ok: sensitive-data-logged
  return reply.send({ access_token: accessToken, token_type: 'Bearer' }); // ok: sensitive-data-logged
});

app.get('/me', async (request) => {
  request.log.info(`auth header: ${request.headers.authorization}`); // expect: sensitive-data-logged
  request.log.info({ ua: request.headers['user-agent'] }, 'profile view'); // ok: sensitive-data-logged
  return request.user;
});

app.get('/health', async (request) => {
  request.log.debug({ headers: request.headers }, 'health probe'); // ok: sensitive-data-logged
  return { ok: true };
});

app.log.info(`admin api key is ${process.env.ADMIN_API_KEY}`); // expect: sensitive-data-logged
app.log.info({ adminApiKeyConfigured: Boolean(process.env.ADMIN_API_KEY) }, 'config loaded'); // ok: sensitive-data-logged
await app.listen({ port: 3000, host: '0.0.0.0' });
