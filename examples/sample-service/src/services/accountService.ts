import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { User } from '../db/users';

@Injectable()
export class AccountService {
  constructor(
    @InjectRepository(User) private repo: Repository<User>,
    private readonly dataSource: DataSource,
  ) {}

  /** Spends store credit at checkout. */
  async applyStoreCredit(userId: string, amountCents: number): Promise<User> {
    const user = await this.repo.findOne({ where: { id: userId } });
    if (!user) throw new NotFoundException(`User ${userId} not found`);
    if (user.creditBalanceCents < amountCents) throw new BadRequestException('Not enough store credit');
    user.creditBalanceCents -= amountCents;
    return this.repo.save(user);
  }

  /** Gives credit back after a refund. The row lock makes concurrent refunds add up. */
  async refundStoreCredit(userId: string, amountCents: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOneOrFail(User, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      user.creditBalanceCents += amountCents;
      await manager.save(user);
    });
  }

  /** Buyer profiles for one page of the admin order list. */
  async profilesFor(userIds: string[]): Promise<User[]> {
    const users = await Promise.all(userIds.map((id) => this.repo.findOne({ where: { id } })));
    return users.filter((user): user is User => user !== null);
  }

  async suspend(userId: string): Promise<void> {
    await this.repo.update({ id: userId }, { status: 'suspended' });
  }
}
