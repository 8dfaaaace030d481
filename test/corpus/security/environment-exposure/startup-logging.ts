// @ts-nocheck
import winston from 'winston';
import pino from 'pino';
import dotenv from 'dotenv';
import { z } from 'zod';

dotenv.config();

const logger = winston.createLogger({ level: 'info', transports: [new winston.transports.Console()] });
const log = pino({ level: 'debug' });

console.log(process.env); // expect: environment-exposure
console.log('Starting with environment', process.env); // expect: environment-exposure
console.debug(JSON.stringify(process.env)); // expect: environment-exposure
console.table(process.env); // expect: environment-exposure
console.dir(process.env, { depth: null }); // expect: environment-exposure
logger.info('boot', process.env); // expect: environment-exposure
logger.debug({ env: process.env }); // expect: environment-exposure
log.info({ env: process.env }, 'resolved configuration'); // expect: environment-exposure
log.debug(process.env, 'env'); // expect: environment-exposure
console.info(`env: ${JSON.stringify(process.env)}`); // expect: environment-exposure

console.log(`Starting in ${process.env.NODE_ENV} mode`); // ok: environment-exposure
logger.info('database host', { host: process.env.DB_HOST }); // ok: environment-exposure
log.info({ nodeEnv: process.env.NODE_ENV, port: process.env.PORT }, 'config'); // ok: environment-exposure
console.log('env vars loaded:', Object.keys(process.env).length); // ok: environment-exposure

const Env = z.object({ DATABASE_URL: z.string().url(), PORT: z.coerce.number() });
export const env = Env.parse(process.env); // ok: environment-exposure
log.info({ port: env.PORT }, 'validated environment'); // ok: environment-exposure

if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL is missing'); // ok: environment-exposure
}
