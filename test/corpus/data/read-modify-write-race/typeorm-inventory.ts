// @ts-nocheck
import { DataSource, Repository, EntityManager } from 'typeorm';

interface Item { id: number; stock: number; version: number }
interface Wallet { id: number; balance: number }

export class InventoryService {
  constructor(
    private readonly items: Repository<Item>,
    private readonly wallets: Repository<Wallet>,
    private readonly dataSource: DataSource,
  ) {}

  async take(id: number, qty: number) {
    const item = await this.items.findOneBy({ id });
    if (!item) throw new Error('not found');
    item.stock -= qty;
    await this.items.save(item); // expect: read-modify-write-race
  }

  async takeAssign(id: number, qty: number) {
    const item = await this.items.findOne({ where: { id } });
    item!.stock = item!.stock - qty;
    await this.items.save(item!); // expect: read-modify-write-race
  }

  async pay(id: number, amount: number) {
    const wallet = await this.wallets.findOneByOrFail({ id });
    wallet.balance -= amount;
    return this.wallets.save(wallet); // expect: read-modify-write-race
  }

  async payWithUpdate(id: number, amount: number) {
    const wallet = await this.wallets.findOneByOrFail({ id });
    await this.wallets.update(id, { balance: wallet.balance - amount }); // expect: read-modify-write-race
  }

  async payWithUpdateCriteria(id: number, amount: number) {
    const wallet = await this.wallets.findOneByOrFail({ id });
    await this.wallets.update({ id }, { balance: wallet.balance + amount }); // expect: read-modify-write-race
  }

  async takeLocked(id: number, qty: number) {
    await this.dataSource.transaction(async (manager: EntityManager) => {
      const item = await manager.findOne<Item>('item', { where: { id }, lock: { mode: 'pessimistic_write' } });
      item!.stock -= qty;
      await manager.save(item); // ok: read-modify-write-race
    });
  }

  async takeInTransaction(id: number, qty: number) {
    await this.dataSource.manager.transaction(async (em) => {
      const item = await em.findOneBy<Item>('item', { id });
      item!.stock -= qty;
      await em.save(item); // ok: read-modify-write-race
    });
  }

  async takeLockOption(id: number, qty: number) {
    const item = await this.items.findOne({ where: { id }, lock: { mode: 'optimistic', version: 3 } });
    item!.stock -= qty;
    await this.items.save(item!); // ok: read-modify-write-race
  }

  async takeQueryRunner(id: number, qty: number) {
    const qr = this.dataSource.createQueryRunner();
    await qr.startTransaction();
    try {
      const item = await qr.manager.findOneBy<Item>('item', { id });
      item!.stock -= qty;
      await qr.manager.save(item); // ok: read-modify-write-race
      await qr.commitTransaction();
    } catch (e) {
      await qr.rollbackTransaction();
      throw e;
    } finally {
      await qr.release();
    }
  }

  async takeAtomic(id: number, qty: number) {
    await this.items.decrement({ id }, 'stock', qty); // ok: read-modify-write-race
  }

  async takeAtomicBuilder(id: number, qty: number) {
    await this.items.createQueryBuilder().update().set({ stock: () => `stock - ${Number(qty)}` }).where('id = :id', { id }).execute(); // ok: read-modify-write-race
  }

  async rename(id: number) {
    const item = await this.items.findOneBy({ id });
    (item as unknown as { name: string }).name = 'renamed';
    await this.items.save(item!); // ok: read-modify-write-race
  }

  async createNew(qty: number) {
    const item = this.items.create({ stock: qty });
    item.stock += 1;
    await this.items.save(item); // ok: read-modify-write-race
  }
}
