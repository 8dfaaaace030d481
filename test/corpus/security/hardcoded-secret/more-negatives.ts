// @ts-nocheck
import crypto from 'node:crypto';
import { loadStripe } from '@stripe/stripe-js';

export const stripePromise = loadStripe('pk_live_51Hx7QaLmN0pR2sT4uV6wY8zAbCdEfGh'); // ok: hardcoded-secret
export const SENTRY_DSN = 'https://3f2b8c1e9d4a4e7b@o450123.ingest.sentry.io/5523456'; // ok: hardcoded-secret

export const seedAdmin = {
  email: 'admin@example.com', // ok: hardcoded-secret
  passwordHash: '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy', // ok: hardcoded-secret
};

export const weakDefaults = {
  password: 'Summer2024!', // ok: hardcoded-secret
  secret: 'my-super-secret-jwt-key', // ok: hardcoded-secret
  apiKey: 'test-api-key', // ok: hardcoded-secret
  token: 'not-a-real-token', // ok: hardcoded-secret
};

export const placeholderToken = 'ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'; // ok: hardcoded-secret
export const exampleKey = 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx'; // ok: hardcoded-secret

export const generated = {
  secret: crypto.randomBytes(32).toString('hex'), // ok: hardcoded-secret
  apiKey: process.env.API_KEY || '', // ok: hardcoded-secret
};

export const columns = { password: 'password_digest', token: 'reset_token' }; // ok: hardcoded-secret
export const routes = { resetPassword: '/auth/reset-password/:token' }; // ok: hardcoded-secret

export const CSP_NONCE_ATTR = 'data-csp-nonce-attribute'; // ok: hardcoded-secret
export const CHECKSUM = 'c1c1e21862ab8a18f1adbc60926f6967'; // ok: hardcoded-secret
export const BUILD_ID = 'PkzSrAsQtA9dtVK4wAAb3XZxPmzUzn8a'; // ok: hardcoded-secret

export function mask(secret: string) {
  return secret.slice(0, 4) + '********'; // ok: hardcoded-secret
}
