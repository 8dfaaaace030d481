import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
import { verify as verifyJwt, decode as decodeJwt, sign } from 'jsonwebtoken';
import { findReport } from './reports.mjs';

const app = Fastify({ logger: true });

app.register(fastifyJwt, {
  secret: process.env.JWT_SECRET,
  verify: { algorithms: ['HS256'] },
});

app.decorate('authenticate', async (request, reply) => {
  try {
    await request.jwtVerify(); // ok: weak-jwt-verification
  } catch (err) {
    reply.code(401).send({ error: 'unauthorized' });
  }
});

app.post('/webhooks/partner', async (request, reply) => {
  const token = request.headers['x-partner-token'];
  const claims = verifyJwt(token, process.env.PARTNER_SECRET, { issuer: 'partner.example.com', maxAge: '5m' }); // expect: weak-jwt-verification
  request.log.info({ partner: claims.sub }, 'partner webhook');
  return { received: true };
});

app.get('/internal/metrics', async (request, reply) => {
  const token = request.headers['x-internal-token'];
  const claims = verifyJwt(token, process.env.INTERNAL_SECRET, { algorithms: ['HS256'], maxAge: '5m' }); // ok: weak-jwt-verification
  return { caller: claims.sub, uptime: process.uptime() };
});

app.get('/legacy/feed', async (request, reply) => {
  const claims = verifyJwt( // expect: weak-jwt-verification
    request.query.t,
    process.env.FEED_SECRET,
    { algorithms: ['none'] },
  );
  return { feed: claims.feedId };
});

app.get('/tenants/:tenantId/reports/:id', async (request, reply) => {
  const raw = request.headers.authorization?.split(' ')[1];
  const claims = app.jwt.decode(raw); // expect: weak-jwt-verification
  if (claims?.tenantId !== request.params.tenantId) {
    return reply.code(403).send({ error: 'wrong tenant' });
  }
  return findReport(request.params.tenantId, request.params.id);
});

app.post('/session/extend', async (request) => {
  const claims = verifyJwt(request.body.token, process.env.JWT_SECRET, { algorithms: ['HS256'], ignoreExpiration: true }); // expect: weak-jwt-verification
  return { token: sign({ sub: claims.sub }, process.env.JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' }) }; // ok: weak-jwt-verification
});

app.get('/debug/token-header', async (request) => {
  const decoded = decodeJwt(request.query.t, { complete: true }); // ok: weak-jwt-verification
  return { alg: decoded?.header.alg, kid: decoded?.header.kid };
});

app.get('/protected', { onRequest: [app.authenticate] }, async (request) => {
  const decoded = app.jwt.verify(request.headers.authorization.slice(7)); // ok: weak-jwt-verification
  return { sub: decoded.sub };
});

await app.listen({ port: 3000 });
