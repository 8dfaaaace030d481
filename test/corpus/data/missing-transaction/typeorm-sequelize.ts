// @ts-nocheck
import { DataSource, Repository, EntityManager } from 'typeorm';
import { Sequelize, Model } from 'sequelize';

interface Order { id: number }
interface Payment { id: number }
interface Outbox { id: number }

export class OrderService {
  constructor(
    private readonly orders: Repository<Order>,
    private readonly payments: Repository<Payment>,
    private readonly outbox: Repository<Outbox>,
    private readonly dataSource: DataSource,
    private readonly manager: EntityManager,
  ) {}

  async pay(orderId: number, amount: number) {
    await this.payments.save({ orderId, amount } as never);
    await this.orders.update(orderId, { paid: true } as never); // expect: missing-transaction
  }

  async payAndPublish(orderId: number) {
    await this.orders.update(orderId, { paid: true } as never);
    await this.outbox.insert({ topic: 'order.paid', orderId } as never); // expect: missing-transaction
  }

  async viaManager(orderId: number) {
    await this.manager.insert('payment', { orderId });
    await this.manager.update('order', { id: orderId }, { paid: true }); // expect: missing-transaction
  }

  async payTx(orderId: number, amount: number) {
    await this.dataSource.transaction(async (em) => {
      await em.save('payment', { orderId, amount }); // ok: missing-transaction
      await em.update('order', { id: orderId }, { paid: true }); // ok: missing-transaction
    });
  }

  async payQueryRunner(orderId: number, amount: number) {
    const qr = this.dataSource.createQueryRunner();
    await qr.connect();
    await qr.startTransaction();
    try {
      await qr.manager.save('payment', { orderId, amount }); // ok: missing-transaction
      await qr.manager.update('order', { id: orderId }, { paid: true }); // ok: missing-transaction
      await qr.commitTransaction();
    } catch (err) {
      await qr.rollbackTransaction();
      throw err;
    } finally {
      await qr.release();
    }
  }

  async twoOrdersSameTable(a: number, b: number) {
    await this.orders.update(a, { paid: true } as never); // ok: missing-transaction
    await this.orders.update(b, { paid: true } as never); // ok: missing-transaction
  }
}

const sequelize = new Sequelize('postgres://localhost/app');
class Invoice extends Model {}
class InvoiceLine extends Model {}
class Customer extends Model {}

export async function createInvoice(customerId: number, lines: { sku: string }[]) {
  const invoice = await Invoice.create({ customerId });
  await InvoiceLine.bulkCreate(lines.map((l) => ({ ...l, invoiceId: (invoice as any).id }))); // expect: missing-transaction
  return invoice;
}

export async function mergeCustomers(keep: number, drop: number) {
  await Invoice.update({ customerId: keep }, { where: { customerId: drop } });
  await Customer.destroy({ where: { id: drop } }); // expect: missing-transaction
}

export async function createInvoiceTx(customerId: number, lines: { sku: string }[]) {
  return sequelize.transaction(async (t) => {
    const invoice = await Invoice.create({ customerId }, { transaction: t }); // ok: missing-transaction
    await InvoiceLine.bulkCreate(lines, { transaction: t }); // ok: missing-transaction
    return invoice;
  });
}

export async function createInvoiceManagedTx(customerId: number) {
  const t = await sequelize.transaction();
  try {
    await Invoice.create({ customerId }, { transaction: t }); // ok: missing-transaction
    await Customer.update({ lastInvoiceAt: new Date() }, { where: { id: customerId }, transaction: t }); // ok: missing-transaction
    await t.commit();
  } catch (e) {
    await t.rollback();
    throw e;
  }
}
