import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApolloClient, InMemoryCache, gql } from '@apollo/client/core';
import Redis from 'ioredis';
import postgres from 'postgres';
import { sql as vsql } from '@vercel/postgres';
import { Pool } from 'pg';
import { User } from './user.entity';

const sql = postgres(process.env.DATABASE_URL!);
const pool = new Pool();
const redis = new Redis(process.env.REDIS_URL!);
const apollo = new ApolloClient({ uri: process.env.GRAPHQL_URL, cache: new InMemoryCache() });

const GET_PROFILE = gql`
  query Profile($id: ID!) {
    profile(id: $id) { id name }
  }
`;

const USER_COLUMNS = 'id, email, display_name';
const STATUS_ACTIVE = 'active';

function buildReportSql(): string {
  return 'SELECT * FROM report_rows ORDER BY id';
}

@Injectable()
export class ProfileService {
  private readonly logger = new Logger(ProfileService.name);

  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async profile(id: string) {
    const cached = await redis.get(`profile:${id}`); // ok: sql-injection
    if (cached) return JSON.parse(cached);

    const { data } = await apollo.query({ query: GET_PROFILE, variables: { id } }); // ok: sql-injection
    await redis.set('profile:' + id, JSON.stringify(data), 'EX', 60); // ok: sql-injection
    return data;
  }

  async byEmail(email: string) {
    const rows = await sql`SELECT * FROM users WHERE email = ${email}`; // ok: sql-injection
    if (!rows.length) throw new NotFoundException(`User with email ${email} not found`); // ok: sql-injection
    return rows[0];
  }

  async byId(id: string) {
    const { rows } = await vsql`SELECT * FROM users WHERE id = ${id}`; // ok: sql-injection
    return rows[0];
  }

  async byStatus(status: string) {
    return this.users
      .createQueryBuilder('u')
      .where('u.status = :status', { status }) // ok: sql-injection
      .getMany();
  }

  async byRegionBuilder(region: string) {
    return this.users
      .createQueryBuilder('u')
      .where(`u.region = '${region}'`) // ok: sql-injection
      .getMany();
  }

  async activeUsers() {
    return this.users.query(`SELECT ${USER_COLUMNS} FROM users WHERE status = '${STATUS_ACTIVE}'`); // ok: sql-injection
  }

  async report() {
    return pool.query(buildReportSql()); // ok: sql-injection
  }

  async logSlowQuery(table: string, ms: number) {
    const statement = `SELECT * FROM ${table}`;
    this.logger.warn(`slow query (${ms}ms): ` + statement); // ok: sql-injection
    const url = new URL(`https://metrics.internal/query?table=${encodeURIComponent(table)}`); // ok: sql-injection
    await fetch(url, { method: 'POST', body: JSON.stringify({ statement }) }); // ok: sql-injection
  }

  async find(filter: { name?: string }) {
    return this.users.find({ where: { displayName: filter.name } }); // ok: sql-injection
  }
}
