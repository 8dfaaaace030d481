const express = require('express');
const { execSync, spawnSync, exec } = require('child_process');
const fs = require('node:fs');
const os = require('os');
const { promisify } = require('util');

const execAsync = promisify(exec);
const app = express();
app.use(express.json());

const GIT_SHA = execSync('git rev-parse --short HEAD').toString().trim(); // ok: sync-io-in-handler

app.use((req, res, next) => {
  const maintenance = fs.existsSync('/etc/app/maintenance'); // expect: sync-io-in-handler
  if (maintenance) return res.status(503).send('Down for maintenance');
  next();
});

app.get('/admin/version', (req, res) => {
  res.json({ sha: GIT_SHA, host: os.hostname(), uptime: process.uptime() });
});

app.get('/admin/disk', (req, res) => {
  const out = execSync('df -h /var/lib/postgresql', { encoding: 'utf8' }); // expect: sync-io-in-handler
  res.type('text/plain').send(out);
});

app.get('/admin/disk-async', async (req, res) => {
  const { stdout } = await execAsync('df -h /var/lib/postgresql'); // ok: sync-io-in-handler
  res.type('text/plain').send(stdout);
});

app.post('/admin/backup', function (req, res) {
  const result = spawnSync( // expect: sync-io-in-handler
    'pg_dump',
    ['--format=custom', '--file', '/backups/latest.dump', process.env.DATABASE_URL],
    { stdio: 'pipe' },
  );
  if (result.status !== 0) return res.status(500).send(result.stderr.toString());
  fs.appendFileSync('/var/log/app/backups.log', `${new Date().toISOString()} ok\n`); // expect: sync-io-in-handler
  res.sendStatus(204);
});

app.post('/admin/backup-async', (req, res) => {
  exec('pg_dump --format=custom --file /backups/latest.dump', (err) => { // ok: sync-io-in-handler
    if (err) return res.status(500).send(err.message);
    fs.appendFile('/var/log/app/backups.log', `${new Date().toISOString()} ok\n`, () => res.sendStatus(204)); // ok: sync-io-in-handler
  });
});

app.get('/admin/logs', (req, res) => {
  const tail = require('child_process').execFileSync('tail', ['-n', '200', '/var/log/app/app.log']); // expect: sync-io-in-handler
  res.type('text/plain').send(tail);
});

app.get('/admin/logs/stream', (req, res) => {
  fs.createReadStream('/var/log/app/app.log').pipe(res); // ok: sync-io-in-handler
});

app.get('/admin/config', (req, res) => {
  fs.readFile('/etc/app/config.json', 'utf8', (err, data) => { // ok: sync-io-in-handler
    if (err) return res.status(500).end();
    res.type('application/json').send(data);
  });
});

const server = app.listen(process.env.PORT || 3000, () => {
  fs.writeFileSync('/var/run/admin.pid', String(process.pid)); // ok: sync-io-in-handler
});

process.on('SIGTERM', () => {
  fs.unlinkSync('/var/run/admin.pid'); // ok: sync-io-in-handler
  server.close(() => process.exit(0));
});

module.exports = app;
