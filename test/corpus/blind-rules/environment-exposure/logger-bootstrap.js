const winston = require('winston');
const { Pool } = require('pg');
const { createLogger, format, transports } = winston;
const { env } = process; // ok: environment-exposure

const logger = createLogger({
  level: env.LOG_LEVEL || 'info', // ok: environment-exposure
  format: format.combine(format.timestamp(), format.json()),
  defaultMeta: { service: 'billing-api', env: env.NODE_ENV }, // ok: environment-exposure
  transports: [new transports.Console()],
});

async function start(app) {
  logger.info('starting billing-api', { env: process.env }); // expect: environment-exposure
  logger.debug(env); // expect: environment-exposure
  winston.log('debug', 'environment at boot', process.env); // expect: environment-exposure

  const safeConfig = { NODE_ENV: env.NODE_ENV, PORT: env.PORT, LOG_LEVEL: env.LOG_LEVEL }; // ok: environment-exposure
  logger.info('effective config', safeConfig); // ok: environment-exposure

  const pool = new Pool({ connectionString: env.DATABASE_URL });
  try {
    await pool.query('select 1');
  } catch (err) {
    logger.error( // expect: environment-exposure
      'failed to connect to database',
      { error: err.message, environment: process.env },
    );
    throw err;
  }

  if (!process.env.STRIPE_WEBHOOK_SECRET) {
    logger.warn('STRIPE_WEBHOOK_SECRET not set', { nodeEnv: process.env.NODE_ENV }); // ok: environment-exposure
  }

  app.listen(env.PORT, () => {
    logger.info(`billing-api listening on port ${env.PORT}`); // ok: environment-exposure
  });
}

module.exports = { logger, start };
