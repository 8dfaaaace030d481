// corpus-path: src/payments/__tests__/payments.service.spec.ts
import { Test } from '@nestjs/testing';
import Stripe from 'stripe';
import { PaymentsService } from '../payments.service';

describe('PaymentsService', () => {
  const stripe = {
    paymentIntents: { create: jest.fn(), capture: jest.fn(), confirm: jest.fn() },
    refunds: { create: jest.fn() },
    charges: { create: jest.fn() },
  };
  let service: PaymentsService;

  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({
      providers: [PaymentsService, { provide: Stripe, useValue: stripe }],
    }).compile();
    service = moduleRef.get(PaymentsService);
  });

  it('passes an idempotency key when creating an intent', async () => {
    stripe.paymentIntents.create.mockResolvedValue({ id: 'pi_1', client_secret: 'cs' }); // ok: missing-idempotency-key
    await service.createIntentForCheckout({ id: 'o1', totalCents: 100, currency: 'usd' } as any);
    expect(stripe.paymentIntents.create).toHaveBeenCalledWith( // ok: missing-idempotency-key
      expect.objectContaining({ amount: 100 }),
      { idempotencyKey: 'order-o1-intent-v1' },
    );
  });

  it('records refunds', async () => {
    stripe.refunds.create.mockResolvedValueOnce({ id: 're_1', amount: 50 }); // ok: missing-idempotency-key
    const spy = jest.spyOn(stripe.charges, 'create'); // ok: missing-idempotency-key
    await service.refundOrder({ id: 'o1', paymentIntentId: 'pi_1' } as any, 50);
    expect(stripe.refunds.create.mock.calls).toHaveLength(1); // ok: missing-idempotency-key
    expect(spy).not.toHaveBeenCalled();
  });
});
