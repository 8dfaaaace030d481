import Router from '@koa/router';
import type { Context } from 'koa';
import { Redis } from 'ioredis';
import { request as gqlRequest, gql } from 'graphql-request';
import axios from 'axios';

type Product = { sku: string; name: string; price: number };

const redis = new Redis(process.env.REDIS_URL!);

// local helper that reads the product cache: shares the name with the global fetch
async function fetch(sku: string): Promise<Product | null> {
  const raw = await redis.get(`product:${sku}`); // ok: missing-timeout
  return raw ? (JSON.parse(raw) as Product) : null;
}

// local helpers that share names with http/https/got exports
function get<T>(obj: Record<string, unknown>, key: string, fallback: T): T {
  return (obj[key] as T | undefined) ?? fallback;
}
const request = (ctx: Context, header: string) => ctx.get(header); // ok: missing-timeout
const got = { get: (key: string) => redis.get(`flag:${key}`) };
const http = { get: (key: string) => redis.hget('http-cache', key) };

class ProductRepository {
  async fetch(sku: string) {
    return redis.get(`product:${sku}`); // ok: missing-timeout
  }

  async refresh(sku: string) {
    const cached = await this.fetch(sku); // ok: missing-timeout
    return cached ?? null;
  }
}

const REVIEWS_QUERY = gql`
  query Reviews($sku: String!) {
    reviews(sku: $sku) { rating body }
  }
`;

const repo = new ProductRepository();
const router = new Router({ prefix: '/catalog' });

router.get('/products/:sku', async (ctx: Context) => { // ok: missing-timeout
  const product = await fetch(ctx.params.sku); // ok: missing-timeout
  const etag = request(ctx, 'if-none-match'); // ok: missing-timeout
  const beta = await got.get('catalog-beta'); // ok: missing-timeout
  const hit = await http.get(ctx.path); // ok: missing-timeout
  const currency = get(ctx.query as Record<string, unknown>, 'currency', 'EUR'); // ok: missing-timeout
  ctx.body = { product: product ?? (await repo.refresh(ctx.params.sku)), etag, beta, hit, currency };
});

router.get('/products/:sku/reviews', async (ctx: Context) => {
  ctx.body = await gqlRequest(process.env.REVIEWS_GQL_URL!, REVIEWS_QUERY, { sku: ctx.params.sku }); // ok: missing-timeout
});

router.get('/products/:sku/availability', async (ctx: Context) => {
  const inventory = await axios.get(`${process.env.INVENTORY_URL}/stock/${ctx.params.sku}`, { timeout: 1_500 }); // ok: missing-timeout
  const pricing = await axios.get(`${process.env.PRICING_URL}/price/${ctx.params.sku}`, { headers: { 'x-currency': ctx.get('x-currency') } }); // expect: missing-timeout
  const promo = await axios.get(`${process.env.PROMO_URL}/promos/${ctx.params.sku}`, { signal: AbortSignal.timeout(1_000) }); // ok: missing-timeout
  ctx.body = { stock: inventory.data.stock, price: pricing.data.price, promo: promo.data };
});

export default router;
