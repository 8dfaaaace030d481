import asyncRetry from 'async-retry';
import { Client } from '@elastic/elasticsearch';
import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

const es = new Client({ node: process.env.ES_URL, maxRetries: 3 }); // ok: unbounded-retry

export class SearchIndexer extends EventEmitter {
  #queue = [];
  #timer = null;

  async bootstrap() {
    await asyncRetry(() => es.ping(), { forever: true, onRetry: (err) => this.emit('warn', err) }); // expect: unbounded-retry
  }

  async createIndex(name) {
    await asyncRetry(
      async (bail, attempt) => {
        try {
          await es.indices.create({ index: name });
        } catch (err) {
          if (err.meta?.body?.error?.type === 'resource_already_exists_exception') return;
          if (err.meta?.statusCode === 400) bail(err);
          throw err;
        }
      },
      { retries: 5, minTimeout: 200 } // ok: unbounded-retry
    );
  }

  enqueue(doc) {
    this.#queue.push(doc);
    if (!this.#timer) this.#timer = setTimeout(() => this.flush(), 1000);
  }

  async flush() {
    this.#timer = null;
    const batch = this.#queue.splice(0, 500);
    if (!batch.length) return;
    try {
      await es.bulk({ operations: batch.flatMap((d) => [{ index: { _index: d.index, _id: d.id } }, d.body]) });
    } catch (err) {
      this.emit('warn', err);
      this.#queue.unshift(...batch);
      setTimeout(this.flush.bind(this), 2000); // expect: unbounded-retry
    }
  }

  async reindexAll(cursor) {
    let page;
    try {
      page = await es.search({ index: 'products', search_after: cursor, size: 1000, sort: ['_id'] });
    } catch (err) {
      this.emit('error', err);
      return;
    }
    for (const hit of page.hits.hits) this.enqueue({ index: 'products_v2', id: hit._id, body: hit._source });
    if (page.hits.hits.length) await this.reindexAll(page.hits.hits.at(-1).sort); // ok: unbounded-retry
  }

  async refreshUntilGreen(index) {
    let healthy = false;
    let attempt = 0;
    while (!healthy) { // ok: unbounded-retry
      attempt++;
      if (attempt > 20) throw new Error(`index ${index} not green after 20 checks`);
      try {
        const { status } = await es.cluster.health({ index });
        healthy = status === 'green';
      } catch (err) {
        this.emit('warn', err);
      }
      if (!healthy) await sleep(1000);
    }
  }

  async warmCache() {
    while (true) { // expect: unbounded-retry
      try {
        await es.indices.refresh({ index: 'products' });
        await es.search({ index: 'products', size: 0 });
        return;
      } catch (err) {
        if (err.name === 'ResponseError' && err.meta.statusCode === 404) throw err;
        this.emit('warn', err);
        await sleep(3000);
      }
    }
  }

  async countDocs(index) {
    try {
      const { count } = await es.count({ index });
      return count;
    } catch (err) {
      this.emit('warn', err);
      return this.countDocsFromStats(index); // ok: unbounded-retry
    }
  }

  async countDocsFromStats(index) {
    const stats = await es.indices.stats({ index });
    return stats._all.primaries.docs.count;
  }
}
