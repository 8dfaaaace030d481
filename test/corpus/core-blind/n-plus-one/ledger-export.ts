import * as pg from 'pg';
import * as mysql from 'mysql2/promise';
import { got as request } from 'got';

const ledger = new pg.Pool({ connectionString: process.env.LEDGER_URL });
const warehouse = mysql.createPool({ uri: process.env.WAREHOUSE_URL });

export class LedgerExporter {
  constructor(private readonly pool: pg.Pool = ledger) {}

  async exportAccounts(accountIds: string[]): Promise<void> {
    for (const accountId of accountIds) {
      const { rows } = await this.pool.query<{ amount: string }>( // expect: n-plus-one
        'SELECT amount FROM entries WHERE account_id = $1',
        [accountId],
      );
      const balance = rows.reduce((sum, r) => sum + Number(r.amount), 0); // ok: n-plus-one
      await warehouse.query('REPLACE INTO balances (account_id, balance) VALUES (?, ?)', [accountId, balance]); // expect: n-plus-one
    }
  }

  async exportAccountsBatched(accountIds: string[]): Promise<void> {
    const { rows } = await this.pool.query( // ok: n-plus-one
      'SELECT account_id, sum(amount) AS balance FROM entries WHERE account_id = ANY($1) GROUP BY account_id',
      [accountIds],
    );
    await warehouse.query('REPLACE INTO balances (account_id, balance) VALUES ?', [rows.map((r) => [r.account_id, r.balance])]); // ok: n-plus-one
  }

  async fetchRates(currencies: string[]): Promise<Record<string, number>> {
    const rates: Record<string, number> = {};
    for (const ccy of currencies) {
      rates[ccy] = await request(`https://rates.example.com/v1/${ccy}`, { timeout: { request: 3000 } }).json<number>(); // expect: n-plus-one
    }
    return rates;
  }

  async *streamEntries(): AsyncGenerator<{ id: string; amount: string }[]> {
    let after = '0';
    while (after) {
      const { rows } = await this.pool.query('SELECT id, amount FROM entries WHERE id > $1 ORDER BY id LIMIT 500', [after]); // ok: n-plus-one
      if (rows.length) yield rows;
      after = rows.length ? rows[rows.length - 1].id : '';
    }
  }
}
