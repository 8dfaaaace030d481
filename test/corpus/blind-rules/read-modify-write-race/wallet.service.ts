import { Injectable, NotFoundException, BadRequestException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Wallet } from './entities/wallet.entity';
import { WalletSnapshot } from './entities/wallet-snapshot.entity';
import { RenameWalletDto } from './dto/rename-wallet.dto';

@Injectable()
export class WalletService {
  constructor(
    @InjectRepository(Wallet) private readonly wallets: Repository<Wallet>,
    @InjectRepository(WalletSnapshot) private readonly snapshots: Repository<WalletSnapshot>,
    private readonly dataSource: DataSource,
  ) {}

  async debit(walletId: string, amount: number): Promise<Wallet> {
    const wallet = await this.wallets.findOne({ where: { id: walletId } });
    if (!wallet) throw new NotFoundException('wallet not found');
    if (wallet.balance < amount) throw new BadRequestException('insufficient funds');
    wallet.balance -= amount;
    return this.wallets.save(wallet); // expect: read-modify-write-race
  }

  async credit(walletId: string, amount: number): Promise<Wallet> {
    const wallet = await this.wallets.findOneBy({ id: walletId });
    if (!wallet) throw new NotFoundException('wallet not found');
    wallet.balance = wallet.balance + amount;
    wallet.updatedAt = new Date();
    await this.wallets.save(wallet); // expect: read-modify-write-race
    return wallet;
  }

  async applyCashback(walletId: string, percent: number): Promise<void> {
    const wallet = await this.wallets.findOneByOrFail({ id: walletId });
    const cashback = Math.round(wallet.lastTopUp * percent) / 100;
    await this.wallets.update(walletId, { balance: wallet.balance + cashback }); // expect: read-modify-write-race
  }

  async recordFailedPin(walletId: string): Promise<void> {
    const wallet = await this.wallets.findOneOrFail({ where: { id: walletId } });
    wallet.failedPinAttempts++;
    if (wallet.failedPinAttempts >= 5) {
      wallet.frozen = true;
    }
    await this.wallets.save(wallet); // expect: read-modify-write-race
  }

  async transfer(fromId: string, toId: string, amount: number): Promise<void> {
    const from = await this.wallets.findOneBy({ id: fromId });
    const to = await this.wallets.findOneBy({ id: toId });
    if (!from || !to) throw new NotFoundException('wallet not found');
    from.balance -= amount;
    to.balance += amount;
    await this.wallets.save(from); // expect: read-modify-write-race
    await this.wallets.save(to); // expect: read-modify-write-race
  }

  async addSignupBonus(walletId: string, bonus: number): Promise<void> {
    const wallet = await this.dataSource.manager.findOne(Wallet, { where: { id: walletId } });
    if (!wallet) return;
    wallet.bonusBalance += bonus;
    await this.dataSource.manager.save(wallet); // expect: read-modify-write-race
  }

  async debitSafely(walletId: string, amount: number): Promise<Wallet> {
    return this.dataSource.transaction(async (manager) => {
      const wallet = await manager.findOne(Wallet, {
        where: { id: walletId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!wallet) throw new NotFoundException('wallet not found');
      if (wallet.balance < amount) throw new BadRequestException('insufficient funds');
      wallet.balance -= amount;
      return manager.save(wallet); // ok: read-modify-write-race
    });
  }

  async creditAtomic(walletId: string, amount: number): Promise<void> {
    const wallet = await this.wallets.findOneBy({ id: walletId });
    if (!wallet || wallet.frozen) throw new BadRequestException('wallet unavailable');
    await this.wallets.increment({ id: walletId }, 'balance', amount); // ok: read-modify-write-race
  }

  async chargeFee(walletId: string, fee: number): Promise<boolean> {
    const wallet = await this.wallets.findOneBy({ id: walletId });
    if (!wallet || wallet.balance < fee) return false;
    const result = await this.wallets.createQueryBuilder().update(Wallet) // ok: read-modify-write-race
      .set({ balance: () => 'balance - :fee' }) // ok: read-modify-write-race
      .where('id = :id AND balance >= :fee', { id: walletId, fee })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async adjustWithVersion(walletId: string, delta: number, expectedVersion: number): Promise<Wallet> {
    const wallet = await this.wallets.findOne({
      where: { id: walletId },
      lock: { mode: 'optimistic', version: expectedVersion },
    });
    if (!wallet) throw new NotFoundException('wallet not found');
    wallet.balance += delta;
    return this.wallets.save(wallet); // ok: read-modify-write-race
  }

  async rename(walletId: string, dto: RenameWalletDto): Promise<Wallet> {
    const wallet = await this.wallets.findOneBy({ id: walletId });
    if (!wallet) throw new NotFoundException('wallet not found');
    wallet.label = dto.label.trim();
    wallet.updatedAt = new Date();
    return this.wallets.save(wallet); // ok: read-modify-write-race
  }

  async open(userId: string, initialDeposit: number): Promise<Wallet> {
    const wallet = this.wallets.create({ userId, balance: 0, bonusBalance: 0 });
    wallet.balance += initialDeposit;
    return this.wallets.save(wallet); // ok: read-modify-write-race
  }

  async snapshot(walletId: string): Promise<WalletSnapshot> {
    const wallet = await this.wallets.findOneByOrFail({ id: walletId });
    const snap = this.snapshots.create({
      walletId,
      available: wallet.balance - wallet.pendingHolds,
      takenAt: new Date(),
    });
    return this.snapshots.save(snap); // ok: read-modify-write-race
  }

  // Only ever called from OrderService inside dataSource.transaction(...)
  async reserveWithinTx(manager: EntityManager, walletId: string, amount: number): Promise<void> {
    const wallet = await manager.findOneOrFail(Wallet, {
      where: { id: walletId },
      lock: { mode: 'pessimistic_write' },
    });
    wallet.reserved += amount;
    await manager.save(wallet); // ok: read-modify-write-race
  }
}
