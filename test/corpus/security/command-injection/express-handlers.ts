// @ts-nocheck
import express from 'express';
import { exec, execSync, spawn } from 'child_process';

const router = express.Router();

router.post('/dns', (req, res) => {
  exec(`nslookup ${req.body.domain}`, (err, stdout) => { // expect: command-injection
    res.send(stdout);
  });
});

router.get('/ls', (req, res) => {
  const out = execSync('ls -la ' + req.query.dir); // expect: command-injection
  res.type('text').send(out);
});

router.post('/convert', (req, res) => {
  const proc = spawn('pandoc', ['-f', 'markdown', '-t', req.body.format], { shell: true }); // expect: command-injection
  proc.stdout.pipe(res);
});

router.post('/convert-safe', (req, res) => {
  const proc = spawn('pandoc', ['-f', 'markdown', '-t', req.body.format]); // ok: command-injection
  proc.stdout.pipe(res);
});

router.get('/health', (_req, res) => {
  execSync('pg_isready'); // ok: command-injection
  res.sendStatus(204);
});

router.post('/exec-options', (req, res) => {
  const command = `tail -n ${req.body.lines} /var/log/app.log`;
  exec(command, { timeout: 5000 }, (err, stdout) => res.send(stdout)); // expect: command-injection
});

export { router };
