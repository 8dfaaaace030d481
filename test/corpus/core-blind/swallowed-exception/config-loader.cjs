'use strict';

const fs = require('node:fs');
const path = require('path');
const { readFile } = require('node:fs/promises');
const yaml = require('js-yaml');

const DEFAULTS = { port: 3000, logLevel: 'info' };

function loadJsonSync(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) { // ok: swallowed-exception
    if (e.code === 'ENOENT') return {};
    throw e;
  }
}

function loadOptionalYaml(file) {
  try {
    return yaml.load(fs.readFileSync(file, 'utf8'));
  } catch (e) { // ok: swallowed-exception
    if (e.code === 'ENOENT') return null;
    return DEFAULTS;
  }
}

function readVersion() {
  try {
    return require(path.join(process.cwd(), 'package.json')).version;
  } catch { // expect: swallowed-exception
    return '0.0.0';
  }
}

async function loadSecrets(dir) {
  const secrets = {};
  for (const name of await fs.promises.readdir(dir)) {
    try {
      secrets[name] = (await readFile(path.join(dir, name), 'utf8')).trim();
    } catch (err) { // expect: swallowed-exception
      // unreadable secret files are skipped
    }
  }
  return secrets;
}

function loadConfig(env = process.env.NODE_ENV || 'development') {
  const file = path.join(__dirname, `config.${env}.json`);
  let fileConfig = {};
  try {
    fileConfig = loadJsonSync(file);
  } catch (err) { // ok: swallowed-exception
    console.error(`Failed to parse ${file}:`, err.message);
    process.exit(1);
  }
  return { ...DEFAULTS, ...fileConfig, version: readVersion() };
}

function watchConfig(file, onChange) {
  fs.watch(file, () => {
    readFile(file, 'utf8')
      .then((text) => onChange(JSON.parse(text)))
      .catch(function () { // expect: swallowed-exception
        return null;
      });
  });
}

function loadConfigAsync(file, callback) {
  readFile(file, 'utf8')
    .then((text) => callback(null, JSON.parse(text)))
    .catch((err) => callback(err)); // ok: swallowed-exception
}

function loadOrDefault(file, cb) {
  let parsed;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) { // ok: swallowed-exception
    return cb(null, DEFAULTS);
  }
  cb(null, parsed);
}

function parsePort(value) {
  try {
    const port = Number.parseInt(value, 10);
    if (Number.isNaN(port)) throw new TypeError(`not a port: ${value}`);
    return port;
  } catch ({ message }) { // ok: swallowed-exception
    process.emitWarning(message);
    return DEFAULTS.port;
  }
}

module.exports = { loadConfig, loadConfigAsync, loadOrDefault, loadOptionalYaml, loadSecrets, watchConfig, parsePort };
