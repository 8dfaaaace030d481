// @ts-nocheck
// Second batch, written after the first measurement: more shapes a judge could write from the issue text.
import axios from 'axios';
import * as undici from 'undici';
import superagent from 'superagent';
import http from 'node:http';
import type { User } from './types';

const base = new URL('https://users.internal');

export async function userByUrl(id: string) {
  return fetch(new URL(`/users/${id}`, base)); // expect: missing-timeout
}

export async function userFetchTimeoutOption(id: string) {
  // fetch has no `timeout` option: this sets none
  return fetch(`https://users.internal/users/${id}`, { timeout: 5000 }); // expect: missing-timeout
}

export async function userAnySignal(id: string, outer: AbortSignal) {
  return fetch(`https://users.internal/users/${id}`, { signal: AbortSignal.any([outer, AbortSignal.timeout(3000)]) }); // ok: missing-timeout
}

export async function userViaUndiciNamespace(id: string) {
  return undici.fetch(`https://users.internal/users/${id}`); // expect: missing-timeout
}

export async function typedRequest(id: string) {
  const { data } = await axios.request<User>({ url: `https://users.internal/users/${id}`, method: 'GET' }); // expect: missing-timeout
  return data;
}

export async function typedGet(id: string) {
  const { data } = await axios.get<User>(`https://users.internal/users/${id}`, { timeout: 2000 }); // ok: missing-timeout
  return data;
}

export class UsersGateway {
  private client;
  private bounded;

  constructor(baseURL: string) {
    this.client = axios.create({ baseURL }); // expect: missing-timeout
    this.bounded = axios.create({ baseURL, timeout: 3000 }); // ok: missing-timeout
  }

  list() {
    return this.client.get('/users'); // ok: missing-timeout
  }

  listBounded() {
    return this.bounded.get('/users'); // ok: missing-timeout
  }
}

export function postUser(body: string) {
  const req = http.request('http://users.internal/users', { method: 'POST' }, (res) => res.resume()); // expect: missing-timeout
  req.end(body);
}

export function postUserBounded(body: string) {
  const req = http.request('http://users.internal/users', { method: 'POST', timeout: 4000 }, (res) => res.resume()); // ok: missing-timeout
  req.on('timeout', () => req.destroy());
  req.end(body);
}

export function pingUser() {
  http.get('http://users.internal/health'); // expect: missing-timeout
}

export async function superagentCallForm(id: string) {
  return superagent('GET', `https://users.internal/users/${id}`); // expect: missing-timeout
}

export async function superagentCallFormBounded(id: string) {
  return superagent('GET', `https://users.internal/users/${id}`).timeout(3000); // ok: missing-timeout
}
