// @ts-nocheck
import axios, { AxiosRequestConfig } from 'axios';

const API = 'https://billing.example.com/v1';

export async function getInvoice(id: string) {
  const { data } = await axios.get(`${API}/invoices/${id}`); // expect: missing-timeout
  return data;
}

export async function getInvoiceBounded(id: string) {
  const { data } = await axios.get(`${API}/invoices/${id}`, { timeout: 5000 }); // ok: missing-timeout
  return data;
}

export async function createInvoice(body: unknown) {
  return axios.post(`${API}/invoices`, body); // expect: missing-timeout
}

export async function createInvoiceWithHeaders(body: unknown, key: string) {
  return axios.post(`${API}/invoices`, body, { headers: { 'Idempotency-Key': key } }); // expect: missing-timeout
}

export async function createInvoiceBounded(body: unknown) {
  return axios.post(`${API}/invoices`, body, { timeout: 10_000, headers: { 'x-client': 'web' } }); // ok: missing-timeout
}

export async function replaceInvoice(id: string, body: unknown) {
  return axios.put(`${API}/invoices/${id}`, body); // expect: missing-timeout
}

export async function patchInvoice(id: string, patch: unknown) {
  return axios.patch(`${API}/invoices/${id}`, patch); // expect: missing-timeout
}

export async function deleteInvoice(id: string) {
  return axios.delete(`${API}/invoices/${id}`); // expect: missing-timeout
}

export async function invoiceExists(id: string) {
  const res = await axios.head(`${API}/invoices/${id}`, { validateStatus: () => true }); // expect: missing-timeout
  return res.status === 200;
}

export async function raw(method: string, url: string) {
  return axios.request({ method, url }); // expect: missing-timeout
}

export async function rawBounded(method: string, url: string) {
  return axios.request({ method, url, timeout: 3000 }); // ok: missing-timeout
}

export async function call(url: string) {
  return axios({ url, method: 'get' }); // expect: missing-timeout
}

export async function callMultiLine(url: string, data: unknown) {
  return axios({ // expect: missing-timeout
    url,
    method: 'post',
    data,
  });
}

export async function callBounded(url: string) {
  return axios({ url, method: 'get', timeout: 2500 }); // ok: missing-timeout
}

export async function callWithAbort(url: string) {
  return axios.get(url, { signal: AbortSignal.timeout(4000) }); // ok: missing-timeout
}

export async function callWithConfig(url: string, config: AxiosRequestConfig) {
  return axios.get(url, config); // ok: missing-timeout
}

export async function callWithSpreadConfig(url: string, config: AxiosRequestConfig) {
  return axios.get(url, { ...config, responseType: 'json' }); // ok: missing-timeout
}

export async function shorthand(url: string) {
  return axios(url); // expect: missing-timeout
}

export class BillingClient {
  async balance(accountId: string): Promise<number> {
    const res = await axios.get(`${API}/accounts/${accountId}/balance`, { params: { currency: 'EUR' } }); // expect: missing-timeout
    return res.data.balance;
  }

  balanceBounded = async (accountId: string): Promise<number> => {
    const res = await axios.get(`${API}/accounts/${accountId}/balance`, { timeout: 1500 }); // ok: missing-timeout
    return res.data.balance;
  };
}
