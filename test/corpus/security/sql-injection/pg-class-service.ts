// @ts-nocheck
import { Pool, PoolClient } from 'pg';

export class InvoiceRepository {
  constructor(private readonly pool: Pool) {}

  async byCustomer(customerId: string) {
    const { rows } = await this.pool.query(`SELECT * FROM invoices WHERE customer_id = ${customerId}`); // expect: sql-injection
    return rows;
  }

  async byCustomerSafe(customerId: string) {
    const { rows } = await this.pool.query('SELECT * FROM invoices WHERE customer_id = $1', [customerId]); // ok: sql-injection
    return rows;
  }

  async markPaid(client: PoolClient, invoiceId: string) {
    await client.query('UPDATE invoices SET paid = true WHERE id = ' + invoiceId); // expect: sql-injection
  }

  async markPaidSafe(client: PoolClient, invoiceId: string) {
    await client.query('UPDATE invoices SET paid = true WHERE id = $1', [invoiceId]); // ok: sql-injection
  }
}
