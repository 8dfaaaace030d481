// @ts-nocheck
import superagent from 'superagent';
import request from 'superagent';
import ky from 'ky';

export async function audit(entry: unknown) {
  await superagent.post('https://audit.internal/entries').send(entry); // expect: missing-timeout
}

export async function auditBounded(entry: unknown) {
  await superagent.post('https://audit.internal/entries').send(entry).timeout(5000); // ok: missing-timeout
}

export async function auditDeadline(entry: unknown) {
  await superagent // ok: missing-timeout
    .post('https://audit.internal/entries')
    .timeout({ response: 2000, deadline: 10_000 })
    .send(entry);
}

export async function profile(id: string) {
  const res = await request.get(`https://profiles.internal/${id}`).set('accept', 'application/json'); // expect: missing-timeout
  return res.body;
}

export async function profileBounded(id: string) {
  const res = await request.get(`https://profiles.internal/${id}`).timeout({ response: 3000 }); // ok: missing-timeout
  return res.body;
}

export async function removeProfile(id: string) {
  return superagent.delete(`https://profiles.internal/${id}`); // expect: missing-timeout
}

export async function kyGet(id: string) {
  return ky.get(`https://profiles.internal/${id}`).json(); // ok: missing-timeout
}

export async function kyPost(body: unknown) {
  return ky.post('https://profiles.internal', { json: body }).json(); // ok: missing-timeout
}

export async function kyCall(url: string) {
  return ky(url).text(); // ok: missing-timeout
}
