import { missingIdempotencyKey } from '../../src/core/rules/missing-idempotency-key';
import { runDocsExamples, runFixtureTests, runRuleTests, type InvalidCase, type RuleCase } from './ruleTester';

const invalid: InvalidCase[] = [
  {
    name: 'Stripe write with a node-style callback where the options would go',
    file: 'src/legacy-refunds.js',
    code: `const stripe = require('stripe')(process.env.STRIPE_SECRET_KEY);

exports.refund = function refund(chargeId, cents, done) {
  stripe.refunds.create({ charge: chargeId, amount: cents }, function (err, refund) {
    done(err, refund);
  });
};
`,
    line: 4,
  },
  {
    name: 'Stripe default import, paymentIntents.create with params only',
    code: `import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2024-04-10' });

export async function startPayment(order: { id: string; cents: number }) {
  return stripe.paymentIntents.create({ amount: order.cents, currency: 'eur', metadata: { orderId: order.id } });
}
`,
    line: 6,
    severity: 'HIGH',
    text: "stripe.paymentIntents.create({ amount: order.cents, currency: 'eur', metadata: { orderId: order.id } })",
    messageIncludes: ['`stripe.paymentIntents.create(…)`', 'Stripe', 'charged', 'idempotencyKey'],
  },
  {
    name: 'Stripe named import, charges.create with options lacking the key',
    code: `import { Stripe } from 'stripe';

const client = new Stripe('sk_test_placeholder');

export function charge(source: string, amount: number) {
  return client.charges.create({ amount, currency: 'usd', source }, { stripeAccount: 'acct_1' });
}
`,
  },
  {
    name: 'Stripe require call form',
    file: 'src/refunds.js',
    code: `const stripe = require('stripe')(process.env.STRIPE_SECRET_KEY);

async function refund(paymentIntent, amount) {
  const refund = await stripe.refunds.create({ payment_intent: paymentIntent, amount });
  return refund.id;
}
module.exports = { refund };
`,
    line: 4,
  },
  {
    name: 'Stripe whole-module require then new',
    file: 'src/payouts.js',
    code: `const Stripe = require('stripe');
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);

exports.payout = (amount) => stripe.payouts.create({ amount, currency: 'eur' });
`,
  },
  {
    name: 'Stripe class member typed by the imported type (NestJS style)',
    code: `import Stripe from 'stripe';

export class BillingService {
  constructor(private readonly stripe: Stripe) {}

  async subscribe(customer: string, price: string) {
    return this.stripe.subscriptions.create({ customer, items: [{ price }] });
  }
}
`,
  },
  {
    name: 'Stripe paymentIntents.capture with no options at all',
    code: `import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export const capture = (id: string) => stripe.paymentIntents.capture(id);
`,
  },
  {
    name: 'Stripe paymentIntents.confirm with params literal only',
    code: `import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export async function confirm(id: string, paymentMethod: string) {
  await stripe.paymentIntents.confirm(id, { payment_method: paymentMethod });
}
`,
  },
  {
    name: 'Stripe options held in a local variable without the key',
    code: `import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export async function transfer(amount: number, destination: string) {
  const options = { stripeAccount: destination };
  return stripe.transfers.create({ amount, currency: 'eur', destination }, options);
}
`,
  },
  {
    name: 'Stripe invoices.create, params from a parameter and no options',
    code: `import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export function invoice(params: Stripe.InvoiceCreateParams) {
  return stripe.invoices.create(params);
}
`,
  },
  {
    name: 'Stripe client exported by the project module',
    code: `import { stripe } from '@/lib/stripe';

export async function chargeCart(cartId: string, cents: number) {
  return stripe.paymentIntents.create({ amount: cents, currency: 'eur', metadata: { cartId } });
}
`,
  },
  {
    name: 'Stripe charges.capture with an empty options literal',
    code: `import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export const settle = (chargeId: string) => stripe.charges.capture(chargeId, {}, {});
`,
  },
  {
    name: 'Adyen CheckoutAPI PaymentsApi.payments without request options',
    code: `import { Client, CheckoutAPI } from '@adyen/api-library';

const client = new Client({ apiKey: process.env.ADYEN_API_KEY!, environment: 'TEST' });
const checkout = new CheckoutAPI(client);

export async function pay(request: { amount: { value: number; currency: string }; reference: string }) {
  return checkout.PaymentsApi.payments({ ...request, merchantAccount: 'Shop' });
}
`,
    messageIncludes: ['Adyen'],
  },
  {
    name: 'Adyen ModificationsApi refund with options lacking the key (require)',
    file: 'src/adyen.js',
    code: `const { Client, CheckoutAPI } = require('@adyen/api-library');

const checkout = new CheckoutAPI(new Client({ apiKey: process.env.ADYEN_API_KEY, environment: 'LIVE' }));

async function refund(pspReference, value) {
  return checkout.ModificationsApi.refundCapturedPayment(pspReference, { amount: { value, currency: 'EUR' }, merchantAccount: 'Shop' }, {});
}
module.exports = { refund };
`,
  },
  {
    name: 'Square paymentsApi.createPayment without idempotencyKey in the body',
    code: `import { Client, Environment } from 'square';

const square = new Client({ accessToken: process.env.SQUARE_TOKEN, environment: Environment.Production });

export function pay(sourceId: string, amount: bigint) {
  return square.paymentsApi.createPayment({ sourceId, amountMoney: { amount, currency: 'USD' } });
}
`,
    messageIncludes: ['Square', 'idempotencyKey'],
  },
  {
    name: 'Square SquareClient refunds.refundPayment without idempotencyKey',
    code: `import { SquareClient } from 'square';

const square = new SquareClient({ token: process.env.SQUARE_TOKEN });

export function refund(paymentId: string, amount: bigint) {
  return square.refunds.refundPayment({ paymentId, amountMoney: { amount, currency: 'USD' } });
}
`,
  },
  {
    name: 'PayPal checkout-server-sdk capture request executed without PayPal-Request-Id',
    file: 'src/paypal.js',
    code: `const paypal = require('@paypal/checkout-server-sdk');

const client = new paypal.core.PayPalHttpClient(new paypal.core.LiveEnvironment(process.env.PP_ID, process.env.PP_SECRET));

async function capture(orderId) {
  const request = new paypal.orders.OrdersCaptureRequest(orderId);
  request.requestBody({});
  const response = await client.execute(request);
  return response.result;
}
module.exports = { capture };
`,
    line: 8,
    messageIncludes: ['PayPal', 'payPalRequestId'],
  },
  {
    name: 'PayPal server SDK captureOrder without paypalRequestId',
    code: `import { Client, OrdersController } from '@paypal/paypal-server-sdk';

const orders = new OrdersController(new Client({}));

export const captureOrder = (id: string) => orders.captureOrder({ id, prefer: 'return=minimal' });
`,
  },
  {
    name: 'two writes in one function, one finding each',
    code: `import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export async function settle(intentId: string, chargeId: string) {
  await stripe.paymentIntents.capture(intentId);
  await stripe.refunds.create({ charge: chargeId });
}
`,
    count: 2,
  },
];

