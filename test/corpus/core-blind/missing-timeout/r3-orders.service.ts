import { Injectable, Logger } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { ConfigService } from '@nestjs/config';
import axios, { AxiosInstance, AxiosRequestConfig } from 'axios';
import got from 'got';
import { firstValueFrom } from 'rxjs';

interface Order {
  id: string;
  total: number;
  customerId: string;
}

@Injectable()
export class OrdersService {
  private readonly logger = new Logger(OrdersService.name);

  private readonly inventory: AxiosInstance = axios.create({ // expect: missing-timeout
    baseURL: process.env.INVENTORY_URL,
    headers: { 'x-service': 'orders' },
  });

  private readonly payments = axios.create({ // ok: missing-timeout
    baseURL: process.env.PAYMENTS_URL,
    timeout: 4_000,
  });

  private readonly shipping = got.extend({ // expect: missing-timeout
    prefixUrl: process.env.SHIPPING_URL,
    responseType: 'json',
  });

  private readonly ping = async (): Promise<boolean> => (await axios.request({ url: `${process.env.PAYMENTS_URL}/ping`, method: 'GET' })).status === 200; // expect: missing-timeout

  constructor(
    private readonly http: HttpService,
    private readonly config: ConfigService,
  ) {}

  async reserve(order: Order) {
    const { data } = await this.inventory.post('/reservations', { orderId: order.id }); // ok: missing-timeout
    return data;
  }

  async charge(order: Order) {
    return this.payments.post('/charges', { amount: order.total, orderId: order.id }); // ok: missing-timeout
  }

  async quoteShipping(order: Order) {
    return this.shipping.post('quotes', { json: { orderId: order.id } }).json(); // ok: missing-timeout
  }

  async fetchCustomer(id: string) {
    const res = await firstValueFrom(this.http.get(`${process.env.CRM_URL}/customers/${id}`)); // ok: missing-timeout
    return res.data;
  }

  async exchangeRate(currency: string): Promise<number> {
    const { data } = await axios.get<{ rate: number }>( // expect: missing-timeout
      `https://fx.internal/rates/${currency}`,
      { headers: { accept: 'application/json' } },
    );
    return data.rate;
  }

  async notifyWarehouse(order: Order) {
    await axios.post( // ok: missing-timeout
      `${process.env.WAREHOUSE_URL}/orders`,
      order,
      { timeout: 2_500, headers: { 'content-type': 'application/json' } } as AxiosRequestConfig,
    );
  }

  async refund(order: Order, reason?: string) {
    return axios.post(`${process.env.PAYMENTS_URL}/refunds`, { orderId: order.id, reason }, { headers: { 'idempotency-key': order.id } } satisfies AxiosRequestConfig); // expect: missing-timeout
  }

  async openSession(order: Order) {
    // `timeout` here is a field of the request body (session TTL), not the axios config
    const { data } = await axios.post(`${process.env.CHECKOUT_URL}/sessions`, { customerId: order.customerId, timeout: 3600 }); // expect: missing-timeout
    return data.sessionId as string;
  }

  async updateAddress(order: Order, address: Record<string, string>) {
    await axios.put(`${process.env.CRM_URL}/customers/${order.customerId}/address`, address); // expect: missing-timeout
    await axios // expect: missing-timeout
      .patch(`${process.env.CRM_URL}/orders/${order.id}`, { addressChanged: true }, { headers: { 'x-actor': 'orders' } })
      .catch((err) => this.logger.warn(`patch failed: ${err.message}`));
  }

  async legacyLookup(sku: string) {
    return got(`${process.env.LEGACY_URL}/sku/${sku}`, { timeout: { request: 3_000 } }).json(); // ok: missing-timeout
  }

  async catalogue(sku: string) {
    return got.get(`${process.env.CATALOGUE_URL}/items/${sku}`).json<{ name: string }>(); // expect: missing-timeout
  }

  get health() {
    return axios.head(`${process.env.INVENTORY_URL}/health`); // expect: missing-timeout
  }

  async isHealthy() {
    const ok = await this.ping();
    this.logger.log(`payments reachable: ${ok}`);
    return ok;
  }
}
