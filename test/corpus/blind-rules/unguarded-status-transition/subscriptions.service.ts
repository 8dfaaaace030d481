import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, In, Not, DataSource } from 'typeorm';
import * as dayjs from 'dayjs';
import { Subscription } from './subscription.entity';

@Injectable()
export class SubscriptionsService {
  constructor(
    @InjectRepository(Subscription) private readonly subs: Repository<Subscription>,
    private readonly dataSource: DataSource,
  ) {}

  async cancelNow(id: string) {
    await this.subs.update(id, { status: 'canceled', canceledAt: new Date() }); // expect: unguarded-status-transition
  }

  async markPastDue(id: string) {
    await this.subs.update({ id }, { status: 'past_due' }); // expect: unguarded-status-transition
  }

  async activateTrial(id: string) {
    const result = await this.subs.update({ id, status: 'trialing' }, { status: 'active' }); // ok: unguarded-status-transition
    return result.affected === 1;
  }

  async cancelActive(id: string) {
    const result = await this.subs.update( // ok: unguarded-status-transition
      { id, status: In(['active', 'past_due']) },
      { status: 'canceled', canceledAt: new Date() },
    );
    return result.affected === 1;
  }

  async resume(id: string) {
    await this.subs.update({ id, status: Not('canceled') }, { status: 'active' }); // ok: unguarded-status-transition
  }

  async setCancelAtPeriodEnd(customerId: string) {
    await this.subs.update({ customerId }, { cancelAtPeriodEnd: true }); // ok: unguarded-status-transition
  }

  async pause(id: string) {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Subscription, { id }, { status: 'paused', pausedAt: new Date() }); // expect: unguarded-status-transition
    });
  }

  async pauseIfActive(id: string) {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Subscription, { id, status: 'active' }, { status: 'paused' }); // ok: unguarded-status-transition
    });
  }

  async expire(id: string) {
    await this.subs.createQueryBuilder().update(Subscription).set({ status: 'expired', endedAt: () => 'NOW()' }).where('id = :id', { id }).execute(); // expect: unguarded-status-transition
  }

  async expireIfTrialing(id: string) {
    await this.subs.createQueryBuilder().update(Subscription).set({ status: 'expired' }).where('id = :id', { id }).andWhere('status = :from', { from: 'trialing' }).execute(); // ok: unguarded-status-transition
  }

  async sweepEndedTrials() {
    const cutoff = dayjs().subtract(1, 'day').toDate();
    await this.subs.createQueryBuilder().update().set({ status: 'incomplete_expired' }).where('trial_end < :cutoff', { cutoff }).execute(); // expect: unguarded-status-transition
  }

  async renew(sub: Subscription) {
    await this.subs.update(sub.id, { status: sub.nextStatus, currentPeriodEnd: dayjs(sub.currentPeriodEnd).add(1, 'month').toDate() }); // ok: unguarded-status-transition
  }

  async start(customerId: string, planId: string) {
    return this.subs.insert({ customerId, planId, status: 'incomplete' }); // ok: unguarded-status-transition
  }
}
