// src/plugins/db.ts — Fastify plugin wiring Mongo and the search index
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import mongoose from 'mongoose';
import asyncRetry = require('async-retry');
import { setTimeout as sleep } from 'node:timers/promises';
import { searchClient } from '../search';

declare module 'fastify' {
  interface FastifyInstance {
    mongo: typeof mongoose;
  }
}

async function connectWithBackoff(app: FastifyInstance, uri: string, delayMs = 500): Promise<typeof mongoose> {
  try {
    return await mongoose.connect(uri);
  } catch (err) {
    app.log.warn({ err, delayMs }, 'mongo connect failed');
    await sleep(delayMs);
    return connectWithBackoff(app, uri, Math.min(delayMs * 2, 30_000)); // expect: unbounded-retry
  }
}

const ensureIndexes = async ({ coll, attempt = 0 }: { coll: string; attempt?: number }): Promise<void> => {
  try {
    await mongoose.connection.collection(coll).createIndex({ createdAt: 1 });
  } catch (err) {
    if (attempt < 2) return ensureIndexes({ coll, attempt: attempt + 1 }); // ok: unbounded-retry
    throw err;
  }
};

const dbPlugin: FastifyPluginAsync<{ uri: string; replicaUri?: string }> = async (app, opts) => {
  const conn = opts.replicaUri
    ? await asyncRetry(() => mongoose.connect(opts.replicaUri!), {
        forever: true, // expect: unbounded-retry
        onRetry: (e: Error) => app.log.warn(e, 'replica connect retry'),
      })
    : await connectWithBackoff(app, opts.uri);
  app.decorate('mongo', conn);

  await asyncRetry(() => searchClient.ping(), {
    retries: Number.POSITIVE_INFINITY, // expect: unbounded-retry
    maxTimeout: 15_000,
  });

  await ensureIndexes({ coll: 'orders' });

  app.get('/ready', async (_req, reply) => {
    const ok = await asyncRetry(() => mongoose.connection.db!.admin().ping(), {
      retries: 2, // ok: unbounded-retry
      forever: false, // ok: unbounded-retry
    });
    return reply.send({ ok });
  });

  app.get('/search', async (req, reply) => {
    const q = (req.query as { q?: string }).q ?? '';
    const result = await asyncRetry(() => searchClient.search(q), {
      retries: 5,
      maxRetryTime: Infinity, // ok: unbounded-retry
    });
    return reply.send(result);
  });

  app.addHook('onClose', async () => {
    await mongoose.disconnect();
  });
};

export default fp(dbPlugin, { name: 'db' });
