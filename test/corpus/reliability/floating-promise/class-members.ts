// @ts-nocheck
import { Injectable } from '@nestjs/common';

@Injectable()
export class BillingService {
  private async chargeCard(userId: string, cents: number): Promise<string> {
    return `${userId}:${cents}`;
  }

  async notify(userId: string): Promise<void> {
    console.log('notify', userId);
  }

  refund(id: string): Promise<boolean> {
    return Promise.resolve(!!id);
  }

  log(msg: string): void {
    console.log(msg);
  }

  async checkout(userId: string) {
    this.chargeCard(userId, 100); // expect: floating-promise
    this.notify(userId); // expect: floating-promise
    this.refund('r1'); // expect: floating-promise
    this.log('done'); // ok: floating-promise
    await this.notify(userId); // ok: floating-promise
    const ref = this.chargeCard(userId, 5); // ok: floating-promise
    return ref;
  }

  cancel(userId: string) {
    return this.refund(userId); // ok: floating-promise
  }

  safeNotify(userId: string) {
    this.notify(userId).catch(() => undefined); // ok: floating-promise
    this.notify(userId).finally(() => this.log('x')); // expect: floating-promise
  }

  batch(ids: string[]) {
    ids.map((id) => this.refund(id)); // ok: floating-promise
    return Promise.allSettled(ids.map((id) => this.notify(id))); // ok: floating-promise
  }

  background(userId: string) {
    // fire-and-forget: the email is retried by the mail queue
    void this.notify(userId); // ok: floating-promise
    if (userId) this.notify(userId); // expect: floating-promise
    else this.refund(userId); // expect: floating-promise
  }
}
