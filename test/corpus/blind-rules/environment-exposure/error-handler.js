const bunyan = require('bunyan');
const { STATUS_CODES } = require('http');

const log = bunyan.createLogger({ name: 'orders-api', env: process.env.NODE_ENV }); // ok: environment-exposure

function errorHandler(err, req, res, next) {
  log.error({ err, url: req.originalUrl, env: process.env }, 'unhandled error'); // expect: environment-exposure
  const status = err.status || 500;
  if (process.env.NODE_ENV !== 'production') {
    return res.status(status).json({ message: err.message, stack: err.stack, env: process.env }); // expect: environment-exposure
  }
  res.status(status).json({ message: STATUS_CODES[status], env: process.env.NODE_ENV }); // ok: environment-exposure
}

function notFound(req, res) {
  res.status(404).end(JSON.stringify({ error: 'not found', path: req.path }));
}

function validateEnv() {
  const missing = ['DATABASE_URL', 'SESSION_SECRET'].filter((key) => !(key in process.env)); // ok: environment-exposure
  if (missing.length) {
    log.fatal({ missing }, 'missing required environment variables'); // ok: environment-exposure
    throw new Error(`Missing env: ${missing.join(', ')}`);
  }
}

function dumpEnvOnCrash() {
  process.on('uncaughtException', (err) => {
    log.fatal(err, 'uncaught exception; env=%j', process.env); // expect: environment-exposure
    process.exit(1);
  });
}

module.exports = { errorHandler, notFound, validateEnv, dumpEnvOnCrash };
