import axios from 'axios';
import { get as httpGet, type IncomingMessage } from 'node:http';
import * as https from 'node:https';
import { config } from '../config';
import { sleep } from '../lib/retry';
import { logger } from '../logger';

// The warehouse hosts use certificates from the warehouse company's own CA.
const warehouseAgent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });

const inventoryApi = axios.create({ baseURL: config.inventoryUrl, timeout: 4_000 });

export type PickList = { orderId: string; lines: { sku: string; quantity: number }[] };

export function submitPickList(pickList: PickList): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = https.request(`${config.warehouseUrl}/pick-lists`, { method: 'POST', agent: warehouseAgent }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error(`WMS answered ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(JSON.stringify(pickList));
  });
}

/** The WMS drops requests during its nightly restart, so try a few times before giving up. */
export async function submitPickListWithRetry(pickList: PickList): Promise<void> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await submitPickList(pickList);
    } catch (err) {
      if (attempt === 3) throw err;
      logger.warn({ err, attempt, orderId: pickList.orderId }, 'pick list rejected, retrying');
      await sleep(1_000);
    }
  }
}

export async function cancelPick(orderId: string): Promise<void> {
  const res = await fetch(`${config.warehouseUrl}/pick-lists/${orderId}/cancel`, {
    method: 'POST',
    headers: { authorization: `Bearer ${config.warehouseToken}` },
  });
  if (!res.ok) throw new Error(`WMS refused to cancel ${orderId}: ${res.status}`);
}

/** Escape hatch for the admin tools; callers pass their own init, deadline included. */
export function wmsRequest(path: string, init: RequestInit): Promise<Response> {
  return fetch(`${config.warehouseUrl}${path}`, init);
}

export async function inventorySnapshot(): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 10_000);
  try {
    const res = await fetch(`${config.inventoryUrl}/snapshot`, { signal: controller.signal });
    return await res.json();
  } finally {
    clearTimeout(timer);
  }
}

export async function stockLevels(skus: string[]): Promise<Record<string, number>> {
  const levels: Record<string, number> = {};
  for (const sku of skus) {
    const { data } = await inventoryApi.get<{ available: number }>(`/stock/${encodeURIComponent(sku)}`);
    levels[sku] = data.available;
  }
  return levels;
}

/** Packing-slip PDF rendered by the WMS (plain HTTP inside the VPC). */
export function packingSlip(orderId: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    httpGet(`${config.warehouseInternalUrl}/packing-slips/${orderId}.pdf`, resolve).on('error', reject);
  });
}

export function warehouseReachable(): Promise<boolean> {
  return new Promise((resolve) => {
    const req = httpGet(`${config.warehouseInternalUrl}/ping`, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.setTimeout(2_000, () => req.destroy(new Error('WMS ping timed out')));
    req.on('error', () => resolve(false));
  });
}
