// @ts-nocheck
import express from 'express';
import pick from 'lodash/pick';
import { createLogger } from './logger';
import { loadConfig } from './config';

const logger = createLogger('config');
const app = express();

const PUBLIC_KEYS = ['PUBLIC_API_URL', 'PUBLIC_SENTRY_DSN'];

export const config = loadConfig(process.env); // ok: environment-exposure
Object.assign(process.env, { TZ: 'UTC' }); // ok: environment-exposure

app.get('/public-config', (_req, res) => {
  res.json(pick(process.env, PUBLIC_KEYS)); // ok: environment-exposure
});

app.get('/client-config', (_req, res) => {
  res.json(config.public); // ok: environment-exposure
});

app.use((req, res, next) => {
  res.locals.env = process.env.NODE_ENV; // ok: environment-exposure
  next();
});

app.get('/', (_req, res) => {
  res.render('index', { analyticsId: process.env.GA_ID }); // ok: environment-exposure
});

export function describeEnvironment() {
  logger.info('NODE_ENV=' + process.env.NODE_ENV); // ok: environment-exposure
  logger.info(`home directory is ${process.env.HOME}`); // ok: environment-exposure
  logger.warn({ missing: ['DATABASE_URL', 'REDIS_URL'].filter((k) => !process.env[k]) }, 'missing variables'); // ok: environment-exposure
}

export function failIfMissing() {
  for (const key of ['DATABASE_URL', 'JWT_SECRET']) {
    if (!process.env[key]) throw new Error(`environment variable ${key} is not set`); // ok: environment-exposure
  }
}

export function dumpForSupport() {
  logger.error({ env: process.env }, 'configuration dump for support'); // expect: environment-exposure
}

export function isProduction() {
  return process.env.NODE_ENV === 'production'; // ok: environment-exposure
}
