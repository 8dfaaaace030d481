const http = require('http');
const { get, request } = require('node:https');
const { request: plainRequest } = require('node:http');
const querystring = require('querystring');

function getJson(url, cb) {
  get(url, (res) => { // expect: missing-timeout
    let raw = '';
    res.on('data', (chunk) => (raw += chunk));
    res.on('end', () => cb(null, JSON.parse(raw)));
  }).on('error', cb);
}

function postForm(host, path, fields, cb) {
  const body = querystring.stringify(fields);
  const req = request( // expect: missing-timeout
    {
      host,
      path,
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) },
    },
    (res) => cb(null, res.statusCode),
  );
  req.on('error', cb);
  req.end(body);
}

function postFormWithTimeout(host, path, fields, cb) {
  const body = querystring.stringify(fields);
  const req = request({ host, path, method: 'POST', timeout: 4000 }, (res) => cb(null, res.statusCode)); // ok: missing-timeout
  req.on('timeout', () => req.destroy(new Error('timeout')));
  req.on('error', cb);
  req.end(body);
}

function internal(path, cb) {
  const req = plainRequest({ host: 'localhost', port: 8080, path }, (res) => cb(null, res)); // expect: missing-timeout
  req.on('error', cb);
  req.end();
}

function internalGuarded(path, cb) {
  const req = plainRequest({ host: 'localhost', port: 8080, path }, (res) => cb(null, res)); // ok: missing-timeout
  req.setTimeout(2000, () => req.destroy());
  req.on('error', cb);
  req.end();
}

function download(url, dest, cb) {
  http.get(url, (res) => { // expect: missing-timeout
    res.pipe(dest);
    res.on('end', () => {
      http.get(`${url}.sha256`, (sumRes) => cb(null, sumRes)); // expect: missing-timeout
    });
  });
}

function status(cb) {
  const options = { host: 'status.internal', path: '/v1/summary' };
  http.get(options, (res) => cb(null, res.statusCode)); // expect: missing-timeout
}

function proxyTo(options, cb) {
  return http.request(options, cb); // ok: missing-timeout
}

const server = http.createServer((req, res) => { // ok: missing-timeout
  const host = req.headers.host;
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end(`hello from ${host}`);
});

module.exports = { getJson, postForm, postFormWithTimeout, internal, internalGuarded, download, status, proxyTo, server };
