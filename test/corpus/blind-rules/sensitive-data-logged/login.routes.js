const express = require('express');
const { createLogger, format, transports } = require('winston');
const bcrypt = require('bcryptjs');
const jwt = require('jsonwebtoken');
const { Users, Products } = require('../models');

const logger = createLogger({ level: 'info', format: format.json(), transports: [new transports.Console()] });
const router = express.Router();

router.post('/login', async (req, res) => {
  logger.info('login request', req.body); // expect: sensitive-data-logged
  const { username, password } = req.body;
  logger.debug(`login for ${username}`); // ok: sensitive-data-logged
  const user = await Users.findOne({ where: { username } });
  if (!user || !(await bcrypt.compare(password, user.passwordHash))) {
    logger.warn('invalid credentials', { username, password }); // expect: sensitive-data-logged
    return res.status(401).json({ error: 'invalid credentials' });
  }
  const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });
  logger.info(`issued jwt ${token} to ${user.id}`); // expect: sensitive-data-logged
  res.json({ token }); // ok: sensitive-data-logged
});

router.post('/signup', async (req, res) => {
  logger.info({ message: 'signup', headers: req.headers }); // expect: sensitive-data-logged
  logger.info('signup fields', Object.keys(req.body)); // ok: sensitive-data-logged
  const user = await Users.create({
    email: req.body.email,
    passwordHash: await bcrypt.hash(req.body.password, 12),
  });
  logger.info('created user', { id: user.id }); // ok: sensitive-data-logged
  res.status(201).json({ id: user.id });
});

router.post('/password/forgot', async (req, res) => {
  logger.info('forgot password requested', { email: req.body.email }); // ok: sensitive-data-logged
  await Users.sendResetEmail(req.body.email);
  res.status(202).end();
});

router.post('/password/reset', async (req, res) => {
  logger.debug('reset payload ' + JSON.stringify(req.body)); // expect: sensitive-data-logged
  await Users.resetPassword(req.body.token, req.body.newPassword);
  res.status(204).end();
});

router.post('/products/search', async (req, res) => {
  logger.debug('product search', req.body); // ok: sensitive-data-logged
  logger.debug('client headers', req.headers); // ok: sensitive-data-logged
  const items = await Products.search(req.body.q, { limit: 50 });
  res.json(items);
});

module.exports = router;
