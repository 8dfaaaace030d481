// @ts-nocheck
import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/sequelize';
import { Sequelize } from 'sequelize-typescript';

@Injectable()
export class StatsService {
  constructor(@InjectConnection() private readonly sequelize: Sequelize) {}

  async signupsSince(date: string) {
    return this.sequelize.query(`SELECT count(*) FROM users WHERE created_at > '${date}'`); // expect: sql-injection
  }

  async signupsSinceSafe(date: string) {
    return this.sequelize.query('SELECT count(*) FROM users WHERE created_at > :date', { replacements: { date } }); // ok: sql-injection
  }
}
