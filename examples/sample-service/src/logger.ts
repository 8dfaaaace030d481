import pino from 'pino';

// One structured logger for the API and the worker: JSON lines, one event per line.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'checkout-service' },
  redact: ['req.headers.cookie'],
});
