// @ts-nocheck
import session from 'express-session';
import { z } from 'zod';

export const devConfig = {
  jwtSecret: 'dev-secret', // ok: hardcoded-secret
  apiKey: 'YOUR_API_KEY_HERE', // ok: hardcoded-secret
  password: 'password', // ok: hardcoded-secret
  secret: 'changeme', // ok: hardcoded-secret
  clientSecret: '<client-secret>', // ok: hardcoded-secret
  token: '', // ok: hardcoded-secret
  webhookSecret: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', // ok: hardcoded-secret
  sessionSecret: '${SESSION_SECRET}', // ok: hardcoded-secret
  stripeKey: 'sk_live_...', // ok: hardcoded-secret
  dbPassword: '********', // ok: hardcoded-secret
};

export const sessionMiddleware = session({ secret: 'keyboard cat', resave: false }); // ok: hardcoded-secret

export const labels = {
  password: 'Password', // ok: hardcoded-secret
  passwordHint: 'At least 12 characters, one number', // ok: hardcoded-secret
  apiKey: 'API key', // ok: hardcoded-secret
  secret: 'Secret', // ok: hardcoded-secret
};

export const API_KEY_HEADER = 'x-api-key'; // ok: hardcoded-secret
export const PASSWORD_FIELD = 'password'; // ok: hardcoded-secret
export const TOKEN_STORAGE_KEY = 'acme.auth.accessToken'; // ok: hardcoded-secret
export const SECRET_NAME = 'prod/payments/stripe-secret-key'; // ok: hardcoded-secret

export const LoginSchema = z.object({
  email: z.string().email(),
  password: z.string().min(12, 'password too short'), // ok: hardcoded-secret
});

export const AWS_ACCESS_KEY_PATTERN = /AKIA[0-9A-Z]{16}/; // ok: hardcoded-secret
export const GITHUB_TOKEN_PATTERN = /ghp_[A-Za-z0-9]{36}/; // ok: hardcoded-secret

export function readSecret(name: string) {
  const secret = process.env[name]; // ok: hardcoded-secret
  if (!secret) throw new Error(`missing secret ${name}`); // ok: hardcoded-secret
  return secret;
}

export const passwordPolicy = { minLength: 12, requireDigit: true }; // ok: hardcoded-secret
export const tokenType = 'Bearer'; // ok: hardcoded-secret
export const secretsManagerRegion = 'eu-central-1'; // ok: hardcoded-secret
