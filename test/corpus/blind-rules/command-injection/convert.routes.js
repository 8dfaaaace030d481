'use strict';

const express = require('express');
const path = require('path');
const { spawn, execFile } = require('child_process');

const router = express.Router();
const UPLOAD_DIR = path.resolve(__dirname, '../../uploads');

router.post('/thumbnail', (req, res, next) => {
  const src = path.join(UPLOAD_DIR, req.body.file);
  const out = src.replace(/\.\w+$/, '.thumb.png');
  const child = spawn('convert', [src, '-resize', req.body.size || '200x200', out], { shell: true }); // expect: command-injection
  child.on('close', (code) => (code === 0 ? res.json({ out }) : next(new Error(`convert exited ${code}`))));
});

router.post('/thumbnail-safe', (req, res, next) => {
  const src = path.join(UPLOAD_DIR, path.basename(req.body.file));
  const out = src.replace(/\.\w+$/, '.thumb.png');
  const child = spawn('convert', [src, '-resize', '200x200', out]); // ok: command-injection
  child.on('close', (code) => (code === 0 ? res.json({ out }) : next(new Error(`convert exited ${code}`))));
});

router.post('/transcode', (req, res, next) => {
  const { input, bitrate } = req.body;
  const args = ['-y', '-i', path.join(UPLOAD_DIR, input), '-b:a', bitrate, path.join(UPLOAD_DIR, `${input}.mp3`)];
  execFile('ffmpeg', args, { shell: true, timeout: 120000 }, (err, stdout, stderr) => { // expect: command-injection
    if (err) return next(err);
    res.json({ ok: true, log: stderr });
  });
});

router.post('/transcode-safe', (req, res, next) => {
  const { input } = req.body;
  const args = ['-y', '-i', path.join(UPLOAD_DIR, path.basename(input)), path.join(UPLOAD_DIR, 'out.mp3')];
  execFile('ffmpeg', args, { timeout: 120000 }, (err) => (err ? next(err) : res.json({ ok: true }))); // ok: command-injection
});

router.post('/probe', (req, res, next) => {
  execFile('ffprobe', ['-v', 'quiet', '-print_format', 'json', req.body.file], { shell: false }, (err, stdout) => { // ok: command-injection
    if (err) return next(err);
    res.type('json').send(stdout);
  });
});

router.get('/formats', (req, res) => {
  const child = spawn('ffmpeg', ['-hide_banner', '-formats'], { shell: true }); // ok: command-injection
  let buf = '';
  child.stdout.on('data', (d) => (buf += d));
  child.on('close', () => res.type('text').send(buf));
});

router.post('/pdf', (req, res) => {
  const child = spawn(`wkhtmltopdf ${req.body.url} ${UPLOAD_DIR}/page.pdf`, { shell: true }); // expect: command-injection
  child.on('exit', (code) => res.json({ code }));
});

router.post('/zip', (req, res) => {
  const files = req.body.files.map((f) => path.join(UPLOAD_DIR, f));
  const child = spawn( // expect: command-injection
    'zip',
    ['-j', path.join(UPLOAD_DIR, 'bundle.zip'), ...files],
    { cwd: UPLOAD_DIR, shell: true },
  );
  child.on('exit', (code) => res.json({ code }));
});

module.exports = router;
