import { Router, type Request, type Response, type NextFunction } from 'express';
import promiseRetry from 'promise-retry';
import * as nodemailer from 'nodemailer';
import { promises as dns } from 'node:dns';
import { setTimeout as wait } from 'node:timers/promises';

const transporter = nodemailer.createTransport({
  host: process.env.SMTP_HOST,
  port: 587,
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
});

type Mail = nodemailer.SendMailOptions;

export function sendReceipt(msg: Mail) {
  return promiseRetry(
    (retry, attempt) => {
      if (attempt > 1) console.info(`receipt resend attempt ${attempt}`);
      return transporter.sendMail(msg).catch(retry);
    },
    {
      retries: 3,
      factor: 1, // expect: retry-without-backoff
      minTimeout: 1500,
    },
  );
}

export function sendPasswordReset(msg: Mail) {
  return promiseRetry((retry) => transporter.sendMail(msg).catch(retry), { retries: 2, minTimeout: 0 }); // expect: retry-without-backoff
}

export function sendNewsletter(msg: Mail) {
  return promiseRetry((retry) => transporter.sendMail(msg).catch(retry)); // ok: retry-without-backoff
}

async function sendWithRetry(msg: Mail, attemptsLeft = 3): Promise<void> {
  try {
    await transporter.sendMail(msg);
  } catch (err) {
    if (attemptsLeft === 0) throw err;
    await wait(1500);
    return sendWithRetry(msg, attemptsLeft - 1); // expect: retry-without-backoff
  }
}

async function sendDigest(msg: Mail, attempt = 0, delayMs = 250): Promise<void> {
  try {
    await transporter.sendMail(msg);
  } catch (err) {
    if (attempt >= 4) throw err;
    await wait(delayMs);
    return sendDigest(msg, attempt + 1, delayMs * 2); // ok: retry-without-backoff
  }
}

function verifyDomain(domain: string, token: string, triesLeft = 3): Promise<boolean> {
  return dns
    .resolveTxt(`_mail-verify.${domain}`)
    .then((records) => records.flat().includes(token))
    .catch((err) =>
      triesLeft > 0 ? verifyDomain(domain, token, triesLeft - 1) : Promise.reject(err), // expect: retry-without-backoff
    );
}

export const mailRouter = Router();

mailRouter.post('/mail/test', async (req: Request, res: Response, next: NextFunction) => {
  try {
    const { to, domain, token, kind } = req.body as { to: string; domain: string; token: string; kind: string };
    if (!(await verifyDomain(domain, token))) return res.status(422).json({ error: 'domain not verified' });
    const msg: Mail = { from: `noreply@${domain}`, to, subject: 'Test', text: 'It works.' };
    if (kind === 'receipt') await sendReceipt(msg);
    else if (kind === 'reset') await sendPasswordReset(msg);
    else if (kind === 'digest') await sendDigest(msg);
    else if (kind === 'newsletter') await sendNewsletter(msg);
    else await sendWithRetry(msg);
    res.status(202).json({ queued: true });
  } catch (err) {
    next(err);
  }
});
