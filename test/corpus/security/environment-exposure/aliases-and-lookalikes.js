const express = require('express');
const { spawn } = require('child_process');
const { env } = require('process');

const router = express.Router();

router.get('/env-alias', (req, res) => {
  const vars = process.env;
  res.json(vars); // expect: environment-exposure
});

router.get('/env-destructured', (req, res) => {
  res.json(env); // expect: environment-exposure
});

router.get('/env-log-alias', (req, res) => {
  const all = { ...process.env };
  console.log(all); // expect: environment-exposure
  res.sendStatus(204);
});

function runWorker(script) {
  return spawn(process.execPath, [script], { env: process.env, stdio: 'inherit' }); // ok: environment-exposure
}

function runWorkerExtra(script) {
  return spawn(process.execPath, [script], { env: { ...process.env, WORKER: '1' } }); // ok: environment-exposure
}

function featureEnabled(name) {
  return process.env[`FEATURE_${name}`] === 'true'; // ok: environment-exposure
}

function snapshotForTests() {
  return { ...process.env }; // ok: environment-exposure
}

function countVars() {
  console.log('variables:', Object.keys(process.env).join(', ')); // ok: environment-exposure
}

router.get('/headers', (req, res) => {
  res.json({ headers: req.headers, env: process.env.NODE_ENV }); // ok: environment-exposure
});

module.exports = { router, runWorker, runWorkerExtra, featureEnabled, snapshotForTests, countVars };
