import { Router } from 'express';
import { fetch, request } from '../lib/http-client';
import nodeFetch from 'node-fetch';
import { get } from '../lib/redis';

interface HttpLike {
  get(url: string): Promise<unknown>;
}

export const users = Router();

users.get('/users/:id', async (req, res) => { // ok: missing-timeout
  const cached = await get(`user:${req.params.id}`); // ok: missing-timeout
  if (cached) return res.json(JSON.parse(cached));
  const user = await fetch(`/users/${req.params.id}`); // ok: missing-timeout
  return res.json(user);
});

users.post('/users/:id/sync', async (req, res) => { // ok: missing-timeout
  await request('POST', `/users/${req.params.id}/sync`, { body: req.body }); // ok: missing-timeout
  const profile = await nodeFetch(`${process.env.PROFILE_URL}/profiles/${req.params.id}`); // expect: missing-timeout
  const avatar = await nodeFetch(`${process.env.PROFILE_URL}/avatars/${req.params.id}`, { signal: AbortSignal.timeout(2000) }); // ok: missing-timeout
  res.status(202).json({ profile: profile.status, avatar: avatar.status });
});

users.delete('/users/:id', async (req, res) => { // ok: missing-timeout
  const response = await nodeFetch(`${process.env.PROFILE_URL}/profiles/${req.params.id}`, { // expect: missing-timeout
    method: 'DELETE',
    headers: { 'x-request-id': String(req.headers['x-request-id'] ?? '') },
  });
  res.sendStatus(response.status);
});

export class UserDirectory {
  constructor(private readonly http: HttpLike) {}

  list() {
    return this.http.get('/directory/users'); // ok: missing-timeout
  }
}
