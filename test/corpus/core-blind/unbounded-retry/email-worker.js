'use strict';

const retry = require('async-retry');
const { setTimeout: sleep } = require('node:timers/promises');
const nodemailer = require('nodemailer');
const { logger } = require('../lib/logger');
const { EmailJob } = require('../models');

const transport = nodemailer.createTransport({ host: process.env.SMTP_HOST, port: 587 });

async function sendWelcome(job) {
  return retry(
    async (bail) => {
      const user = await job.loadUser();
      if (!user.email) return bail(new Error('no email address'));
      return transport.sendMail({ to: user.email, subject: 'Welcome', html: job.html });
    },
    {
      forever: true, // expect: unbounded-retry
      minTimeout: 1000,
      maxTimeout: 60_000,
    }
  );
}

async function sendReceipt(job) {
  return retry(() => transport.sendMail(job.toMail()), { retries: 5, factor: 2 }); // ok: unbounded-retry
}

async function sendDigest(job) {
  return retry(() => transport.sendMail(job.toMail()), { retries: Infinity, maxTimeout: 10_000 }); // expect: unbounded-retry
}

async function sendPasswordReset(job) {
  return retry(() => transport.sendMail(job.toMail()), {
    forever: false, // ok: unbounded-retry
    retries: 3,
  });
}

async function verifySmtp() {
  let ok = false;
  while (!ok) { // expect: unbounded-retry
    try {
      await transport.verify();
      ok = true;
    } catch (err) {
      logger.warn({ err }, 'SMTP not ready yet');
      await sleep(5000);
    }
  }
}

async function drainOutbox() {
  const jobs = await EmailJob.findPending({ limit: 100 });
  for (const job of jobs) { // ok: unbounded-retry
    try {
      await transport.sendMail(job.toMail());
      await job.markSent();
    } catch (err) {
      logger.error({ err, jobId: job.id }, 'send failed; leaving in outbox');
      await job.markFailed(err.message);
    }
  }
}

async function claimNextJob() {
  let attempts = 0;
  const MAX = 5;
  while (attempts < MAX) { // ok: unbounded-retry
    attempts++;
    try {
      return await EmailJob.claimNext();
    } catch (err) {
      logger.warn({ err, attempts }, 'claim failed');
      await sleep(200 * attempts);
    }
  }
  throw new Error('could not claim a job');
}

async function sendBounceNotice(job) {
  for (;;) { // expect: unbounded-retry
    try {
      await transport.sendMail(job.bounceMail());
      break;
    } catch (err) {
      // 5xx is permanent; 4xx is transient and goes round again
      if (err.responseCode >= 500) throw err;
      logger.warn({ err, jobId: job.id }, 'transient SMTP failure');
      await sleep(2000);
    }
  }
}

async function sendBatch(batch) {
  do { // expect: unbounded-retry
    try {
      await transport.sendMail(batch.toMail());
      return;
    } catch (err) {
      logger.warn({ err, batch: batch.id }, 'batch send failed');
    }
    await sleep(1000);
  } while (true);
}

async function resendFailed(job) {
  for (let i = 0; i < job.recipients.length; i++) { // ok: unbounded-retry
    try {
      await transport.sendMail({ ...job.toMail(), to: job.recipients[i] });
    } catch (err) {
      logger.error({ err, to: job.recipients[i] }, 'resend failed');
    }
  }
}

module.exports = {
  sendWelcome,
  sendReceipt,
  sendDigest,
  sendPasswordReset,
  verifySmtp,
  drainOutbox,
  claimNextJob,
  sendBounceNotice,
  sendBatch,
  resendFailed,
};
