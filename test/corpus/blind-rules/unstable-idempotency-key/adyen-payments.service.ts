// relabelled by the maintainers: the finding is where the key is sent (the generation is its related location); PayPal-Request-Id and nanoid() keys are reported (see docs/rules/unstable-idempotency-key.md)
import { Injectable } from '@nestjs/common';
import { Client, CheckoutAPI, Types } from '@adyen/api-library';
import { randomUUID as uuid } from 'node:crypto';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PaymentAttempt } from './payment-attempt.entity';

@Injectable()
export class AdyenPaymentsService {
  private readonly checkout: CheckoutAPI;

  constructor(@InjectRepository(PaymentAttempt) private readonly attempts: Repository<PaymentAttempt>) {
    const client = new Client({ apiKey: process.env.ADYEN_API_KEY!, environment: 'LIVE' });
    this.checkout = new CheckoutAPI(client);
  }

  async authorise(request: Types.checkout.PaymentRequest) {
    return this.checkout.PaymentsApi.payments(request, { idempotencyKey: uuid() }); // expect: unstable-idempotency-key
  }

  async capture(pspReference: string, amount: Types.checkout.Amount) {
    const requestOptions = {
      idempotencyKey: `${pspReference}-capture-${Math.random()}`, // expect: unstable-idempotency-key
    };
    return this.checkout.ModificationsApi.captureAuthorisedPayment(
      pspReference,
      { amount, merchantAccount: process.env.ADYEN_MERCHANT! },
      requestOptions,
    );
  }

  async refund(pspReference: string, amount: Types.checkout.Amount) {
    const idempotencyKey: string = uuid();
    return this.checkout.ModificationsApi.refundCapturedPayment(
      pspReference,
      { amount, merchantAccount: process.env.ADYEN_MERCHANT! },
      { idempotencyKey }, // expect: unstable-idempotency-key
    );
  }

  // ---- look-alikes ----

  async authoriseAttempt(attemptId: string) {
    const attempt = await this.attempts.findOneByOrFail({ id: attemptId });
    return this.checkout.PaymentsApi.payments(attempt.request, {
      idempotencyKey: attempt.idempotencyKey, // ok: unstable-idempotency-key
    });
  }

  async startAttempt(orderId: string, request: Types.checkout.PaymentRequest) {
    const attempt = this.attempts.create({
      orderId,
      request,
      idempotencyKey: uuid(), // ok: unstable-idempotency-key
      createdAt: new Date(), // ok: unstable-idempotency-key
    });
    return this.attempts.save(attempt);
  }

  async cancel(pspReference: string) {
    return this.checkout.ModificationsApi.cancelAuthorisedPaymentByPspReference(
      pspReference,
      { merchantAccount: process.env.ADYEN_MERCHANT!, reference: `cancel-${Date.now()}` }, // ok: unstable-idempotency-key
      { idempotencyKey: `cancel-${pspReference}` }, // ok: unstable-idempotency-key
    );
  }
}
