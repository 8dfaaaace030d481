import { Client, CheckoutAPI, Types } from '@adyen/api-library';
import type { Request, Response } from 'express';
import { findOrder } from './orders';
import braintree from 'braintree';
import { SquareClient, SquareEnvironment } from 'square';
import * as crypto from 'node:crypto';
import type { Order } from './types';

const client = new Client({ apiKey: process.env.ADYEN_API_KEY as string, environment: 'TEST' });
const checkout = new CheckoutAPI(client);
const merchantAccount = process.env.ADYEN_MERCHANT_ACCOUNT as string;

export async function paymentMethods(req: Request, res: Response) {
  const result = await checkout.PaymentsApi.paymentMethods({ merchantAccount, countryCode: req.query.country as string }); // ok: missing-idempotency-key
  res.json(result);
}

export async function makePayment(req: Request, res: Response) {
  const order = await findOrder(req.body.orderId);
  const paymentRequest: Types.checkout.PaymentRequest = {
    merchantAccount,
    reference: order.reference,
    amount: { currency: order.currency, value: order.totalMinor },
    paymentMethod: req.body.paymentMethod,
    returnUrl: `${process.env.APP_URL}/checkout/return`,
  };
  const result = await checkout.PaymentsApi.payments(paymentRequest); // expect: missing-idempotency-key
  res.json(result);
}

export async function makePaymentSafely(req: Request, res: Response) {
  const order = await findOrder(req.body.orderId);
  const result = await checkout.PaymentsApi.payments( // ok: missing-idempotency-key
    {
      merchantAccount,
      reference: order.reference,
      amount: { currency: order.currency, value: order.totalMinor },
      paymentMethod: req.body.paymentMethod,
    },
    { idempotencyKey: `adyen-pay-${order.reference}` },
  );
  res.json(result);
}

export async function refund(req: Request, res: Response) {
  const order = await findOrder(req.body.orderId);
  const result = await checkout.ModificationsApi.refundCapturedPayment(order.pspReference, { // expect: missing-idempotency-key
    merchantAccount,
    amount: { currency: order.currency, value: req.body.amountMinor },
  });
  res.json(result);
}

export async function capture(req: Request, res: Response) {
  const order = await findOrder(req.body.orderId);
  const result = await checkout.ModificationsApi.captureAuthorisedPayment( // ok: missing-idempotency-key
    order.pspReference,
    { merchantAccount, amount: { currency: order.currency, value: order.totalMinor } },
    { idempotencyKey: `adyen-capture-${order.reference}` },
  );
  res.json(result);
}

const gateway = new braintree.BraintreeGateway({
  environment: braintree.Environment.Sandbox,
  merchantId: process.env.BT_MERCHANT_ID as string,
  publicKey: process.env.BT_PUBLIC_KEY as string,
  privateKey: process.env.BT_PRIVATE_KEY as string,
});

const square = new SquareClient({ token: process.env.SQUARE_ACCESS_TOKEN, environment: SquareEnvironment.Sandbox });

// Braintree has no idempotency-key option to pass.
export async function braintreeSale(order: Order, nonce: string) {
  const result = await gateway.transaction.sale({ amount: order.total, paymentMethodNonce: nonce, orderId: order.id, options: { submitForSettlement: true } }); // ok: missing-idempotency-key
  return result.success;
}

export async function braintreeRefund(transactionId: string) {
  return gateway.transaction.refund(transactionId); // ok: missing-idempotency-key
}

export async function squarePayment(order: Order, sourceId: string) {
  const { payment } = await square.payments.create({ // ok: missing-idempotency-key
    sourceId,
    idempotencyKey: `sq-${order.id}`,
    amountMoney: { amount: BigInt(order.totalMinor), currency: 'USD' },
  });
  return payment;
}

export async function squareRefund(order: Order, paymentId: string) {
  return square.refunds.refundPayment({ // ok: missing-idempotency-key
    idempotencyKey: `sq-refund-${order.id}`,
    paymentId,
    amountMoney: { amount: BigInt(order.totalMinor), currency: 'USD' },
  });
}

// Raw call to the Stripe REST API with the header set explicitly.
export async function rawStripeRefund(chargeId: string) {
  const res = await fetch('https://api.stripe.com/v1/refunds', { // ok: missing-idempotency-key
    method: 'POST',
    headers: {
      Authorization: `Bearer ${process.env.STRIPE_SECRET_KEY}`,
      'Content-Type': 'application/x-www-form-urlencoded',
      'Idempotency-Key': `raw-refund-${chargeId}`,
    },
    body: new URLSearchParams({ charge: chargeId }),
  });
  return res.json();
}

export function checksum(order: Order): string {
  return crypto.createHash('sha256').update(`${order.id}:${order.total}`).digest('hex');
}
