import { Injectable } from '@nestjs/common';
import { Prisma, PrismaClient } from '@prisma/client';

const INVOICE_TABLE = 'invoices';

@Injectable()
export class BillingService {
  private readonly prisma = new PrismaClient();

  async invoicesForCustomer(customerId: string) {
    return this.prisma.$queryRawUnsafe(`SELECT * FROM invoices WHERE customer_id = '${customerId}'`); // expect: sql-injection
  }

  async invoicesForCustomerSafe(customerId: string) {
    return this.prisma.$queryRaw`SELECT * FROM invoices WHERE customer_id = ${customerId}`; // ok: sql-injection
  }

  async invoicesSince(customerId: string, since: Date) {
    return this.prisma.$queryRaw( // ok: sql-injection
      Prisma.sql`SELECT * FROM invoices WHERE customer_id = ${customerId} AND issued_at >= ${since}`,
    );
  }

  async invoiceById(id: string) {
    return this.prisma.$queryRawUnsafe('SELECT * FROM invoices WHERE id = $1', id); // ok: sql-injection
  }

  async markPaid(id: string, reference: string) {
    await this.prisma.$executeRawUnsafe( // expect: sql-injection
      "UPDATE invoices SET status = 'paid', reference = '" + reference + "' WHERE id = '" + id + "'",
    );
  }

  async voidInvoice(id: string) {
    await this.prisma.$executeRaw`UPDATE invoices SET status = 'void' WHERE id = ${id}`; // ok: sql-injection
  }

  async totalsByColumn(column: string) {
    return this.prisma.$queryRawUnsafe(`SELECT ${column}, sum(amount) FROM ${INVOICE_TABLE} GROUP BY ${column}`); // expect: sql-injection
  }

  async invoiceCount() {
    return this.prisma.$queryRawUnsafe(`SELECT count(*)::int AS n FROM ${INVOICE_TABLE}`); // ok: sql-injection
  }

  async archive(before: string) {
    await this.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`INSERT INTO invoices_archive SELECT * FROM invoices WHERE issued_at < '${before}'`); // expect: sql-injection
      await tx.$executeRawUnsafe('DELETE FROM invoices WHERE issued_at < $1::timestamptz', before); // ok: sql-injection
    });
  }
}
