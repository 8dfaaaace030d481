// @ts-nocheck
import { DataSource, EntityManager, Repository } from 'typeorm';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Injectable } from '@nestjs/common';
import { Account } from './account.entity';

export const AppDataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, entities: [Account] });

export async function balances(currency: string) {
  return AppDataSource.query(`SELECT id, balance FROM accounts WHERE currency = '${currency}'`); // expect: sql-injection
}

export async function balancesSafe(currency: string) {
  return AppDataSource.query('SELECT id, balance FROM accounts WHERE currency = $1', [currency]); // ok: sql-injection
}

export async function freeze(manager: EntityManager, accountId: string) {
  await manager.query('UPDATE accounts SET frozen = true WHERE id = ' + accountId); // expect: sql-injection
}

export async function freezeSafe(manager: EntityManager, accountId: string) {
  await manager.query('UPDATE accounts SET frozen = true WHERE id = $1', [accountId]); // ok: sql-injection
}

@Injectable()
export class LedgerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
  ) {}

  async entriesFor(accountId: string, from: string) {
    return this.dataSource.query(`SELECT * FROM ledger WHERE account_id = '${accountId}' AND at >= '${from}'`); // expect: sql-injection
  }

  async entriesForSafe(accountId: string) {
    return this.dataSource.query('SELECT * FROM ledger WHERE account_id = $1', [accountId]); // ok: sql-injection
  }

  async closeAll(ids: string) {
    return this.dataSource.transaction(async (em) => {
      await em.query(`UPDATE accounts SET closed = true WHERE id IN (${ids})`); // expect: sql-injection
    });
  }

  async viaRepository(owner: string) {
    return this.accounts.query(`SELECT * FROM accounts WHERE owner = '${owner}'`); // expect: sql-injection
  }

  async viaQueryRunner(name: string) {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      return await runner.query(`SELECT * FROM accounts WHERE name = '${name}'`); // expect: sql-injection
    } finally {
      await runner.release();
    }
  }

  async viaQueryBuilder(owner: string) {
    return this.accounts.createQueryBuilder('a').where('a.owner = :owner', { owner }).getMany(); // ok: sql-injection
  }
}
