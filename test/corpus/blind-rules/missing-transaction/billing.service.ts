import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Transactional } from 'typeorm-transactional';
import { Invoice } from './entities/invoice.entity';
import { InvoiceLine } from './entities/invoice-line.entity';
import { Payment } from './entities/payment.entity';
import { Account } from '../accounts/account.entity';

interface LineInput {
  description: string;
  amountCents: number;
}

@Injectable()
export class BillingService {
  constructor(
    @InjectRepository(Invoice) private readonly invoices: Repository<Invoice>,
    @InjectRepository(InvoiceLine) private readonly invoiceLines: Repository<InvoiceLine>,
    @InjectRepository(Account) private readonly accountRepo: Repository<Account>,
    @InjectRepository(Payment) private readonly paymentRepository: Repository<Payment>,
    private readonly dataSource: DataSource,
  ) {}

  async issueInvoice(accountId: string, lines: LineInput[]) {
    const invoice = await this.invoices.save({ accountId, status: 'open' });
    await this.invoiceLines.insert(lines.map((l) => ({ ...l, invoiceId: invoice.id }))); // expect: missing-transaction
    return invoice;
  }

  async recordPayment(accountId: string, amountCents: number) {
    await this.paymentRepository.insert({ accountId, amountCents });
    await this.accountRepo.increment({ id: accountId }, 'balanceCents', amountCents); // expect: missing-transaction
  }

  async voidInvoice(invoiceId: string) {
    await this.dataSource.manager.update(Invoice, { id: invoiceId }, { status: 'void' });
    await this.dataSource.manager.delete(InvoiceLine, { invoiceId }); // expect: missing-transaction
  }

  async writeOff(invoiceId: string, accountId: string) {
    await this.dataSource.getRepository(Invoice).update(invoiceId, { status: 'written_off' });
    await this.accountRepo.update(accountId, { overdue: false }); // expect: missing-transaction
  }

  async issueInvoiceAtomically(accountId: string, lines: LineInput[]) {
    return this.dataSource.transaction(async (manager) => {
      const invoice = await manager.save(Invoice, { accountId, status: 'open' });
      await manager.insert(InvoiceLine, lines.map((l) => ({ ...l, invoiceId: invoice.id }))); // ok: missing-transaction
      return invoice;
    });
  }

  async refund(paymentId: string, accountId: string, amountCents: number) {
    const queryRunner = this.dataSource.createQueryRunner();
    await queryRunner.connect();
    await queryRunner.startTransaction();
    try {
      await queryRunner.manager.update(Payment, { id: paymentId }, { refunded: true });
      await queryRunner.manager.decrement(Account, { id: accountId }, 'balanceCents', amountCents); // ok: missing-transaction
      await queryRunner.commitTransaction();
    } catch (err) {
      await queryRunner.rollbackTransaction();
      throw err;
    } finally {
      await queryRunner.release();
    }
  }

  @Transactional()
  async settle(invoiceId: string, accountId: string) {
    await this.invoices.update(invoiceId, { status: 'paid' });
    await this.accountRepo.update(accountId, { lastPaidAt: new Date() }); // ok: missing-transaction
  }

  // Repository.create() only builds entities in memory; the single save cascades the lines.
  async draftInvoice(accountId: string, lines: LineInput[]) {
    const invoice = this.invoices.create({ accountId, status: 'draft' });
    invoice.lines = lines.map((l) => this.invoiceLines.create(l)); // ok: missing-transaction
    return this.invoices.save(invoice);
  }
}
