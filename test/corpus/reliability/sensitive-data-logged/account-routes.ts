// @ts-nocheck
// (named account-routes, not auth-routes: a file whose name says "auth" makes every route in it an
// authentication route, and this file also holds a product route that is not one)
import express from 'express';
import pino from 'pino';

const logger = pino();
const router = express.Router();

router.post('/login', async (req, res) => {
  const { email, password } = req.body;
  logger.info({ email, password }, 'login attempt'); // expect: sensitive-data-logged
  console.log('login body', req.body); // expect: sensitive-data-logged
  console.log('login headers', req.headers); // expect: sensitive-data-logged
  // relabelled: an e-mail address is personal data, which the definition names; the first draft had
  // left it out as too common, but that is noise tolerance, not the definition
  logger.info({ email }, 'login attempt'); // expect: sensitive-data-logged
  logger.debug(`password is ${password}`); // expect: sensitive-data-logged
  const token = await issueToken(email);
  logger.info({ userId: email, token }, 'issued'); // expect: sensitive-data-logged
  logger.info('issued token for %s', email); // expect: sensitive-data-logged
  res.json({ token });
});

router.post('/signup', (req, res) => {
  logger.info(req.body, 'signup'); // expect: sensitive-data-logged
  logger.info({ path: req.path, method: req.method }, 'signup'); // ok: sensitive-data-logged
  res.sendStatus(201);
});

router.get('/me', (req, res) => {
  console.log('auth header', req.headers.authorization); // expect: sensitive-data-logged
  console.log('user agent', req.headers['user-agent']); // ok: sensitive-data-logged
  logger.info({ authorization: req.get('authorization') }, 'who am i'); // expect: sensitive-data-logged
  res.json({});
});

// not an auth route: logging the whole body of a product update is not named sensitive
router.post('/products', (req, res) => {
  logger.info(req.body, 'product update'); // ok: sensitive-data-logged
  res.sendStatus(200);
});

router.post('/auth/refresh', (req, res) => {
  const refreshToken = req.body.refreshToken;
  logger.warn({ refreshToken }, 'refresh attempt'); // expect: sensitive-data-logged
  logger.warn({ hasRefreshToken: Boolean(refreshToken) }, 'refresh attempt'); // ok: sensitive-data-logged
  res.sendStatus(200);
});

async function issueToken(email: string): Promise<string> {
  return email;
}

export { router };
