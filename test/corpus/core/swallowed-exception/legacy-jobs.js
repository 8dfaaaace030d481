'use strict';
const fs = require('fs');
const path = require('path');
const _ = require('lodash');
const log = require('./log');
const mailer = require('./mailer');
const db = require('./db');

const noop = () => {};
function ignore() {}

function readConfig(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) { // expect: swallowed-exception
    return {};
  }
}

function readConfigOrDie(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) { // ok: swallowed-exception
    console.error('cannot read config', file, e);
    process.exit(1);
  }
}

function loadPlugins(dir, callback) {
  fs.readdir(dir, (err, names) => {
    if (err) return callback(err);
    try {
      const plugins = names.map((n) => require(path.join(dir, n)));
      callback(null, plugins);
    } catch (e) { // ok: swallowed-exception
      callback(e);
    }
  });
}

function removeTemp(file, done) {
  try {
    fs.unlinkSync(file);
  } catch (e) { // ok: swallowed-exception
    // the file may already be gone; the caller only needs to know we are finished
    done();
    return;
  }
  done();
}

function cleanup(dir) {
  try {
    fs.rmSync(dir, { recursive: true });
  } catch (e) {} // expect: swallowed-exception
}

function sendDigest(user) {
  mailer.send(user.email, 'digest').catch(noop); // expect: swallowed-exception
}

function sendWelcome(user) {
  mailer.send(user.email, 'welcome').catch(ignore); // expect: swallowed-exception
}

function sendReceipt(user, order) {
  mailer.send(user.email, 'receipt', order).catch(_.noop); // expect: swallowed-exception
}

function sendReminder(user) {
  mailer.send(user.email, 'reminder').catch(function () {}); // expect: swallowed-exception
}

function sendInvoice(user, invoice) {
  mailer.send(user.email, 'invoice', invoice).catch(function (err) { // ok: swallowed-exception
    log.error('invoice mail failed', err);
  });
}

function purgeSessions(days) {
  return db.deleteOlderThan('sessions', days).catch(() => null); // expect: swallowed-exception
}

function purgeEvents(days) {
  return db.deleteOlderThan('events', days).catch(log.warn); // ok: swallowed-exception
}

function countUsers() {
  return db.count('users').then(
    (n) => n,
    () => 0, // expect: swallowed-exception
  );
}

function countOrders() {
  return db.count('orders').then((n) => n, (err) => { // ok: swallowed-exception
    log.error(err);
    return 0;
  });
}

function fetchAll(ids) {
  return new Promise((resolve, reject) => {
    db.getMany(ids)
      .then(resolve)
      .catch((err) => reject(err)); // ok: swallowed-exception
  });
}

function fetchOne(id) {
  return new Promise((resolve, reject) => {
    db.get(id).then(resolve, reject); // ok: swallowed-exception
  });
}

function parseLine(line) {
  try {
    return JSON.parse(line);
  } catch (parseError) { // ok: swallowed-exception
    log.debug('skipping malformed line');
    return undefined;
  }
}

function parseLines(lines) {
  const out = [];
  for (const line of lines) {
    try {
      out.push(JSON.parse(line));
    } catch (e) { // expect: swallowed-exception
      continue;
    }
  }
  return out;
}

module.exports = { readConfig, readConfigOrDie, loadPlugins, removeTemp, cleanup, sendDigest, sendWelcome, sendReceipt, sendReminder, sendInvoice, purgeSessions, purgeEvents, countUsers, countOrders, fetchAll, fetchOne, parseLine, parseLines };
