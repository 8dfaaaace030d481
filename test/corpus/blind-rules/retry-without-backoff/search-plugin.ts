import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { setTimeout as wait } from 'timers/promises';
import { Client as ElasticClient } from '@elastic/elasticsearch';
import { backoff, withJitter } from '../lib/backoff';

const BASE_DELAY = 400;
const RETRY_SCHEDULE_MS = [100, 400, 1600, 6400];

export default fp(async function searchPlugin(app: FastifyInstance) {
  const es = new ElasticClient({ node: process.env.ES_URL });

  async function waitForCluster(): Promise<void> {
    let attempt = 0;
    while (true) { // expect: retry-without-backoff
      try {
        await es.cluster.health({ wait_for_status: 'yellow' });
        return;
      } catch (err) {
        attempt += 1;
        if (attempt >= 5) throw err;
        app.log.warn({ attempt }, 'elasticsearch not ready yet');
      }
    }
  }

  async function indexDoc(index: string, id: string, doc: Record<string, unknown>) {
    for (let attempt = 0; attempt < 4; attempt++) { // expect: retry-without-backoff
      if (attempt > 0) await wait(BASE_DELAY);
      try {
        return await es.index({ index, id, document: doc });
      } catch (err) {
        if (attempt === 3) throw err;
      }
    }
  }

  async function bulkIndex(operations: unknown[]) {
    let delay = 250;
    for (let attempt = 0; attempt < 5; attempt++) { // ok: retry-without-backoff
      try {
        return await es.bulk({ operations });
      } catch (err) {
        if (attempt === 4) throw err;
        await wait(delay);
        delay *= 2;
      }
    }
  }

  async function refreshIndex(index: string) {
    for (let attempt = 0; attempt < RETRY_SCHEDULE_MS.length; attempt++) { // ok: retry-without-backoff
      try {
        return await es.indices.refresh({ index });
      } catch (err) {
        if (attempt === RETRY_SCHEDULE_MS.length - 1) throw err;
        await wait(RETRY_SCHEDULE_MS[attempt]);
      }
    }
  }

  async function deleteDoc(index: string, id: string) {
    for (let attempt = 1; attempt <= 3; attempt++) { // ok: retry-without-backoff
      try {
        return await es.delete({ index, id });
      } catch (err) {
        if (attempt === 3) throw err;
        await wait(backoff(attempt));
      }
    }
  }

  async function updateAlias(alias: string, index: string) {
    for (let attempt = 0; attempt < 3; attempt++) { // ok: retry-without-backoff
      try {
        return await es.indices.putAlias({ index, name: alias });
      } catch (err) {
        if (attempt === 2) throw err;
        await wait(withJitter(BASE_DELAY));
      }
    }
  }

  async function putMapping(index: string, properties: Record<string, unknown>) {
    let tries = 3;
    while (tries-- > 0) { // expect: retry-without-backoff
      try {
        return await es.indices.putMapping({ index, properties });
      } catch (err) {
        app.log.error({ err, index }, 'put mapping failed');
        if (tries === 0) throw err;
      }
    }
  }

  await waitForCluster();
  app.decorate('search', { indexDoc, bulkIndex, refreshIndex, deleteDoc, updateAlias, putMapping });

  app.post<{ Params: { index: string; id: string }; Body: Record<string, unknown> }>(
    '/search/:index/:id',
    async (request, reply) => {
      await indexDoc(request.params.index, request.params.id, request.body);
      return reply.code(201).send({ ok: true });
    },
  );
});
