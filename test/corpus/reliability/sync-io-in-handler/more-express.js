const express = require('express');
const { readFileSync, writeFileSync, unlinkSync } = require('fs');
const crypto = require('crypto');
const { execFileSync } = require('child_process');
const zlib = require('zlib');

const app = express();

app.get('/export', function exportCsv(req, res) {
  const csv = readFileSync('export.csv'); // expect: sync-io-in-handler
  res.attachment('export.csv').send(csv);
});

app.delete('/cache/:key', (req, res) => {
  unlinkSync(`cache/${req.params.key}`); // expect: sync-io-in-handler
  res.sendStatus(204);
});

app.post('/verify', (req, res) => {
  const derived = crypto.scryptSync(req.body.password, 'salt', 32); // expect: sync-io-in-handler
  const same = crypto.timingSafeEqual(derived, derived); // ok: sync-io-in-handler
  res.json({ same });
});

app.post('/thumbnail', (req, res) => {
  execFileSync('convert', ['a.png', 'b.png']); // expect: sync-io-in-handler
  res.sendStatus(200);
});

app.route('/settings')
  .get((req, res) => {
    res.json(JSON.parse(readFileSync('settings.json', 'utf8'))); // expect: sync-io-in-handler
  })
  .put((req, res) => {
    writeFileSync('settings.json', JSON.stringify(req.body)); // expect: sync-io-in-handler
    res.sendStatus(204);
  });

app.get('/callback-ok', (req, res, next) => {
  require('fs').readFile('x', (err, buf) => { // ok: sync-io-in-handler
    if (err) return next(err);
    res.send(buf);
  });
});

app.get('/hash', (req, res) => {
  const h = crypto.createHash('md5').update(String(req.query.v)).digest('hex'); // ok: sync-io-in-handler
  const id = crypto.randomUUID(); // ok: sync-io-in-handler
  const json = JSON.stringify({ h, id }); // ok: sync-io-in-handler
  res.send(json);
});

app.use(function errorHandler(err, req, res, next) {
  writeFileSync('last-error.txt', String(err)); // expect: sync-io-in-handler
  res.status(500).end();
});

// a worker, not a handler
function compressLogs() {
  const buf = readFileSync('app.log'); // ok: sync-io-in-handler
  writeFileSync('app.log.gz', zlib.gzipSync(buf)); // ok: sync-io-in-handler
}

setInterval(() => {
  const stats = readFileSync('/proc/loadavg', 'utf8'); // ok: sync-io-in-handler
  console.log(stats);
}, 60000);

module.exports = { app, compressLogs };
