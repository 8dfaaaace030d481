// @ts-nocheck
// Second round: look-alikes from real code, and less common shapes.
import { PrismaClient } from '@prisma/client';
import { Repository } from 'typeorm';
import { Model } from 'sequelize';
import mongoose from 'mongoose';
import knexFactory from 'knex';
import Redis from 'ioredis';

const prisma = new PrismaClient();
const knex = knexFactory({ client: 'pg' });
const redis = new Redis();
const Log = mongoose.model('Log', new mongoose.Schema({ at: Date }));
class Token extends Model {}

export async function emptyFilterVariable() {
  const filter = {};
  await Log.deleteMany(filter); // expect: delete-without-filter
}

export async function filterFromCaller(filter: Record<string, unknown>) {
  await Log.deleteMany(filter); // ok: delete-without-filter
}

export async function prismaByIds(ids: string[]) {
  await prisma.token.deleteMany({ where: { id: { in: ids } } }); // ok: delete-without-filter
}

export async function prismaWhereFromCaller(where: object) {
  await prisma.token.deleteMany({ where }); // ok: delete-without-filter
}

export async function sequelizeForce() {
  await Token.destroy({ where: {}, force: true }); // expect: delete-without-filter
}

export async function sequelizeByIds(ids: number[]) {
  await Token.destroy({ where: { id: ids } }); // ok: delete-without-filter
}

export async function knexTruncate() {
  await knex('tokens').truncate(); // expect: delete-without-filter
}

export async function knexWhereIn(ids: number[]) {
  await knex('tokens').whereIn('id', ids).del(); // ok: delete-without-filter
}

export class TokenStore {
  constructor(private readonly repo: Repository<{ id: string }>) {}

  async reset() {
    await this.repo.clear(); // expect: delete-without-filter
  }

  async removeExpired(now: Date) {
    await this.repo.createQueryBuilder().delete().where('expires_at < :now', { now }).execute(); // ok: delete-without-filter
  }
}

export async function rawWithParam(id: number) {
  await prisma.$executeRawUnsafe(`DELETE FROM "Token" WHERE id = $1`, id); // ok: delete-without-filter
  await prisma.$executeRawUnsafe('UPDATE "Token" SET revoked = true WHERE user_id = $1', id); // ok: delete-without-filter
  await prisma.$executeRawUnsafe('UPDATE "Token" SET revoked = true'); // expect: delete-without-filter
}

export async function notDatabase(cache: Map<string, string>, key: string) {
  await redis.del(key); // ok: delete-without-filter
  await redis.flushdb(); // ok: delete-without-filter
  cache.clear(); // ok: delete-without-filter
  throw new Error('DELETE FROM tokens failed; see logs'); // ok: delete-without-filter
}

export async function truncateSql() {
  await prisma.$executeRawUnsafe('TRUNCATE TABLE "Token"'); // expect: delete-without-filter
}

export async function mongooseDeleteOneEmpty() {
  // deleteOne({}) removes a single arbitrary document: wrong, but not "delete without filter" of the whole collection.
  await Log.deleteOne({}); // ok: delete-without-filter
}
