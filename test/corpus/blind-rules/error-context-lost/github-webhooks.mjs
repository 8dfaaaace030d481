import Fastify from 'fastify';
import crypto from 'node:crypto';
import { Octokit } from '@octokit/rest';
import { enqueueBuild, loadBuild } from './queue.mjs';

const app = Fastify({ logger: true });
const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });

function verifySignature(payload, signature) {
  const expected =
    'sha256=' + crypto.createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET).update(payload).digest('hex');
  if (!signature || signature.length !== expected.length) {
    throw new Error('Missing or malformed signature'); // ok: error-context-lost
  }
  return crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
}

app.post('/webhooks/github', async (request, reply) => {
  try {
    if (!verifySignature(JSON.stringify(request.body), request.headers['x-hub-signature-256'])) {
      return reply.code(401).send({ error: 'bad signature' });
    }
  } catch (err) {
    request.log.warn('signature check threw'); // expect: error-context-lost
    return reply.code(401).send({ error: 'bad signature' });
  }

  const { repository, after } = request.body;
  try {
    await enqueueBuild({ repo: repository.full_name, sha: after });
  } catch (err) {
    request.log.error({ err, repo: repository.full_name }, 'failed to enqueue build'); // ok: error-context-lost
    return reply.code(503).send({ error: 'try again' });
  }

  try {
    await octokit.repos.createCommitStatus({
      owner: repository.owner.login,
      repo: repository.name,
      sha: after,
      state: 'pending',
    });
  } catch (error) {
    app.log.error(`could not set commit status on ${after}`); // expect: error-context-lost
  }
  return reply.code(202).send({ queued: true });
});

app.get('/builds/:id', async (request) => {
  try {
    return await loadBuild(request.params.id);
  } catch (cause) {
    throw new Error(`Failed to load build ${request.params.id}`, { cause }); // ok: error-context-lost
  }
});

app.get('/health', async () => {
  try {
    await octokit.rest.meta.get();
    return { github: 'up' };
  } catch (e) {
    app.log.error(e, 'github unreachable'); // ok: error-context-lost
    return { github: 'down' };
  }
});

try {
  await app.listen({ port: Number(process.env.PORT ?? 3000), host: '0.0.0.0' });
} catch (err) {
  app.log.fatal('server failed to start'); // expect: error-context-lost
  process.exit(1);
}
