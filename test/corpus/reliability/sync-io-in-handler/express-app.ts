// @ts-nocheck
import express from 'express';
import fs from 'fs';
import { readFileSync, existsSync } from 'node:fs';
import * as crypto from 'crypto';
import { execSync, spawnSync } from 'child_process';
import path from 'path';

const app = express();
const router = express.Router();

// module scope: startup reads are fine
const template = readFileSync(path.join(__dirname, 'template.html'), 'utf8'); // ok: sync-io-in-handler
const config = JSON.parse(fs.readFileSync('config.json', 'utf8')); // ok: sync-io-in-handler

app.get('/report', (req, res) => {
  const data = fs.readFileSync(`reports/${req.query.id}.json`, 'utf8'); // expect: sync-io-in-handler
  res.type('json').send(data);
});

app.post('/upload', (req, res) => {
  fs.writeFileSync(`uploads/${Date.now()}`, req.body); // expect: sync-io-in-handler
  res.sendStatus(201);
});

app.get('/version', (_req, res) => {
  const sha = execSync('git rev-parse HEAD').toString(); // expect: sync-io-in-handler
  res.send(sha);
});

app.post('/login', (req, res) => {
  const hash = crypto.pbkdf2Sync(req.body.password, 'salt', 100000, 64, 'sha512'); // expect: sync-io-in-handler
  res.json({ ok: hash.length > 0 });
});

router.get('/files/:name', async (req, res) => {
  if (!existsSync(req.params.name)) return res.sendStatus(404); // expect: sync-io-in-handler
  const buf = await fs.promises.readFile(req.params.name); // ok: sync-io-in-handler
  res.send(buf);
});

router.get('/convert', (req, res) => {
  const out = spawnSync('convert', ['in.png', 'out.jpg']); // expect: sync-io-in-handler
  res.send(out.status);
});

router.get('/async-ok', async (_req, res) => {
  const text = await fs.promises.readFile('a.txt', 'utf8'); // ok: sync-io-in-handler
  const key = crypto.randomUUID(); // ok: sync-io-in-handler
  const digest = crypto.createHash('sha256').update(text).digest('hex'); // ok: sync-io-in-handler
  res.json({ key, digest });
});

function loadTemplate(name: string) {
  return readFileSync(`views/${name}.html`, 'utf8'); // ok: sync-io-in-handler
}

app.get('/page', (_req, res) => {
  res.send(template + config.title + loadTemplate('x'));
});

function renderInvoice(req: express.Request, res: express.Response) {
  const logo = fs.readFileSync('logo.png'); // expect: sync-io-in-handler
  res.send(logo);
}
app.get('/invoice', renderInvoice);

app.use((req, res, next) => {
  fs.appendFileSync('access.log', `${req.method} ${req.url}\n`); // expect: sync-io-in-handler
  next();
});

export function startup() {
  fs.mkdirSync('uploads', { recursive: true }); // ok: sync-io-in-handler
  execSync('npm run migrate'); // ok: sync-io-in-handler
  app.listen(3000);
}
