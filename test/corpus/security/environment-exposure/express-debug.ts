// @ts-nocheck
import express from 'express';
import pino from 'pino';

const app = express();
const logger = pino();

app.get('/debug/env', (_req, res) => {
  res.json(process.env); // expect: environment-exposure
});

app.get('/debug/config', (_req, res) => {
  res.json({ env: process.env, uptime: process.uptime() }); // expect: environment-exposure
});

app.get('/debug/raw', (_req, res) => {
  res.send(JSON.stringify(process.env, null, 2)); // expect: environment-exposure
});

app.get('/debug/status', (_req, res) => {
  res.status(200).json({ ok: true, environment: process.env }); // expect: environment-exposure
});

app.get('/debug/copy', (_req, res) => {
  res.json({ ...process.env }); // expect: environment-exposure
});

app.get('/debug/end', (_req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ env: process.env })); // expect: environment-exposure
});

app.get('/version', (_req, res) => {
  res.json({ version: process.env.APP_VERSION, env: process.env.NODE_ENV }); // ok: environment-exposure
});

app.get('/health', (_req, res) => {
  res.json({ status: 'ok', region: process.env.AWS_REGION ?? 'unknown' }); // ok: environment-exposure
});

app.get('/flags', (_req, res) => {
  const publicConfig = { apiUrl: process.env.PUBLIC_API_URL, sentryDsn: process.env.PUBLIC_SENTRY_DSN };
  res.json(publicConfig); // ok: environment-exposure
});

app.get('/env-keys', (_req, res) => {
  res.json({ configured: Object.keys(process.env).filter((k) => k.startsWith('FEATURE_')) }); // ok: environment-exposure
});

app.listen(Number(process.env.PORT ?? 3000), () => {
  logger.info({ port: process.env.PORT }, 'listening'); // ok: environment-exposure
});
