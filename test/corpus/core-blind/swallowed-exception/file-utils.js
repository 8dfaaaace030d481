const fs = require('fs');
const { readFile, stat } = fs;
const fsp = require('node:fs/promises');
const path = require('node:path');
const { pipeline } = require('node:stream');
const zlib = require('zlib');

function readJson(file) {
  return new Promise((resolve, reject) => {
    readFile(file, 'utf8', (err, text) => {
      if (err) return reject(err);
      try {
        resolve(JSON.parse(text));
      } catch (parseErr) { // ok: swallowed-exception
        reject(parseErr);
      }
    });
  });
}

function readJsonStrict(file) {
  return new Promise((resolve, reject) => {
    fsp
      .readFile(file, 'utf8')
      .then((text) => resolve(JSON.parse(text)))
      .catch((err) => reject(err)); // ok: swallowed-exception
  });
}

function readJsonOrFail(file) {
  return new Promise((resolve, reject) => {
    fsp
      .readFile(file, 'utf8')
      .then((text) => resolve(JSON.parse(text)))
      .catch(() => reject(new Error(`cannot read ${file}`))); // ok: swallowed-exception
  });
}

function gzipFile(src, dest) {
  return new Promise((resolve, reject) => {
    pipeline(fs.createReadStream(src), zlib.createGzip(), fs.createWriteStream(dest), (err) =>
      err ? reject(err) : resolve(),
    );
  });
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms}ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer)); // ok: swallowed-exception
  });
}

async function removeIfExists(file) {
  try {
    await fsp.unlink(file);
  } catch (err) { // ok: swallowed-exception
    if (err.code !== 'ENOENT') throw err;
  }
}

async function safeUnlink(file) {
  await fsp.unlink(file).catch(() => {}); // expect: swallowed-exception
}

async function fileSize(file) {
  try {
    return (await fsp.stat(file)).size;
  } catch (e) { // expect: swallowed-exception
    return 0;
  }
}

function exists(file, cb) {
  stat(file, (err) => cb(!err));
}

async function listJsonFiles(dir) {
  const entries = await fsp.readdir(dir).catch(() => []); // expect: swallowed-exception
  return entries.filter((name) => name.endsWith('.json')).map((name) => path.join(dir, name));
}

async function cleanTmp(dir) {
  const entries = await fsp.readdir(dir);
  await Promise.all(
    entries.map((name) =>
      fsp.rm(path.join(dir, name), { recursive: true }).catch(
        (err) => console.warn(`could not remove ${name}: ${err.message}`), // ok: swallowed-exception
      ),
    ),
  );
}

function copyWithCallback(src, dest, done) {
  fsp.copyFile(src, dest).then(() => done(), done); // ok: swallowed-exception
}

async function isDirectory(p) {
  try {
    return (await fsp.stat(p)).isDirectory();
  } catch { // expect: swallowed-exception
    return false;
  }
}

async function ensureDir(dir) {
  await fsp.mkdir(dir, { recursive: true }).catch((e) => { // ok: swallowed-exception
    if (e.code !== 'EEXIST') throw e;
  });
}

module.exports = {
  readJson,
  readJsonStrict,
  readJsonOrFail,
  gzipFile,
  withTimeout,
  removeIfExists,
  safeUnlink,
  fileSize,
  exists,
  listJsonFiles,
  cleanTmp,
  copyWithCallback,
  isDirectory,
  ensureDir,
};
