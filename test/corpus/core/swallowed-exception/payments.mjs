import Stripe from 'stripe';
import winston from 'winston';
import createDebug from 'debug';

const stripe = new Stripe(process.env.STRIPE_KEY);
const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
const debug = createDebug('payments');

export async function refund(chargeId) {
  try {
    return await stripe.refunds.create({ charge: chargeId });
  } catch (err) { // ok: swallowed-exception
    logger.error('refund failed', { chargeId, err });
    throw err;
  }
}

export async function customerEmail(customerId) {
  try {
    const c = await stripe.customers.retrieve(customerId);
    return c.email;
  } catch { // expect: swallowed-exception
    return undefined;
  }
}

export async function hasActiveSubscription(customerId) {
  try {
    const subs = await stripe.subscriptions.list({ customer: customerId, status: 'active' });
    return subs.data.length > 0;
  } catch (e) { // ok: swallowed-exception
    debug('subscription lookup failed for %s', customerId);
    return false;
  }
}

export function voidInvoice(id) {
  return stripe.invoices.voidInvoice(id).catch(() => {}); // expect: swallowed-exception
}

export function finalizeInvoice(id) {
  return stripe.invoices.finalizeInvoice(id).catch((e) => ({ ok: false, error: e })); // ok: swallowed-exception
}

export function markUncollectible(id) {
  return stripe.invoices.markUncollectible(id).catch((e) => e); // ok: swallowed-exception
}

export async function chargeOrFallback(customerId, amount) {
  let charged = false;
  try {
    await stripe.paymentIntents.create({ customer: customerId, amount, currency: 'eur', confirm: true });
    charged = true;
  } catch (stripeError) { // expect: swallowed-exception
    charged = false;
  }
  return charged;
}

export async function describeCard(customerId) {
  try {
    const pm = await stripe.paymentMethods.list({ customer: customerId, type: 'card' });
    return pm.data[0]?.card?.brand ?? 'none';
  } catch ({ message }) { // ok: swallowed-exception
    logger.warn(message);
    return 'unknown';
  }
}

export function webhook(req, res) {
  let event;
  try {
    event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], process.env.WH_SECRET);
  } catch (err) { // ok: swallowed-exception
    return res.status(400).send(`Webhook Error: ${err.message}`);
  }
  res.json({ received: true, type: event.type });
}

export function webhookQuiet(req, res) {
  try {
    stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], process.env.WH_SECRET);
  } catch (err) { // expect: swallowed-exception
    return res.status(400).end();
  }
  res.json({ received: true });
}

export function outerInner(id) {
  try {
    try {
      return stripe.charges.capture(id);
    } catch (inner) { // ok: swallowed-exception
      throw inner;
    }
  } catch { // expect: swallowed-exception
    return null;
  }
}

export function nestedHandler(id, cb) {
  stripe.charges.retrieve(id).then((c) => cb(null, c)).catch((err) => cb(err)); // ok: swallowed-exception
}

export function nestedHandlerLost(id) {
  return stripe.charges.retrieve(id).then((c) => c.amount).catch(() => 0); // expect: swallowed-exception
}
