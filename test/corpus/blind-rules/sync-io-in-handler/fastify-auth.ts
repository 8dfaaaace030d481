import Fastify, { FastifyInstance, FastifyRequest, FastifyReply } from 'fastify';
import * as crypto from 'node:crypto';
import { pbkdf2Sync, scryptSync as deriveKey, randomBytes, timingSafeEqual, createHash, pbkdf2 } from 'crypto';
import { copyFileSync } from 'fs';
import { promisify } from 'util';

const pbkdf2Async = promisify(pbkdf2);
const scryptAsync = promisify(crypto.scrypt);
const SERVER_KEY = crypto.scryptSync(process.env.MASTER_SECRET as string, 'audit-static-salt', 32); // ok: sync-io-in-handler

type LoginBody = { email: string; password: string };

export async function authRoutes(fastify: FastifyInstance) {
  fastify.post('/auth/login', async (request: FastifyRequest<{ Body: LoginBody }>, reply: FastifyReply) => {
    const user = await fastify.db.users.findByEmail(request.body.email);
    if (!user) return reply.code(401).send({ error: 'invalid credentials' });
    const hash = pbkdf2Sync(request.body.password, user.salt, 310000, 32, 'sha256'); // expect: sync-io-in-handler
    if (!timingSafeEqual(hash, Buffer.from(user.passwordHash, 'hex'))) { // ok: sync-io-in-handler
      return reply.code(401).send({ error: 'invalid credentials' });
    }
    return { token: fastify.jwt.sign({ sub: user.id }) };
  });

  fastify.post('/auth/register', async (request, reply) => {
    const { email, password } = request.body as LoginBody;
    const salt = randomBytes(16); // ok: sync-io-in-handler
    const hash = deriveKey(password, salt, 64); // expect: sync-io-in-handler
    await fastify.db.users.create({ email, salt: salt.toString('hex'), passwordHash: hash.toString('hex') });
    return reply.code(201).send();
  });

  fastify.post('/auth/register-v2', async (request, reply) => {
    const { email, password } = request.body as LoginBody;
    const salt = crypto.randomBytes(16).toString('hex'); // ok: sync-io-in-handler
    const hash = (await scryptAsync(password, salt, 64)) as Buffer; // ok: sync-io-in-handler
    await fastify.db.users.create({ email, salt, passwordHash: hash.toString('hex') });
    return reply.code(201).send();
  });

  fastify.route({
    method: 'POST',
    url: '/auth/api-keys',
    handler: async (request, reply) => {
      const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519', { // expect: sync-io-in-handler
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      });
      await fastify.db.apiKeys.create({ owner: request.user.id, publicKey });
      return reply.code(201).send({ privateKey });
    },
  });

  fastify.get('/auth/token-fingerprint', async (request) => {
    const digest = createHash('sha256').update(String(request.headers.authorization)).digest('hex'); // ok: sync-io-in-handler
    const id = crypto.randomUUID(); // ok: sync-io-in-handler
    return { digest, id };
  });

  fastify.post('/auth/reset', async (request) => {
    const { token, salt } = request.body as { token: string; salt: string };
    const derived = await pbkdf2Async(token, salt, 100000, 32, 'sha512'); // ok: sync-io-in-handler
    return { ok: await fastify.db.resets.consume(derived.toString('hex')) };
  });

  fastify.get(
    '/auth/verify-legacy',
    { schema: { querystring: { type: 'object', properties: { token: { type: 'string' } } } } },
    async (request) => {
      const { token } = request.query as { token: string };
      const derived = crypto.pbkdf2Sync(token, SERVER_KEY, 1000, 32, 'sha1'); // expect: sync-io-in-handler
      return { valid: await fastify.db.legacyTokens.exists(derived.toString('hex')) };
    },
  );

  fastify.post('/auth/avatar/default', async (request, reply) => {
    copyFileSync('/srv/static/default-avatar.png', `/srv/avatars/${request.user.id}.png`); // expect: sync-io-in-handler
    return reply.code(204).send();
  });
}

const app = Fastify({ logger: true });
app.register(authRoutes);
app.listen({ port: Number(process.env.PORT ?? 8080), host: '0.0.0.0' });
