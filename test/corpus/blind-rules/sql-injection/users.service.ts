import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectEntityManager, InjectDataSource } from '@nestjs/typeorm';
import { EntityManager, DataSource } from 'typeorm';

const USERS_TABLE = 'app_users';
const PAGE_SIZE = 50;

@Injectable()
export class UsersService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async findByEmail(email: string) {
    const rows = await this.manager.query(`SELECT * FROM app_users WHERE email = '${email}'`); // expect: sql-injection
    if (!rows.length) throw new NotFoundException(`No user with email ${email}`);
    return rows[0];
  }

  async findById(id: string) {
    const rows = await this.manager.query('SELECT * FROM app_users WHERE id = $1', [id]); // ok: sql-injection
    return rows[0];
  }

  async search(term: string, sort: string) {
    return this.manager.query( // expect: sql-injection
      `SELECT id, email FROM app_users
       WHERE display_name ILIKE '%${term}%'
       ORDER BY ${sort}`,
    );
  }

  async listPage(page: number) {
    return this.manager.query(`SELECT * FROM ${USERS_TABLE} ORDER BY id LIMIT ${PAGE_SIZE}`); // ok: sql-injection
  }

  async listOffset(page: number) {
    return this.manager.query(`SELECT * FROM ${USERS_TABLE} ORDER BY id LIMIT ${PAGE_SIZE} OFFSET ${page * PAGE_SIZE}`); // expect: sql-injection
  }

  async deactivate(ids: string[]) {
    await this.manager.transaction(async (tx) => {
      await tx.query('UPDATE app_users SET active = false WHERE id = ANY($1)', [ids]); // ok: sql-injection
    });
  }

  async renameTenant(tenantId: string, name: string) {
    await this.dataSource.manager.query( // expect: sql-injection
      "UPDATE tenants SET name = '" + name + "' WHERE id = '" + tenantId + "'",
    );
  }

  async countActive() {
    const [{ count }] = await this.dataSource.manager.query(`SELECT count(*) FROM ${USERS_TABLE} WHERE active`); // ok: sql-injection
    return Number(count);
  }

  async purgeTenant(tenantId: string) {
    const queryRunner = this.dataSource.createQueryRunner();
    await queryRunner.connect();
    await queryRunner.startTransaction();
    try {
      await queryRunner.manager.query(`DELETE FROM sessions WHERE tenant_id = '${tenantId}'`); // expect: sql-injection
      await queryRunner.manager.query('DELETE FROM app_users WHERE tenant_id = $1', [tenantId]); // ok: sql-injection
      await queryRunner.commitTransaction();
    } catch (err) {
      await queryRunner.rollbackTransaction();
      throw err;
    } finally {
      await queryRunner.release();
    }
  }
}
