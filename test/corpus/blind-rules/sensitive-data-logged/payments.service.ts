import pino from 'pino';
import Stripe from 'stripe';
import { maskPan } from '../lib/mask';
import type { ChargeRequest } from './types';

const log = pino({ name: 'payments', redact: ['req.headers.authorization', 'cardNumber'] }); // ok: sensitive-data-logged

export class PaymentsService {
  constructor(private readonly stripe: Stripe) {}

  async charge(input: ChargeRequest) {
    log.info({ cardNumber: input.cardNumber, amount: input.amount }, 'charging card'); // expect: sensitive-data-logged
    log.info({ card: maskPan(input.cardNumber), amount: input.amount }, 'charging card'); // ok: sensitive-data-logged
    log.debug(`card last4=${input.cardNumber.slice(-4)}`); // ok: sensitive-data-logged
    log.debug({ cvv: input.cvv }, 'cvv received'); // expect: sensitive-data-logged
    const { cardNumber, expMonth, expYear, cvc } = input;
    log.trace('tokenizing card %s', cardNumber); // expect: sensitive-data-logged
    const pm = await this.stripe.paymentMethods.create({
      type: 'card',
      card: { number: cardNumber, exp_month: expMonth, exp_year: expYear, cvc },
    });
    log.info({ paymentMethodId: pm.id, brand: pm.card?.brand, last4: pm.card?.last4 }, 'payment method created'); // ok: sensitive-data-logged
    log.info({ cardNumberLength: cardNumber.length }, 'card validated'); // ok: sensitive-data-logged
    return pm;
  }

  async refund(chargeId: string, reason: string) {
    log.info({ chargeId, reason }, 'refunding charge');
    return this.stripe.refunds.create({ charge: chargeId });
  }
}
