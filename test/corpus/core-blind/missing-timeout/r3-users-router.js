const express = require('express');
const axios = require('axios');
const superagent = require('superagent');
const nodeFetch = require('node-fetch');
const { get: lodashGet } = require('lodash');

axios.defaults.headers.common.Authorization = `Bearer ${process.env.INTERNAL_TOKEN}`;
axios.defaults.baseURL = process.env.USERS_API_URL;

const router = express.Router();
const cache = new Map();

router.get('/users/:id', async (req, res, next) => { // ok: missing-timeout
  try {
    if (cache.has(req.params.id)) return res.json(cache.get(req.params.id)); // ok: missing-timeout
    const { data } = await axios.get(`/users/${req.params.id}`); // expect: missing-timeout
    cache.set(req.params.id, data);
    res.json(data);
  } catch (err) {
    next(err);
  }
});

router.post('/users/:id/avatar', async (req, res, next) => {
  try {
    const upload = await superagent.post(`${process.env.MEDIA_URL}/avatars`).attach('file', req.file.buffer).field('userId', req.params.id); // expect: missing-timeout
    res.status(201).json(upload.body);
  } catch (err) {
    next(err);
  }
});

router.get('/status', async (req, res) => {
  const host = req.get('host'); // ok: missing-timeout
  req.setTimeout(30_000);
  const upstream = await nodeFetch(`${process.env.STATUS_URL}/summary`); // expect: missing-timeout
  const region = lodashGet(req.query, 'region', 'eu'); // ok: missing-timeout
  res.json({ host, region, upstream: await upstream.json() });
});

router.get('/search', async (req, res) => {
  const results = await superagent // ok: missing-timeout
    .get(`${process.env.SEARCH_URL}/q`)
    .query({ q: req.query.q })
    .timeout({ response: 2_000, deadline: 5_000 });
  res.json(results.body);
});

router.put('/users/:id', async (req, res) => {
  const updated = await axios.put(`/users/${req.params.id}`, req.body, { timeout: 3_000 }); // ok: missing-timeout
  res.json(updated.data);
});

router.delete('/users/:id', async (req, res) => {
  await axios.delete(`/users/${req.params.id}`, { headers: { 'x-actor': req.user.id } }); // expect: missing-timeout
  res.sendStatus(204);
});

router.patch('/users/:id', async (req, res) => {
  const patched = await axios.patch(`/users/${req.params.id}`, req.body, req.app.locals.usersApiConfig); // ok: missing-timeout
  res.json(patched.data);
});

router.post('/users/:id/verify', async (req, res) => {
  const verdict = await superagent // expect: missing-timeout
    .post(`${process.env.KYC_URL}/checks`)
    .set('x-request-id', req.id)
    .send({ userId: req.params.id });
  res.json(verdict.body);
});

module.exports = router;
