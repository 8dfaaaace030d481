import { Injectable, BadRequestException } from '@nestjs/common';
import Stripe from 'stripe';
import { ConfigService } from '@nestjs/config';

export const STRIPE_SECRET_KEY = 'sk_live_Zx8Cv7Bn6Mq5Wr4Te3Yu2Io1Pa9Sd0Fg'; // expect: hardcoded-secret
// Publishable keys are shipped to browsers by design.
export const STRIPE_PUBLISHABLE_KEY = 'pk_live_Mn7Bv6Cx5Zl4Kj3Hg2Fd1Sa0Qw9Er8Ty'; // ok: hardcoded-secret
const STRIPE_API_VERSION = '2023-10-16'; // ok: hardcoded-secret

@Injectable()
export class PaymentsService {
  private readonly stripe = new Stripe('sk_live_Qa1Ws2Ed3Rf4Tg5Yh6Uj7Ik8Ol9Pz0Xc', { // expect: hardcoded-secret
    apiVersion: STRIPE_API_VERSION as any,
  });

  // Restricted key for the reporting job.
  private readonly reportingStripe = new Stripe('rk_live_Lp0Ko9Ji8Hu7Gy6Ft5Dr4Se3Wa2Qz1Xm', { // expect: hardcoded-secret
    apiVersion: STRIPE_API_VERSION as any,
  });

  private readonly webhookSecret = 'whsec_Mq7Lw2Nk9Pv4Rx8Tz3Yb6Hc1Jd5Fg0Sa'; // expect: hardcoded-secret

  private readonly sandbox = new Stripe(this.config.get<string>('STRIPE_SECRET_KEY')!, { // ok: hardcoded-secret
    apiVersion: STRIPE_API_VERSION as any,
  });

  constructor(private readonly config: ConfigService) {}

  constructEvent(payload: Buffer, signature: string) {
    const signatureHeader = 'stripe-signature'; // ok: hardcoded-secret
    if (!signature) throw new BadRequestException(`missing ${signatureHeader}`);
    return this.stripe.webhooks.constructEvent(payload, signature, this.webhookSecret);
  }

  assertKeyShape(key: string) {
    if (!key.startsWith('sk_live_')) { // ok: hardcoded-secret
      throw new BadRequestException('expected a key like sk_live_xxxxxxxxxxxxxxxxxxxxxxxx'); // ok: hardcoded-secret
    }
  }
}

// Test-mode key used by the local demo checkout only.
export const demoStripe = new Stripe('sk_test_Hn4Jm5Kl6Pq7Rs8Tu9Vw0Xy1Za2Bc3De', { apiVersion: '2023-10-16' as any }); // ok: hardcoded-secret
