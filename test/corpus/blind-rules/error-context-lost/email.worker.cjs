const { Worker, Queue } = require('bullmq');
const { createLogger, format, transports } = require('winston');
const nodemailer = require('nodemailer');
const { renderTemplate } = require('./templates.cjs');

const logger = createLogger({ level: 'info', format: format.json(), transports: [new transports.Console()] });
const connection = { host: process.env.REDIS_HOST, port: 6379 };
const transporter = nodemailer.createTransport({ host: process.env.SMTP_HOST, port: 587 });
const deadLetters = new Queue('email-dead-letters', { connection });

class EmailDeliveryError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'EmailDeliveryError';
  }
}

async function renderOrFail(job) {
  try {
    return await renderTemplate(job.data.template, job.data.vars);
  } catch (err) {
    logger.log('error', `template ${job.data.template} failed to render`); // expect: error-context-lost
    throw new EmailDeliveryError(`Template ${job.data.template} is broken`); // expect: error-context-lost
  }
}

async function send(job) {
  const html = await renderOrFail(job);
  try {
    await transporter.sendMail({ to: job.data.to, subject: job.data.subject, html });
  } catch (err) {
    throw new EmailDeliveryError(`SMTP rejected message for job ${job.id}`, { cause: err }); // ok: error-context-lost
  }
}

const worker = new Worker('email', send, { connection, concurrency: 5 });

worker.on('failed', async (job, err) => {
  logger.error('email job failed', { jobId: job && job.id, error: err.message }); // ok: error-context-lost
  try {
    await deadLetters.add('dead', { original: job && job.data, reason: err.message });
  } catch (dlqErr) {
    logger.warn('could not push to dead-letter queue', { jobId: job && job.id }); // expect: error-context-lost
  }
});

worker.on('error', () => {
  logger.error('worker connection error'); // ok: error-context-lost
});

process.on('SIGTERM', () => {
  worker
    .close()
    .then(() => process.exit(0))
    .catch(() => {
      logger.error('failed to close worker cleanly'); // expect: error-context-lost
      process.exit(1);
    });
});

module.exports = { worker, EmailDeliveryError };
