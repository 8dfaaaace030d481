import * as superagent from 'superagent';
import { chunk } from 'lodash';
import { get } from 'http';

const ES = process.env.ELASTIC_URL ?? 'http://localhost:9200';

export interface Doc {
  id: string;
  [field: string]: unknown;
}

export async function bulkIndex(index: string, docs: Doc[]): Promise<void> {
  for (const batch of chunk(docs, 500)) {
    const body = batch.map((d) => `${JSON.stringify({ index: { _id: d.id } })}\n${JSON.stringify(d)}\n`).join('');
    await superagent.post(`${ES}/${index}/_bulk`).type('application/x-ndjson').send(body).timeout({ deadline: 30000 }); // ok: missing-timeout
  }
}

export async function refresh(index: string): Promise<void> {
  await superagent.post(`${ES}/${index}/_refresh`); // expect: missing-timeout
}

export async function search<T>(index: string, query: object): Promise<T[]> {
  const res = await superagent // expect: missing-timeout
    .post(`${ES}/${index}/_search`)
    .send({ query })
    .set('Accept', 'application/json');
  return res.body.hits.hits.map((h: { _source: T }) => h._source);
}

export async function count(index: string): Promise<number> {
  const { body } = await superagent.get(`${ES}/${index}/_count`).timeout(3000).retry(1); // ok: missing-timeout
  return body.count;
}

// The `timeout` query parameter is a server-side limit, not a client timeout.
export async function deleteByQuery(index: string, query: object): Promise<void> {
  await superagent.post(`${ES}/${index}/_delete_by_query?timeout=5m`).send({ query }); // expect: missing-timeout
}

export function clusterHealth(): Promise<string> {
  return new Promise((resolve, reject) => {
    get(`${ES}/_cluster/health`, (res) => { // expect: missing-timeout
      let raw = '';
      res.on('data', (c) => (raw += c));
      res.on('end', () => resolve(JSON.parse(raw).status));
    }).on('error', reject);
  });
}

export function nodeStats(): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = get(`${ES}/_nodes/stats`, { timeout: 2000 }, (res) => resolve(res.statusCode ?? 0)); // ok: missing-timeout
    req.on('timeout', () => req.destroy());
    req.on('error', reject);
  });
}
