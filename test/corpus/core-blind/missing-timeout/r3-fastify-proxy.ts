import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { fetch as undiciFetch, request as undiciRequest, Agent } from 'undici';
import * as undici from 'undici';
import * as http from 'node:http';
import ky from 'ky';

const agent = new Agent({ connect: { timeout: 5_000 } });

type ProfileParams = { Params: { id: string } };

function buildLegacyOptions(req: FastifyRequest): http.RequestOptions {
  return { host: 'legacy.internal', path: req.url, method: req.method, timeout: 3_000 };
}

const proxyPlugin: FastifyPluginAsync = async (fastify) => {
  fastify.get('/proxy/profile/:id', async (request: FastifyRequest<ProfileParams>, reply) => { // ok: missing-timeout
    const res = await undiciFetch(`${process.env.PROFILE_URL}/profiles/${request.params.id}`, { dispatcher: agent }); // expect: missing-timeout
    const { body, statusCode } = await undiciRequest(`${process.env.PROFILE_URL}/avatars/${request.params.id}`); // ok: missing-timeout
    reply.code(res.status);
    return { profile: await res.json(), avatarStatus: statusCode, avatarBytes: (await body.arrayBuffer()).byteLength };
  });

  fastify.post('/proxy/events', async (request, reply) => {
    const upstream = await undiciFetch(`${process.env.EVENTS_URL}/ingest`, { // ok: missing-timeout
      method: 'POST',
      body: JSON.stringify(request.body),
      signal: AbortSignal.timeout(2_000),
    });
    reply.code(upstream.status).send();
  });

  fastify.get('/proxy/flags', async () => {
    const flags = await undici.fetch(`${process.env.FLAGS_URL}/flags`); // expect: missing-timeout
    return flags.json();
  });

  fastify.get('/proxy/legacy', (request, reply) => {
    const upstreamReq = http.request( // expect: missing-timeout
      { host: 'legacy.internal', path: request.url, method: 'GET', headers: { accept: 'application/json' } },
      (upstreamRes) => {
        reply.code(upstreamRes.statusCode ?? 502).send(upstreamRes);
      },
    );
    upstreamReq.on('error', (err) => reply.send(err));
    upstreamReq.end();
  });

  fastify.get('/proxy/legacy-v2', (request, reply) => {
    const opts = buildLegacyOptions(request);
    http.get(opts, (upstreamRes) => reply.send(upstreamRes)).on('error', (err) => reply.send(err)); // ok: missing-timeout
  });

  fastify.get('/proxy/legacy-v3', (request, reply) => {
    const upstreamReq = http.get(`http://legacy.internal${request.url}`, { timeout: 2_500 }, (upstreamRes) => reply.send(upstreamRes)); // ok: missing-timeout
    upstreamReq.on('timeout', () => upstreamReq.destroy(new Error('legacy timed out')));
  });

  fastify.get('/proxy/quote', async () => {
    const quote = await ky.get(`${process.env.QUOTES_URL}/quote`).json<{ price: number }>(); // ok: missing-timeout
    const saved = await ky.post(`${process.env.QUOTES_URL}/history`, { json: quote }).json(); // ok: missing-timeout
    return { quote, saved };
  });
};

export default proxyPlugin;
