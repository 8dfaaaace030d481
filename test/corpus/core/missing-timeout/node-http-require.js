const https = require('node:https');
const { get } = require('http');
const { request } = require('node:http');

function fetchText(url) {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => { // expect: missing-timeout
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve(text));
    }).on('error', reject);
  });
}

function fetchTextBounded(url) {
  return new Promise((resolve, reject) => {
    const req = https.get(url, (res) => resolve(res.statusCode)); // ok: missing-timeout
    req.setTimeout(2500, () => req.destroy(new Error('timed out')));
    req.on('error', reject);
  });
}

function ping(url, cb) {
  get(url, (res) => cb(null, res.statusCode)).on('error', cb); // expect: missing-timeout
}

function pingBounded(url, cb) {
  get(url, { timeout: 1000 }, (res) => cb(null, res.statusCode)).on('error', cb); // ok: missing-timeout
}

function send(host, body, cb) {
  const req = request({ host, method: 'POST', path: '/hook' }, (res) => cb(null, res.statusCode)); // expect: missing-timeout
  req.on('error', cb);
  req.end(body);
}

function sendInline(url) {
  return require('https').get(url); // expect: missing-timeout
}

module.exports = { fetchText, fetchTextBounded, ping, pingBounded, send, sendInline };
