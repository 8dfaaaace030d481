// @ts-nocheck
import Stripe from 'stripe';
import { randomUUID, createHash } from 'node:crypto';
import { v4 as uuidv4, v5 as uuidv5 } from 'uuid';
import { nanoid } from 'nanoid';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
const ORDER_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

export async function chargeWithRandomUuid(amount: number, customer: string) {
  return stripe.paymentIntents.create({ amount, currency: 'usd', customer }, { idempotencyKey: randomUUID() }); // expect: unstable-idempotency-key
}

export async function chargeWithUuidV4(amount: number, customer: string) {
  return stripe.paymentIntents.create({ amount, currency: 'usd', customer }, { idempotencyKey: uuidv4() }); // expect: unstable-idempotency-key
}

export async function chargeWithTimestamp(orderId: string, amount: number) {
  return stripe.charges.create({ amount, currency: 'usd' }, { idempotencyKey: `${orderId}-${Date.now()}` }); // expect: unstable-idempotency-key
}

export async function chargeWithRandom(amount: number) {
  return stripe.charges.create({ amount, currency: 'usd' }, { idempotencyKey: Math.random().toString(36).slice(2) }); // expect: unstable-idempotency-key
}

export async function chargeWithDate(orderId: string, amount: number) {
  return stripe.charges.create({ amount, currency: 'usd' }, { idempotencyKey: orderId + new Date().toISOString() }); // expect: unstable-idempotency-key
}

export async function chargeWithNanoid(amount: number) {
  return stripe.charges.create({ amount, currency: 'usd' }, { idempotencyKey: nanoid() }); // expect: unstable-idempotency-key
}

export async function refundWithLocalKey(charge: string) {
  const idempotencyKey = randomUUID();
  return stripe.refunds.create({ charge }, { idempotencyKey }); // expect: unstable-idempotency-key
}

export async function refundWithNamedLocal(charge: string) {
  const key = `refund_${Date.now()}`;
  return stripe.refunds.create({ charge }, { idempotencyKey: key }); // expect: unstable-idempotency-key
}

export async function transferWithLocal(amount: number, destination: string) {
  const requestKey = uuidv4();
  const transfer = await stripe.transfers.create({ amount, currency: 'usd', destination }, { idempotencyKey: requestKey }); // expect: unstable-idempotency-key
  return transfer.id;
}

// Stable keys: derived from the business operation, or handed in by the caller.
export async function chargeForOrder(orderId: string, amount: number) {
  return stripe.charges.create({ amount, currency: 'usd' }, { idempotencyKey: `order-${orderId}` }); // ok: unstable-idempotency-key
}

export async function chargeWithCallerKey(amount: number, idempotencyKey: string) {
  return stripe.charges.create({ amount, currency: 'usd' }, { idempotencyKey }); // ok: unstable-idempotency-key
}

export async function chargeWithHash(cartId: string, amount: number) {
  const key = createHash('sha256').update(`${cartId}:${amount}`).digest('hex');
  return stripe.charges.create({ amount, currency: 'usd' }, { idempotencyKey: key }); // ok: unstable-idempotency-key
}

export async function chargeWithUuidV5(orderId: string, amount: number) {
  return stripe.charges.create({ amount, currency: 'usd' }, { idempotencyKey: uuidv5(orderId, ORDER_NAMESPACE) }); // ok: unstable-idempotency-key
}

export async function payoutForStatement(statementId: string, amount: number) {
  const key = `payout:${statementId}`;
  return stripe.payouts.create({ amount, currency: 'usd' }, { idempotencyKey: key }); // ok: unstable-idempotency-key
}

export async function chargeWithTimestampInMetadata(orderId: string, amount: number) {
  return stripe.charges.create( // ok: unstable-idempotency-key
    { amount, currency: 'usd', metadata: { requestedAt: Date.now(), traceId: randomUUID() } },
    { idempotencyKey: `charge:${orderId}` },
  );
}

export async function refundForRequest(refund: { id: string; charge: string }) {
  return stripe.refunds.create({ charge: refund.charge }, { idempotencyKey: refund.id }); // ok: unstable-idempotency-key
}
