import got, { type Got, type OptionsOfJSONResponseBody, HTTPError } from 'got';
import { sharedGotOptions } from './shared-options';

export interface Product {
  id: string;
  name: string;
  priceCents: number;
}

export interface PriceRow {
  sku: string;
  price: number;
}

export interface Review {
  rating: number;
  text: string;
}

const base = got.extend({ // expect: missing-timeout
  prefixUrl: process.env.CATALOG_URL,
  headers: { 'user-agent': 'storefront/1.0' },
  retry: { limit: 2 },
});

const search = got.extend({ // ok: missing-timeout
  prefixUrl: process.env.SEARCH_URL,
  timeout: { request: 4000 },
});

const internal = got.extend(sharedGotOptions); // ok: missing-timeout

export class CatalogClient {
  constructor(private readonly client: Got = base) {}

  async product(id: string): Promise<Product | null> {
    try {
      return await this.client.get(`products/${id}`).json<Product>(); // ok: missing-timeout
    } catch (err) {
      if (err instanceof HTTPError && err.response.statusCode === 404) return null;
      throw err;
    }
  }

  async searchProducts(q: string) {
    return search.get('search', { searchParams: { q } }).json<Product[]>(); // ok: missing-timeout
  }

  async stock(sku: string) {
    return internal.get(`stock/${sku}`).json<{ available: number }>(); // ok: missing-timeout
  }

  async image(url: string) {
    return got(url, { responseType: 'buffer' }); // expect: missing-timeout
  }

  async thumbnail(url: string) {
    const res = await got(url, { responseType: 'buffer', timeout: { lookup: 200, connect: 1000, request: 5000 } }); // ok: missing-timeout
    return res.body;
  }

  async priceFeed(): Promise<PriceRow[]> {
    return got.get('https://feeds.example.com/prices.json').json<PriceRow[]>(); // expect: missing-timeout
  }

  async submitReview(productId: string, review: Review) {
    const res = await got.post( // expect: missing-timeout
      `${process.env.REVIEWS_URL}/products/${productId}/reviews`,
      { json: review, responseType: 'json' },
    );
    return res.body;
  }

  async submitRating(productId: string, rating: number) {
    await got.post(`${process.env.REVIEWS_URL}/products/${productId}/ratings`, { // ok: missing-timeout
      json: { rating },
      timeout: { request: 2500 },
    });
  }

  async passthrough(url: string, options: OptionsOfJSONResponseBody) {
    return got(url, options); // ok: missing-timeout
  }
}

export const tenantClient = (tenantId: string): Got => got.extend({ prefixUrl: process.env.CATALOG_URL, headers: { 'x-tenant': tenantId } }); // expect: missing-timeout
