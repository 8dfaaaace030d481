// @ts-nocheck
import express from 'express';
import session from 'express-session';
import jwt from 'jsonwebtoken';
import crypto from 'node:crypto';

export const config = {
  port: 8080, // ok: hardcoded-secret
  jwtSecret: 'q8Xz3Lw9Rk2Vt7Bn4Hm6Jp1Fs5Dg0YaPkzSrAsQ', // expect: hardcoded-secret
  apiKey: 'f1adbc60926f6967e7893f57fd14c160', // expect: hardcoded-secret
  database: {
    host: 'db.internal', // ok: hardcoded-secret
    user: 'orders', // ok: hardcoded-secret
    password: 'njHkAm1@5wDr16E*pLLJIVGHz4Fx', // expect: hardcoded-secret
  },
};

const JWT_SECRET = 'B5kBh0fzK4xDXkiadJjPZ6zfKN7xVGkj'; // expect: hardcoded-secret
const ENCRYPTION_KEY = '4d115cea325a65e19cbae530282bd36cb9d21f6be6abf0d7c1c1e21862ab8a18'; // expect: hardcoded-secret

export function issue(userId: string) {
  return jwt.sign({ sub: userId }, JWT_SECRET, { expiresIn: '1h' });
}

export function encrypt(text: string) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', Buffer.from(ENCRYPTION_KEY, 'hex'), iv);
  return Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
}

const app = express();
app.use(session({ secret: 'wskHk7egyFWZY9Zmti18c6EudM7Oyf5T', resave: false, saveUninitialized: false })); // expect: hardcoded-secret

export class MailClient {
  private apiKey = 'NS05kOY2oNzN2m1ElKncz8HkywhjpU05'; // expect: hardcoded-secret
  private readonly endpoint = 'https://api.mail.example.com/v3/send'; // ok: hardcoded-secret

  send(to: string) {
    return fetch(this.endpoint, { method: 'POST', headers: { Authorization: `Bearer ${this.apiKey}` }, body: to });
  }
}

export const oauth = {
  clientId: '1029384756-abcdefg.apps.googleusercontent.com', // ok: hardcoded-secret
  clientSecret: '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', // expect: hardcoded-secret
  redirectUri: 'https://app.example.com/oauth/callback', // ok: hardcoded-secret
};

let authToken: string;
authToken = 'mc4J1WRcQ1uhyMDJ2OXtPAtLpByQxCGC'; // expect: hardcoded-secret

export function connect(password = 'FEtKyPiYGF#&Dm7ena8D') { // expect: hardcoded-secret
  return { user: 'admin', password, token: authToken };
}

export const headers = {
  'X-API-Key': 'lbaNFDpCWNX0D1lZEzgeiwBxfZCGGQcc', // expect: hardcoded-secret
  'Content-Type': 'application/json', // ok: hardcoded-secret
};

process.env.SESSION_SECRET ??= 'PkzSrAsQtA9dtVK4wAAb3XZxPmzUzn8a'; // expect: hardcoded-secret
