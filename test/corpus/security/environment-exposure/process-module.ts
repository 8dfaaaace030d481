// @ts-nocheck
import { env } from 'node:process';
import proc from 'process';
import express from 'express';
import debug from 'debug';

const app = express();
const log = debug('app:config');

app.get('/env-a', (_req, res) => {
  res.json(env); // expect: environment-exposure
});

app.get('/env-b', (_req, res) => {
  res.send({ vars: proc.env }); // expect: environment-exposure
});

app.get('/env-c', (_req, res) => res.json({ ...globalThis.process.env })); // expect: environment-exposure

app.get('/env-d', (_req, res) => {
  res.json({ port: env.PORT, mode: proc.env.NODE_ENV }); // ok: environment-exposure
});

log('config %O', process.env); // expect: environment-exposure
log('port %s', process.env.PORT); // ok: environment-exposure

process.stdout.write(JSON.stringify(process.env) + '\n'); // expect: environment-exposure
process.stdout.write(`port ${process.env.PORT}\n`); // ok: environment-exposure

export function handler(req, res) {
  res.status(500).send(`<pre>${JSON.stringify(process.env, null, 2)}</pre>`); // expect: environment-exposure
}
