import nodemailer from 'nodemailer';
import amqp from 'amqplib';
import Redis from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import fs from 'node:fs/promises';

export const transporter = nodemailer.createTransport({
  host: process.env.SMTP_HOST,
  port: 587,
  secure: false, // ok: tls-verification-disabled
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
  tls: {
    rejectUnauthorized: false, // expect: tls-verification-disabled
  },
});

export const internalRelay = nodemailer.createTransport({
  host: 'relay.internal',
  port: 25,
  ignoreTLS: true, // ok: tls-verification-disabled
});

export const strictTransport = nodemailer.createTransport({
  host: process.env.SES_SMTP_HOST,
  port: 465,
  secure: true,
  tls: { rejectUnauthorized: true, minVersion: 'TLSv1.2' }, // ok: tls-verification-disabled
});

export const redis = new Redis(process.env.REDIS_URL, {
  tls: { rejectUnauthorized: false }, // expect: tls-verification-disabled
  maxRetriesPerRequest: 3,
});

export const sessionRedis = new Redis(process.env.SESSION_REDIS_URL, {
  tls: { servername: process.env.SESSION_REDIS_HOST, rejectUnauthorized: process.env.REDIS_TLS_VERIFY !== '0' }, // ok: tls-verification-disabled
});

export async function connectBroker() {
  const ca = await fs.readFile('/etc/ssl/certs/broker-ca.pem');
  return amqp.connect(process.env.AMQP_URL, {
    ca: [ca],
    checkServerIdentity: () => undefined, // expect: tls-verification-disabled
  });
}

export async function connectAuditBroker() {
  const ca = await fs.readFile('/etc/ssl/certs/broker-ca.pem');
  return amqp.connect(process.env.AUDIT_AMQP_URL, { ca: [ca], servername: 'audit-mq.internal' });
}

const kafka = new Kafka({
  clientId: 'ledger-worker',
  brokers: (process.env.KAFKA_BROKERS ?? '').split(','),
  ssl: { rejectUnauthorized: false }, // expect: tls-verification-disabled
  sasl: { mechanism: 'scram-sha-512', username: process.env.KAFKA_USER, password: process.env.KAFKA_PASS },
  logLevel: logLevel.WARN,
});

const auditKafka = new Kafka({
  clientId: 'audit-writer',
  brokers: (process.env.AUDIT_KAFKA_BROKERS ?? '').split(','),
  ssl: true, // ok: tls-verification-disabled
});

export const ledgerProducer = kafka.producer();
export const auditProducer = auditKafka.producer();

export async function sendReceipt(to, html) {
  await transporter.sendMail({ from: 'billing@example.com', to, subject: 'Your receipt', html });
}
