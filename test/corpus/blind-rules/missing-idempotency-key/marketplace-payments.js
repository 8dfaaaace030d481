import Stripe from 'stripe';
import { logger } from './logger.js';
import { Ledger } from './ledger.js';

export class MarketplacePayments {
  constructor(secretKey, ledger = new Ledger()) {
    this.client = new Stripe(secretKey, { apiVersion: '2024-06-20' });
    this.ledger = ledger;
  }

  async chargeBuyer(buyer, amountCents) {
    const charge = await this.client.charges.create({ customer: buyer.stripeCustomerId, amount: amountCents, currency: 'usd' }); // expect: missing-idempotency-key
    await this.ledger.record('charge', charge.id, amountCents);
    return charge;
  }

  async paySeller(seller, amountCents, orderId) {
    const transfer = await this.client.transfers.create({ amount: amountCents, currency: 'usd', destination: seller.accountId, metadata: { orderId } }); // expect: missing-idempotency-key
    await this.ledger.record('transfer', transfer.id, amountCents);
    return transfer;
  }

  async cashOut(seller, amountCents) {
    return this.client.payouts.create({ amount: amountCents, currency: 'usd' }, { stripeAccount: seller.accountId }); // expect: missing-idempotency-key
  }

  async subscribeSellerCustomer(seller, customerId, priceId) {
    return this.client.subscriptions.create( // expect: missing-idempotency-key
      { customer: customerId, items: [{ price: priceId }], application_fee_percent: 5 },
      { stripeAccount: seller.accountId },
    );
  }

  async invoiceOnBehalf(seller, customerId) {
    const options = { stripeAccount: seller.accountId, apiVersion: '2024-06-20' };
    logger.info({ seller: seller.id }, 'creating invoice on connected account');
    return this.client.invoices.create({ customer: customerId, auto_advance: true }, options); // expect: missing-idempotency-key
  }

  async confirmOnBehalf(seller, intentId, paymentMethodId) {
    return this.client.paymentIntents.confirm(intentId, { payment_method: paymentMethodId }, { stripeAccount: seller.accountId }); // expect: missing-idempotency-key
  }

  async confirmOnBehalfSafely(seller, intentId, attempt) {
    return this.client.paymentIntents.confirm(intentId, {}, { stripeAccount: seller.accountId, idempotencyKey: `confirm-${intentId}-${attempt}` }); // ok: missing-idempotency-key
  }

  async paySellerSafely(seller, amountCents, orderId) {
    const idempotencyKey = `transfer-${orderId}-${seller.id}`;
    return this.client.transfers.create({ amount: amountCents, currency: 'usd', destination: seller.accountId }, { idempotencyKey }); // ok: missing-idempotency-key
  }

  async refundBuyer(chargeId) {
    const requestOptions = {};
    requestOptions.idempotencyKey = `refund-${chargeId}`;
    return this.client.refunds.create({ charge: chargeId }, requestOptions); // ok: missing-idempotency-key
  }
}
