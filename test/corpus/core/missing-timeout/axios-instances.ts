// @ts-nocheck
import axios from 'axios';

const crm = axios.create({ baseURL: 'https://crm.internal/api', headers: { 'x-team': 'growth' } }); // expect: missing-timeout

const search = axios.create({ // expect: missing-timeout
  baseURL: 'https://search.internal',
});

const payments = axios.create({ baseURL: 'https://payments.internal', timeout: 8000 }); // ok: missing-timeout

const bare = axios.create(); // expect: missing-timeout

export async function contact(id: string) {
  return (await crm.get(`/contacts/${id}`)).data; // ok: missing-timeout
}

export async function query(q: string) {
  return (await search.post('/query', { q })).data; // ok: missing-timeout
}

export async function charge(body: unknown) {
  return payments.post('/charges', body); // ok: missing-timeout
}

export async function pingBare() {
  return bare.get('https://status.internal/ping'); // ok: missing-timeout
}
