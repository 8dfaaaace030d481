// @ts-nocheck
// "Other payment SDKs where the same option or header exists": Adyen's Node library takes
// `{ idempotencyKey }` as request options on its payment and modification calls.
import { Client, CheckoutAPI } from '@adyen/api-library';

const client = new Client({ apiKey: process.env.ADYEN_API_KEY!, environment: 'TEST' });
const checkout = new CheckoutAPI(client);

export async function pay(orderRef: string, amount: number, paymentMethod: unknown) {
  const request = { amount: { currency: 'EUR', value: amount }, reference: orderRef, paymentMethod, merchantAccount: 'Shop' };
  return checkout.PaymentsApi.payments(request); // expect: missing-idempotency-key
}

export async function payOnce(orderRef: string, amount: number, paymentMethod: unknown) {
  const request = { amount: { currency: 'EUR', value: amount }, reference: orderRef, paymentMethod, merchantAccount: 'Shop' };
  return checkout.PaymentsApi.payments(request, { idempotencyKey: `pay-${orderRef}` }); // ok: missing-idempotency-key
}

export async function refund(pspReference: string, amount: number) {
  return checkout.ModificationsApi.refundCapturedPayment(pspReference, { amount: { currency: 'EUR', value: amount }, merchantAccount: 'Shop' }); // expect: missing-idempotency-key
}

export async function refundOnce(pspReference: string, amount: number, refundId: string) {
  return checkout.ModificationsApi.refundCapturedPayment(pspReference, { amount: { currency: 'EUR', value: amount }, merchantAccount: 'Shop' }, { idempotencyKey: refundId }); // ok: missing-idempotency-key
}

export async function methods() {
  return checkout.PaymentsApi.paymentMethods({ merchantAccount: 'Shop' }); // ok: missing-idempotency-key
}
