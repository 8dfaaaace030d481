'use strict';

const fs = require('fs');
const path = require('path');
const log = require('pino')({ name: 'config' });
const yaml = require('js-yaml');
const { validate } = require('./schema');

const CONFIG_DIR = process.env.CONFIG_DIR || path.join(__dirname, '..', '..', 'config');

function loadYaml(file) {
  const full = path.join(CONFIG_DIR, file);
  if (!fs.existsSync(full)) {
    log.error(`config file ${full} missing`); // ok: error-context-lost
    throw new Error(`Missing config file ${file}`); // ok: error-context-lost
  }
  const text = fs.readFileSync(full, 'utf8');
  try {
    return yaml.load(text);
  } catch (e) {
    throw new Error(`Invalid YAML in ${file}`); // expect: error-context-lost
  }
}

function loadOverrides(file, cb) {
  fs.readFile(path.join(CONFIG_DIR, file), 'utf8', (err, text) => {
    if (err) {
      log.warn(`no overrides file ${file}`); // ok: error-context-lost
      return cb(null, {});
    }
    try {
      return cb(null, JSON.parse(text));
    } catch (parseErr) {
      log.error({ err: parseErr, file }, 'overrides file is not valid JSON'); // ok: error-context-lost
      return cb(parseErr);
    }
  });
}

function parsePort(value) {
  const port = Number.parseInt(value, 10);
  if (Number.isNaN(port)) {
    throw new RangeError(`PORT must be a number, got ${value}`); // ok: error-context-lost
  }
  return port;
}

async function fetchRemote(url) {
  try {
    const res = await fetch(url);
    if (!res.ok) {
      throw new Error(`remote config returned ${res.status}`); // ok: error-context-lost
    }
    return await res.json();
  } catch (err) {
    log.warn({ err, url }, 'remote config unavailable'); // ok: error-context-lost
    return {};
  }
}

async function load() {
  const base = loadYaml('base.yml');
  let env = {};
  try {
    env = loadYaml(`${process.env.NODE_ENV || 'development'}.yml`);
  } catch (err) {
    log.info('no environment-specific config, using base only'); // expect: error-context-lost
  }
  const remote = process.env.REMOTE_CONFIG_URL ? await fetchRemote(process.env.REMOTE_CONFIG_URL) : {};
  const merged = { ...base, ...env, ...remote, port: parsePort(process.env.PORT || '3000') };
  try {
    validate(merged);
  } catch (err) {
    log.error('configuration validation failed, refusing to start'); // ok: error-context-lost
    throw err;
  }
  return merged;
}

module.exports = { load, loadOverrides };
