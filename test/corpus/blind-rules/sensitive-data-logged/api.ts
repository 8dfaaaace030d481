import express, { Router, type Request, type Response, type NextFunction } from 'express';
import pinoHttp from 'pino-http';
import jwt, { type JwtPayload } from 'jsonwebtoken';
import OpenAI from 'openai';
import { logger } from './logger';
import { tokenize } from './search/tokenize';
import { Products, Orders } from './models';

const openai = new OpenAI();

export function authenticate(req: Request, res: Response, next: NextFunction) {
  const authorization = req.headers['authorization'];
  if (!authorization) {
    logger.warn({ path: req.path }, 'missing authorization header'); // ok: sensitive-data-logged
    return res.status(401).end();
  }
  const [scheme, bearerToken] = authorization.split(' ');
  logger.debug({ scheme, bearerToken }, 'parsed authorization'); // expect: sensitive-data-logged
  try {
    const claims = jwt.verify(bearerToken, process.env.JWT_PUBLIC_KEY as string, { algorithms: ['RS256'] }) as JwtPayload;
    (req as any).user = claims;
    logger.debug({ sub: claims.sub, scheme }, 'authenticated'); // ok: sensitive-data-logged
    next();
  } catch (err) {
    logger.warn({ err, authorization }, 'jwt verification failed'); // expect: sensitive-data-logged
    logger.warn({ err, path: req.path }, 'jwt verification failed'); // ok: sensitive-data-logged
    res.status(401).end();
  }
}

export function requestLogger(req: Request, _res: Response, next: NextFunction) {
  logger.info({ method: req.method, url: req.originalUrl, headers: req.headers }, 'request'); // ok: sensitive-data-logged
  next();
}

export const catalog = Router();
catalog.use(express.json(), pinoHttp({ logger }), authenticate);

catalog.post('/products/search', async (req, res) => {
  req.log.info({ body: req.body }, 'search request'); // ok: sensitive-data-logged
  const tokens = tokenize(req.body.q);
  req.log.debug({ tokens }, 'search tokens'); // ok: sensitive-data-logged
  const results = await Products.search(tokens, { limit: 50 });
  req.log.info({ count: results.length, pageToken: req.body.pageToken }, 'search done'); // ok: sensitive-data-logged
  res.json(results);
});

catalog.post('/products/:id/summary', async (req, res) => {
  const product = await Products.findById(req.params.id);
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 300,
    messages: [{ role: 'user', content: `Summarise: ${product.description}` }],
  });
  req.log.info({ usage: completion.usage, maxTokens: 300 }, 'llm usage'); // ok: sensitive-data-logged
  req.log.info(`summary used ${completion.usage?.total_tokens} tokens`); // ok: sensitive-data-logged
  req.log.debug({ cacheKey: `summary:${product.id}`, openaiKeyConfigured: Boolean(process.env.OPENAI_API_KEY) }, 'cache'); // ok: sensitive-data-logged
  res.json({ summary: completion.choices[0].message.content });
});

catalog.post('/checkout', async (req, res) => {
  req.log.info({ cardNumber: req.body.cardNumber, total: req.body.total }, 'checkout'); // expect: sensitive-data-logged
  req.log.debug(`checkout auth=${req.headers.authorization}`); // expect: sensitive-data-logged
  const order = await Orders.create({ items: req.body.items, paymentMethodId: req.body.paymentMethodId });
  req.log.info({ orderId: order.id, idempotencyKey: req.get('idempotency-key') }, 'order created'); // ok: sensitive-data-logged
  res.status(201).json(order);
});
