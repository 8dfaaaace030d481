const Stripe = require('stripe');
const config = require('./config');

// stripe-node also works when called without `new`.
const stripe = Stripe(config.stripe.secretKey);

exports.charge = async function charge(order) {
  return stripe.charges.create({ amount: order.total, currency: order.currency, customer: order.customerId }); // expect: missing-idempotency-key
};

exports.chargeOnce = async function chargeOnce(order) {
  return stripe.charges.create({ amount: order.total, currency: order.currency }, { idempotencyKey: 'order_' + order.id }); // ok: missing-idempotency-key
};

exports.partialRefund = function partialRefund(chargeId, cents, cb) {
  stripe.refunds.create({ charge: chargeId, amount: cents }, function (err, refund) { // expect: missing-idempotency-key
    cb(err, refund);
  });
};

exports.startSubscription = async function startSubscription(customer, plan) {
  const params = { customer, items: [{ plan }], trial_period_days: 14 };
  return stripe.subscriptions.create(params); // expect: missing-idempotency-key
};

exports.startSubscriptionOnce = async function startSubscriptionOnce(customer, plan, signupId) {
  const params = { customer, items: [{ plan }] };
  return stripe.subscriptions.create(params, { idempotencyKey: 'signup_' + signupId }); // ok: missing-idempotency-key
};

exports.payout = async function payout(amount) {
  return stripe.payouts.create({ amount, currency: 'usd', method: 'instant' }); // expect: missing-idempotency-key
};

exports.confirmIntent = async function confirmIntent(id, opts) {
  // options object supplied by the caller
  return stripe.paymentIntents.confirm(id, {}, opts); // ok: missing-idempotency-key
};

exports.captureCharge = async function captureCharge(id) {
  return stripe.charges.capture(id, { amount: 500 }); // expect: missing-idempotency-key
};

exports.captureChargeOnce = async function captureChargeOnce(id) {
  return stripe.charges.capture(id, { amount: 500 }, { idempotencyKey: 'cap_' + id }); // ok: missing-idempotency-key
};

exports.updateCustomer = async function updateCustomer(id, email) {
  return stripe.customers.update(id, { email }); // ok: missing-idempotency-key
};

exports.createProduct = async function createProduct(name) {
  return stripe.products.create({ name }); // ok: missing-idempotency-key
};
