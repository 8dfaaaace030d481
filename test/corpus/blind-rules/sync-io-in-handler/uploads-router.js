const { Router } = require('express');
const multer = require('multer');
const { writeFileSync: save, renameSync, unlinkSync, readFileSync } = require('fs');
const fsp = require('fs').promises;
const cp = require('node:child_process');
const { scryptSync } = require('crypto');
const path = require('path');
const util = require('util');

const upload = multer({ dest: '/srv/incoming' });
const router = Router();
const readFileAsync = util.promisify(require('fs').readFile);
const ALLOWED = readFileSync(path.join(__dirname, 'allowed-mime.txt'), 'utf8').split('\n'); // ok: sync-io-in-handler

router.post('/uploads', upload.single('file'), (req, res) => {
  const target = path.join('/srv/uploads', path.basename(req.file.originalname));
  renameSync(req.file.path, target); // expect: sync-io-in-handler
  const scan = cp.spawnSync('clamscan', ['--no-summary', target]); // expect: sync-io-in-handler
  if (scan.status !== 0) {
    unlinkSync(target); // expect: sync-io-in-handler
    return res.status(422).json({ error: 'file rejected' });
  }
  save(`${target}.meta.json`, JSON.stringify({ by: req.user.id, at: Date.now() })); // expect: sync-io-in-handler
  res.status(201).json({ name: path.basename(target) });
});

router.post('/uploads/:name/share', (req, res) => {
  const secret = scryptSync(req.body.passphrase, req.params.name, 32); // expect: sync-io-in-handler
  res.json({ link: `/s/${req.params.name}?k=${secret.toString('base64url')}` });
});

router.get('/uploads/:name/meta', async (req, res) => {
  const meta = await readFileAsync(path.join('/srv/uploads', `${path.basename(req.params.name)}.meta.json`), 'utf8'); // ok: sync-io-in-handler
  res.type('application/json').send(meta);
});

router.delete('/uploads/:name', async (req, res) => {
  await fsp.unlink(path.join('/srv/uploads', path.basename(req.params.name))); // ok: sync-io-in-handler
  res.sendStatus(204);
});

router.get('/uploads/allowed', (req, res) => {
  res.json({ mime: ALLOWED });
});

module.exports = router;