const valid: (string | RuleCase)[] = [
  {
    name: 'Stripe write with a keyed options object and a callback',
    file: 'src/legacy-refunds.js',
    code: `const stripe = require('stripe')(process.env.STRIPE_SECRET_KEY);

exports.refund = function refund(chargeId, cents, refundId, done) {
  stripe.refunds.create({ charge: chargeId, amount: cents }, { idempotencyKey: 'refund_' + refundId }, function (err, refund) {
    done(err, refund);
  });
};
`,
  },
  {
    name: 'Stripe key from the order id',
    code: `import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export const start = (order: { id: string; cents: number }) =>
  stripe.paymentIntents.create({ amount: order.cents, currency: 'eur' }, { idempotencyKey: \`pi-\${order.id}\` });
`,
  },
  {
    name: 'Stripe options in a local const with the key',
    code: `import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export async function refund(orderId: string, charge: string) {
  const requestOptions = { idempotencyKey: \`refund-\${orderId}\` };
  return stripe.refunds.create({ charge }, requestOptions);
}
`,
  },
  {
    name: 'Stripe options variable given the key afterwards',
    code: `import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export async function payout(id: string, amount: number) {
  const opts: Stripe.RequestOptions = {};
  opts.idempotencyKey = \`payout-\${id}\`;
  return stripe.payouts.create({ amount, currency: 'eur' }, opts);
}
`,
  },
  {
    name: 'Stripe request options from a parameter (cannot be seen)',
    code: `import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export const charge = (params: Stripe.ChargeCreateParams, options: Stripe.RequestOptions) => stripe.charges.create(params, options);
`,
  },
  {
    name: 'Stripe capture with a second argument the file cannot see',
    code: `import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export const capture = (id: string, requestOptions: Stripe.RequestOptions) => stripe.paymentIntents.capture(id, requestOptions);
`,
  },
  {
    name: 'Stripe options with a spread (cannot be seen)',
    code: `import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export const transfer = (amount: number, base: Stripe.RequestOptions) =>
  stripe.transfers.create({ amount, currency: 'eur', destination: 'acct_1' }, { ...base, stripeAccount: 'acct_2' });
`,
  },
  {
    name: 'Stripe calls that are not money movements',
    code: `import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export async function setup(email: string) {
  const customer = await stripe.customers.create({ email });
  await stripe.paymentIntents.list({ customer: customer.id, limit: 10 });
  await stripe.paymentIntents.update('pi_1', { description: 'x' });
  await stripe.checkout.sessions.create({ mode: 'payment', line_items: [] });
  return stripe.refunds.retrieve('re_1');
}
`,
  },
  {
    name: 'Braintree sale (the SDK has no idempotency option)',
    code: `import braintree from 'braintree';

const gateway = new braintree.BraintreeGateway({ environment: braintree.Environment.Sandbox, merchantId: 'm', publicKey: 'p', privateKey: 'k' });

export const sale = (amount: string, nonce: string) => gateway.transaction.sale({ amount, paymentMethodNonce: nonce, options: { submitForSettlement: true } });
`,
  },
  {
    name: 'Adyen payments with an idempotency key',
    code: `import { Client, CheckoutAPI } from '@adyen/api-library';

const checkout = new CheckoutAPI(new Client({ apiKey: 'k', environment: 'TEST' }));

export const pay = (orderId: string, request: any) => checkout.PaymentsApi.payments(request, { idempotencyKey: \`pay-\${orderId}\` });
`,
  },
  {
    name: 'Adyen cancel (no money moves) and paymentMethods',
    code: `import { Client, CheckoutAPI } from '@adyen/api-library';

const checkout = new CheckoutAPI(new Client({ apiKey: 'k', environment: 'TEST' }));

export async function cancel(psp: string) {
  await checkout.PaymentsApi.paymentMethods({ merchantAccount: 'Shop' });
  return checkout.ModificationsApi.cancelAuthorisedPaymentByPspReference(psp, { merchantAccount: 'Shop' });
}
`,
  },
  {
    name: 'Square createPayment with a key from the order',
    code: `import { Client } from 'square';

const square = new Client({ accessToken: process.env.SQUARE_TOKEN });

export const pay = (orderId: string, sourceId: string) =>
  square.paymentsApi.createPayment({ sourceId, idempotencyKey: orderId, amountMoney: { amount: BigInt(100), currency: 'USD' } });
`,
  },
  {
    name: 'Square body from a parameter (cannot be seen)',
    code: `import { SquareClient } from 'square';

const square = new SquareClient({ token: process.env.SQUARE_TOKEN });

export const pay = (body: any) => square.payments.create(body);
`,
  },
  {
    name: 'PayPal capture request with payPalRequestId',
    file: 'src/paypal.js',
    code: `const paypal = require('@paypal/checkout-server-sdk');

const client = new paypal.core.PayPalHttpClient(new paypal.core.SandboxEnvironment('id', 'secret'));

async function capture(orderId) {
  const request = new paypal.orders.OrdersCaptureRequest(orderId);
  request.payPalRequestId(\`capture-\${orderId}\`);
  request.requestBody({});
  return client.execute(request);
}
module.exports = { capture };
`,
  },
  {
    name: 'PayPal order creation (no money moves; the SDK has no request-id setter for it)',
    file: 'src/paypal.js',
    code: `const paypal = require('@paypal/checkout-server-sdk');

const client = new paypal.core.PayPalHttpClient(new paypal.core.SandboxEnvironment('id', 'secret'));

async function createOrder(total) {
  const request = new paypal.orders.OrdersCreateRequest();
  request.requestBody({ intent: 'CAPTURE', purchase_units: [{ amount: { currency_code: 'USD', value: total } }] });
  return client.execute(request);
}
module.exports = { createOrder };
`,
  },
  {
    name: 'a local object that merely looks like a Stripe client',
    code: `const stripe = {
  paymentIntents: { create: async (p: object) => ({ id: 'pi_fake', ...p }) },
};

export const fake = () => stripe.paymentIntents.create({ amount: 1 });
`,
  },
  {
    name: 'Stripe in a test file',
    file: 'src/payments/stripe.test.ts',
    code: `import Stripe from 'stripe';

const stripe = new Stripe('sk_test_placeholder');

it('charges', async () => {
  await stripe.paymentIntents.create({ amount: 100, currency: 'eur' });
});
`,
  },
  {
    name: 'Stripe key put in the params object (not the options)',
    code: `import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export const charge = (orderId: string) => stripe.charges.create({ amount: 100, currency: 'eur', idempotencyKey: orderId } as any);
`,
  },
];

runRuleTests(missingIdempotencyKey, { valid, invalid });
runFixtureTests(missingIdempotencyKey);
runDocsExamples(missingIdempotencyKey);
