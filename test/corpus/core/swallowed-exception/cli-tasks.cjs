// Second batch (written after the first measurement).
const { execSync } = require('node:child_process');
const fs = require('node:fs/promises');
const logger = require('./logger');

async function gitSha() {
  try {
    return execSync('git rev-parse HEAD', { encoding: 'utf8' }).trim();
  } catch (e) { // expect: swallowed-exception
    return 'unknown';
  }
}

async function gitShaLogged() {
  try {
    return execSync('git rev-parse HEAD', { encoding: 'utf8' }).trim();
  } catch (e) { // ok: swallowed-exception
    logger.debug('not a git checkout', e.message);
    return 'unknown';
  }
}

function readJson(path, callback) {
  fs.readFile(path, 'utf8')
    .then((text) => callback(null, JSON.parse(text)))
    .catch(callback); // ok: swallowed-exception
}

function readJsonLoose(path) {
  return fs.readFile(path, 'utf8').then(JSON.parse).catch(() => ({})); // expect: swallowed-exception
}

async function removeAll(paths) {
  await Promise.all(paths.map((p) => fs.rm(p, { force: true }).catch(() => undefined))); // expect: swallowed-exception
}

async function removeAllReported(paths) {
  const results = await Promise.allSettled(paths.map((p) => fs.rm(p)));
  for (const r of results) if (r.status === 'rejected') logger.warn(r.reason);
}

module.exports = { gitSha, gitShaLogged, readJson, readJsonLoose, removeAll, removeAllReported };
