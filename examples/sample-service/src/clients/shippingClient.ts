import axios from 'axios';
import got from 'got';
import { randomUUID } from 'node:crypto';
import { config } from '../config';
import { logger } from '../logger';

export type Quote = { carrier: string; service: string; priceCents: number; days: number };

// Rates and tracking. Labels go through the labels gateway below, which has its own limits.
const carrierApi = axios.create({
  baseURL: config.carrierApiUrl,
  headers: { 'X-Api-Version': '2' },
});

const labelsApi = axios.create({ baseURL: `${config.carrierApiUrl}/labels`, timeout: 8_000 });

const quoteCache = new Map<string, { quotes: Quote[]; expiresAt: number }>();

// Cache-style fetch: answer from memory, ask the carrier only on a miss.
async function fetch(postcode: string): Promise<Quote[]> {
  const hit = quoteCache.get(postcode);
  if (hit && hit.expiresAt > Date.now()) return hit.quotes;
  const { data } = await carrierApi.get<Quote[]>('/rates', { params: { postcode } });
  quoteCache.set(postcode, { quotes: data, expiresAt: Date.now() + 60_000 });
  return data;
}

export async function cheapestQuote(postcode: string): Promise<Quote | undefined> {
  try {
    const quotes = await fetch(postcode);
    return [...quotes].sort((a, b) => a.priceCents - b.priceCents)[0];
  } catch {
    console.warn('carrier quotes unavailable, checkout falls back to flat-rate shipping');
    return undefined;
  }
}

export async function trackingStatus(trackingNumber: string): Promise<string> {
  try {
    const { data } = await axios.get(`${config.carrierApiUrl}/tracking/${trackingNumber}`);
    return data.status;
  } catch (err) {
    logger.error({ trackingNumber }, 'tracking lookup failed');
    return 'unknown';
  }
}

export async function purchaseLabel(shipmentId: string, weightGrams: number): Promise<string> {
  const requestId = randomUUID();
  const { data } = await labelsApi.post('/purchase', { shipmentId, weightGrams }, { headers: { 'Idempotency-Key': requestId } });
  return data.labelUrl;
}

export async function voidLabel(shipmentId: string): Promise<void> {
  await labelsApi.post(`/${shipmentId}/void`, null, { headers: { 'Idempotency-Key': `void-${shipmentId}` } });
}

/** Tells the marketplace partner about a delivery event on one of their orders. */
export async function notifyMarketplace(orderId: string, event: string): Promise<void> {
  await got.post(config.marketplaceWebhookUrl, { json: { orderId, event } });
}

export async function carrierIsUp(): Promise<boolean> {
  const body = await got(`${config.carrierApiUrl}/status`, { timeout: { request: 3_000 } }).json<{ status: string }>();
  return body.status === 'ok';
}
