// @ts-nocheck
import nodemailer from 'nodemailer';
import WebSocket from 'ws';
import tls from 'tls';
import https from 'https';
import puppeteer from 'puppeteer';
import { Kafka } from 'kafkajs';
import ldap from 'ldapjs';

export const mailer = nodemailer.createTransport({
  host: 'smtp.example.com',
  port: 587,
  secure: false, // ok: tls-verification-disabled
  tls: { rejectUnauthorized: false }, // expect: tls-verification-disabled
});

export const mailerVerified = nodemailer.createTransport({
  host: 'smtp.example.com',
  port: 465,
  secure: true, // ok: tls-verification-disabled
  tls: { minVersion: 'TLSv1.2' }, // ok: tls-verification-disabled
});

export function openFeed(url: string) {
  return new WebSocket(url, { rejectUnauthorized: false }); // expect: tls-verification-disabled
}

export const kafka = new Kafka({
  clientId: 'orders',
  brokers: ['kafka-1:9093'],
  ssl: { rejectUnauthorized: false }, // expect: tls-verification-disabled
});

export const directory = ldap.createClient({
  url: 'ldaps://ldap.internal',
  tlsOptions: { rejectUnauthorized: false }, // expect: tls-verification-disabled
});

export const noIdentity = new https.Agent({
  checkServerIdentity() { // expect: tls-verification-disabled
    return undefined;
  },
});

export const noIdentityArrow = new https.Agent({ checkServerIdentity: (_host, _cert) => undefined }); // expect: tls-verification-disabled

export const noIdentityEmpty = new https.Agent({ checkServerIdentity: () => {} }); // expect: tls-verification-disabled

export const pinnedIdentity = new https.Agent({
  checkServerIdentity: (host, cert) => { // ok: tls-verification-disabled
    const err = tls.checkServerIdentity(host, cert);
    if (err) return err;
    if (cert.fingerprint256 !== process.env.PINNED_FINGERPRINT) return new Error('certificate pin mismatch');
    return undefined;
  },
});

export async function screenshot(url: string) {
  const browser = await puppeteer.launch({ ignoreHTTPSErrors: false }); // ok: tls-verification-disabled
  const page = await browser.newPage();
  await page.goto(url);
  return page.screenshot();
}

export interface TlsSettings {
  rejectUnauthorized: boolean; // ok: tls-verification-disabled
  strictSSL?: boolean; // ok: tls-verification-disabled
}

export const docs = 'Never set rejectUnauthorized: false in production'; // ok: tls-verification-disabled
// rejectUnauthorized: false was removed here in 2023 // ok: tls-verification-disabled
