import Router from '@koa/router';
import axios from 'axios';
import axiosRetry, { exponentialDelay } from 'axios-retry';
import { backOff } from 'exponential-backoff';
import { saveStock, savePrices } from '../db/catalog.js';

const catalogApi = axios.create({ baseURL: process.env.CATALOG_URL, timeout: 4000 });
axiosRetry(catalogApi, { retries: 3, retryDelay: exponentialDelay }); // ok: retry-without-backoff

const PRICE_ADJUSTMENTS = {
  standard: { factor: 1, label: 'list price' }, // ok: retry-without-backoff
  member: { factor: 0.9, label: 'member price' },
  staff: { factor: 0.7, label: 'staff price' },
};

async function fetchAllProducts(cursor, acc = []) {
  const { data } = await catalogApi.get('/products', { params: { cursor, limit: 200 } });
  acc.push(...data.items);
  return data.nextCursor ? fetchAllProducts(data.nextCursor, acc) : acc; // ok: retry-without-backoff
}

function flattenCategories(node, depth = 0) {
  return [{ id: node.id, name: node.name, depth }, ...node.children.flatMap((child) => flattenCategories(child, depth + 1))]; // ok: retry-without-backoff
}

async function syncStock() {
  for (let page = 1; page <= 20; page++) { // ok: retry-without-backoff
    const { data } = await catalogApi.get('/stock', { params: { page } });
    if (data.items.length === 0) break;
    await saveStock(data.items);
  }
}

const fetchPromo = (code) =>
  backOff(() => catalogApi.get(`/promos/${encodeURIComponent(code)}`), { numOfAttempts: 5, startingDelay: 200 }); // ok: retry-without-backoff

async function fetchPriceList(tier) {
  let lastErr;
  for (let attempt = 0; attempt < 5; ++attempt) { // expect: retry-without-backoff
    try {
      const { data } = await catalogApi.get(`/prices/${tier}`);
      return data;
    } catch (err) {
      lastErr = err;
      if (err.response && err.response.status < 500) break;
    }
  }
  throw lastErr;
}

const router = new Router({ prefix: '/catalog' });

router.get('/products', async (ctx) => {
  const products = await fetchAllProducts(undefined);
  const tier = PRICE_ADJUSTMENTS[ctx.query.tier] ?? PRICE_ADJUSTMENTS.standard;
  ctx.body = products.map((p) => ({ ...p, price: Math.round(p.listPrice * tier.factor) }));
});

router.get('/categories', async (ctx) => {
  const { data } = await catalogApi.get('/categories/root');
  ctx.body = flattenCategories(data);
});

router.get('/promos/:code', async (ctx) => {
  const { data } = await fetchPromo(ctx.params.code);
  ctx.body = data;
});

router.post('/sync', async (ctx) => {
  await syncStock();
  await savePrices(await fetchPriceList(ctx.query.tier ?? 'standard'));
  ctx.status = 202;
});

export default router;
