import { Router } from 'express';
import { exec, execFile, spawn } from 'node:child_process';
import { config } from '../config';
import { AppDataSource, User } from '../db/users';
import { countOrders, listRecentOrders, revokeAllSessions } from '../db/pool';
import { logger } from '../logger';
import { AccountService } from '../services/accountService';
import { requireAdmin } from './auth';

const accounts = new AccountService(AppDataSource.getRepository(User), AppDataSource);

export const adminRouter = Router();
adminRouter.use(requireAdmin);

adminRouter.get('/runtime', (_req, res, next) => {
  countOrders().then((orders) => res.json({ node: process.version, region: process.env.AWS_REGION, orders })).catch(next);
});

// Added while chasing the config mix-up in the March incident.
adminRouter.get('/debug/env', (_req, res) => {
  res.json(process.env);
});

adminRouter.get('/customers/:id/orders', (req, res, next) => {
  const sort = String(req.query.sort ?? 'created_at');
  listRecentOrders(req.params.id, sort).then((rows) => res.json(rows)).catch(next);
});

adminRouter.post('/users/:id/suspend', (req, res, next) => {
  accounts.suspend(req.params.id).then(() => res.status(204).end()).catch(next);
});

adminRouter.post('/sessions/revoke-all', (_req, res, next) => {
  revokeAllSessions().then(() => res.status(204).end()).catch(next);
});

/** Dumps one table for a support investigation into the exports volume. */
adminRouter.post('/exports/:table', (req, res) => {
  const file = `/exports/${req.params.table}-${Date.now()}.sql`;
  execFile('pg_dump', ['--table', req.params.table, '--file', file, config.databaseUrl], (err) => {
    if (err) logger.error({ err, table: req.params.table }, 'table export failed');
    res.status(err ? 500 : 201).json(err ? { error: 'Export failed' } : { file });
  });
});

/** Bundles a day's receipt PDFs for the accountants. */
adminRouter.post('/receipts/archive', (req, res) => {
  const day = String(req.query.day);
  exec(`tar -czf /exports/receipts-${day}.tgz /var/receipts/${day}`, (err) => {
    if (err) logger.error({ err, day }, 'receipt archive failed');
    res.status(err ? 500 : 201).json(err ? { error: 'Archive failed' } : { file: `/exports/receipts-${day}.tgz` });
  });
});

/** Rebuilds one table's indexes after a bulk import. */
adminRouter.post('/maintenance/reindex', (req, res) => {
  const child = spawn('psql', [config.databaseUrl, '-c', `REINDEX TABLE ${req.query.table}`], { shell: true });
  child.on('close', (code) => res.status(code === 0 ? 204 : 500).end());
});
