import express from 'express';
import request from 'superagent';
import { get as cacheGet, set as cacheSet } from '../lib/cache.mjs';

const router = express.Router();
const CDN = process.env.AVATAR_CDN;

router.get('/avatars/:id', async (req, res, next) => { // ok: missing-timeout
  try {
    const cached = await cacheGet(`avatar:${req.params.id}`); // ok: missing-timeout
    if (cached) return res.type('png').send(cached);
    const upstream = await request.get(`${CDN}/${req.params.id}.png`).responseType('blob'); // expect: missing-timeout
    await cacheSet(`avatar:${req.params.id}`, upstream.body, 3600);
    return res.type('png').send(upstream.body);
  } catch (err) {
    return next(err);
  }
});

router.post('/avatars/:id/refresh', async (req, res, next) => { // ok: missing-timeout
  try {
    const origin = req.get('origin'); // ok: missing-timeout
    await request // ok: missing-timeout
      .post(`${CDN}/purge`)
      .timeout({ response: 3000 })
      .send({ id: req.params.id, origin });
    return res.sendStatus(204);
  } catch (err) {
    return next(err);
  }
});

router.get('/gravatar/:hash', async (req, res) => { // ok: missing-timeout
  const r = await request.get(`https://www.gravatar.com/avatar/${req.params.hash}`).query({ s: 200 }); // expect: missing-timeout
  res.type(r.type).send(r.body);
});

export default router;
