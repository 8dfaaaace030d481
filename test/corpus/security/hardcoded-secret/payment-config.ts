// @ts-nocheck
import Stripe from 'stripe';

export const stripe = new Stripe('sk_live_CZ7Uw9xfogoEmvnEN5N1aE6P', { apiVersion: '2024-06-20' }); // expect: hardcoded-secret

const STRIPE_RESTRICTED_KEY = 'rk_live_4GiIjHGb3CXlMaXZjljENUhJ'; // expect: hardcoded-secret

export const billing = {
  stripeSecretKey: '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', // expect: hardcoded-secret
  webhookSecret: 'whsec_1C6xc4sohdmM0Lm7exG3lCMqXXQ8agOM', // expect: hardcoded-secret
  currency: 'eur', // ok: hardcoded-secret
  restricted: STRIPE_RESTRICTED_KEY,
};

export const stripeFromEnv = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2024-06-20' }); // ok: hardcoded-secret

export const STRIPE_KEY_ENV_NAME = 'STRIPE_SECRET_KEY'; // ok: hardcoded-secret
export const LIVE_PREFIX = 'sk_live_'; // ok: hardcoded-secret
export const stripeTestMode = new Stripe('sk_test_placeholder', { apiVersion: '2024-06-20' }); // ok: hardcoded-secret
