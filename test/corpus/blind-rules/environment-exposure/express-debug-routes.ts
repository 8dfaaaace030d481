import express, { Request, Response, Router } from 'express';
import { pick } from 'lodash';
import os from 'os';

const router: Router = express.Router();

const PUBLIC_KEYS = ['NODE_ENV', 'APP_VERSION', 'GIT_SHA'];

router.get('/debug/env', (req: Request, res: Response) => {
  res.json(process.env); // expect: environment-exposure
});

router.get('/debug/env.txt', (_req: Request, res: Response) => {
  res.type('text/plain').send(JSON.stringify(process.env, null, 2)); // expect: environment-exposure
});

router.get('/debug/runtime', (_req: Request, res: Response) => {
  res.status(200).json({ // expect: environment-exposure
    hostname: os.hostname(),
    uptime: process.uptime(),
    memory: process.memoryUsage(),
    env: process.env,
  });
});

router.get('/debug/env-copy', (_req: Request, res: Response) => {
  res.send({ ...process.env }); // expect: environment-exposure
});

router.get('/debug/env-merged', (_req: Request, res: Response) => {
  res.json(Object.assign({}, process.env, { requestId: res.locals.requestId })); // expect: environment-exposure
});

router.get('/debug/env-alias', (_req: Request, res: Response) => {
  const env = process.env; // ok: environment-exposure
  res.json(env); // expect: environment-exposure
});

router.get('/debug/env-partly-redacted', (_req: Request, res: Response) => {
  res.json({ ...process.env, DATABASE_URL: '[redacted]' }); // expect: environment-exposure
});

router.get('/version', (_req: Request, res: Response) => {
  res.json({ version: process.env.APP_VERSION, commit: process.env.GIT_SHA }); // ok: environment-exposure
});

router.get('/env', (_req: Request, res: Response) => {
  res.json({ env: process.env.NODE_ENV }); // ok: environment-exposure
});

router.get('/public-config', (_req: Request, res: Response) => {
  res.json(pick(process.env, PUBLIC_KEYS)); // ok: environment-exposure
});

router.get('/healthz', (_req: Request, res: Response) => {
  const env = process.env.NODE_ENV ?? 'development'; // ok: environment-exposure
  res.send({ status: 'ok', env }); // ok: environment-exposure
});

router.get('/features', (_req: Request, res: Response) => {
  res.json({ billing: Boolean(process.env.STRIPE_SECRET_KEY), search: process.env.SEARCH_ENABLED === 'true' }); // ok: environment-exposure
});

export default router;
