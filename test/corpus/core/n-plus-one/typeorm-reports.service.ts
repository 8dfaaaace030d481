// @ts-nocheck
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { Invoice } from './invoice.entity';
import { Customer } from './customer.entity';
import { formatMoney } from './money';

@Injectable()
export class ReportsService {
  constructor(
    @InjectRepository(Invoice) private readonly invoices: Repository<Invoice>,
    @InjectRepository(Customer) private customerRepository: Repository<Customer>,
    private readonly dataSource: DataSource,
  ) {}

  async invoicesWithCustomers(ids: number[]) {
    const rows = await this.invoices.findBy({ id: In(ids) }); // ok: n-plus-one
    for (const row of rows) {
      row.customer = await this.customerRepository.findOne({ where: { id: row.customerId } }); // expect: n-plus-one
    }
    return rows;
  }

  async invoicesWithCustomersBatched(ids: number[]) {
    const rows = await this.invoices.findBy({ id: In(ids) }); // ok: n-plus-one
    const customers = await this.customerRepository.findBy({ id: In(rows.map((r) => r.customerId)) }); // ok: n-plus-one
    const byId = new Map(customers.map((c) => [c.id, c]));
    return rows.map((r) => ({ ...r, customer: byId.get(r.customerId) })); // ok: n-plus-one
  }

  async balances(customerIds: number[]) {
    return Promise.all(customerIds.map((id) => this.invoices.sum('amountCents', { customerId: id }))); // expect: n-plus-one
  }

  async formatted(ids: number[]) {
    const rows = await this.invoices.findBy({ id: In(ids) });
    const out = [];
    for (const r of rows) {
      out.push(await formatMoney(r.amountCents, r.currency)); // ok: n-plus-one
    }
    return out;
  }

  async saveEach(invoices: Invoice[]) {
    for (const inv of invoices) {
      await this.invoices.save(inv); // expect: n-plus-one
    }
  }

  async saveAll(invoices: Invoice[]) {
    await this.invoices.save(invoices); // ok: n-plus-one
  }

  async rawTotals(months: string[]) {
    const totals = [];
    for (const month of months) {
      totals.push(await this.invoices.query('SELECT sum(amount_cents) FROM invoice WHERE month = $1', [month])); // expect: n-plus-one
    }
    return totals;
  }

  async voidAll(ids: number[]) {
    await this.dataSource.transaction(async (manager: EntityManager) => {
      for (const id of ids) {
        await manager.update(Invoice, { id }, { status: 'void' }); // expect: n-plus-one
      }
    });
  }

  async touchCustomers(ids: number[]) {
    const repo = this.dataSource.getRepository(Customer);
    await Promise.all(ids.map(async (id) => repo.update({ id }, { touchedAt: new Date() }))); // expect: n-plus-one
  }

  async findEach(emails: string[]) {
    const found = [];
    let i = 0;
    while (i < emails.length) {
      found.push(await this.customerRepository.findOneBy({ email: emails[i] })); // expect: n-plus-one
      i++;
    }
    return found;
  }

  async exportPages() {
    const out = [];
    let skip = 0;
    // Offset paging asks for the next page each turn, like cursor paging: not per-element work (senior call).
    for (;;) {
      const page = await this.invoices.find({ order: { id: 'ASC' }, skip, take: 500 }); // ok: n-plus-one
      if (!page.length) break;
      out.push(...page);
      skip += page.length;
    }
    return out;
  }
}
