import express, { Router } from 'express';
import createError from 'http-errors';
import pino from 'pino';
import { User } from '../models/user.js';
import { sendWelcomeEmail } from '../mail.js';

const log = pino();
const router = Router();

router.get('/users/:id', async (req, res, next) => {
  try {
    const user = await User.findById(req.params.id);
    if (!user) return next(createError(404));
    res.json(user);
  } catch (err) { // ok: swallowed-exception
    next(err);
  }
});

router.post('/users', express.json(), async (req, res) => {
  try {
    const user = await User.create(req.body);
    res.status(201).json(user);
  } catch { // expect: swallowed-exception
    res.status(500).json({ error: 'Something went wrong' });
  }
});

router.post('/users/:id/welcome', (req, res, next) => {
  sendWelcomeEmail(req.params.id)
    .then(() => res.sendStatus(202))
    .catch(next); // ok: swallowed-exception
});

router.put('/users/:id', express.json(), async (req, res) => {
  try {
    await User.updateOne({ _id: req.params.id }, req.body);
    res.sendStatus(204);
  } catch (err) { // expect: swallowed-exception
    res.status(400).send('err: update rejected');
  }
});

router.delete('/users/:id', async (req, res, next) => {
  try {
    await User.deleteOne({ _id: req.params.id });
    res.sendStatus(204);
  } catch { // ok: swallowed-exception
    next(createError(500, 'delete failed'));
  }
});

router.get('/users/:id/avatar', async (req, res) => {
  const user = await User.findById(req.params.id).catch(() => null); // expect: swallowed-exception
  if (!user?.avatarUrl) return res.sendStatus(404);
  res.redirect(user.avatarUrl);
});

router.get('/users/:id/stats', async (req, res) => {
  try {
    res.json(await User.stats(req.params.id));
  } catch (err) { // ok: swallowed-exception
    log.warn({ err }, 'stats unavailable');
    res.json({});
  }
});

router.get('/search', async (req, res) => {
  let results = [];
  try {
    results = await User.search(String(req.query.q ?? ''));
  } catch (error) { // expect: swallowed-exception
    res.locals.error = true;
  }
  res.json({ results, degraded: Boolean(res.locals.error) });
});

export default router;
