// @ts-nocheck
import { PrismaClient } from '@prisma/client';
import { Repository, In } from 'typeorm';
import { Model } from 'sequelize';
import mongoose from 'mongoose';
import knexFactory from 'knex';
import _ from 'lodash';
import * as cheerio from 'cheerio';

const prisma = new PrismaClient();
const knex = knexFactory({ client: 'pg' });
const Order = mongoose.model('Order', new mongoose.Schema({ total: Number }));
class Plan extends Model {}

export async function countries() {
  // Small lookup tables are still unbounded by the definition: no filter, no limit.
  return prisma.country.findMany(); // expect: unbounded-query
}

export async function byIds(ids: string[]) {
  return prisma.order.findMany({ where: { id: { in: ids } } }); // ok: unbounded-query
}

export async function softDeleted() {
  return prisma.order.findMany({ where: { deletedAt: null } }); // ok: unbounded-query
}

export async function fromArgs(args: object) {
  return prisma.order.findMany(args); // ok: unbounded-query
}

export async function spreadPagination(page: { skip: number; take: number }) {
  return prisma.order.findMany({ ...page, orderBy: { id: 'asc' } }); // ok: unbounded-query
}

export async function takeVariable(take: number) {
  return prisma.order.findMany({ take, orderBy: { id: 'asc' } }); // ok: unbounded-query
}

export async function selectOnly() {
  return prisma.order.findMany({ select: { id: true, total: true } }); // expect: unbounded-query
}

export async function mongooseSelect() {
  return Order.find({}).select('total').lean(); // expect: unbounded-query
}

export async function mongooseQueryFromCaller(query: object) {
  return Order.find(query); // ok: unbounded-query
}

export async function mongooseCount() {
  return Order.countDocuments(); // ok: unbounded-query
}

export async function sequelizeInclude() {
  return Plan.findAll({ include: [{ all: true }] }); // expect: unbounded-query
}

export async function sequelizeSpreadWhere(filters: object) {
  return Plan.findAll({ where: { ...filters } }); // ok: unbounded-query
}

export async function sequelizeEmptyWhere() {
  return Plan.findAll({ where: {} }); // expect: unbounded-query
}

export class Repo {
  constructor(private readonly orders: Repository<{ id: number }>) {}
  emptyWhere() {
    return this.orders.find({ where: {}, order: { id: 'ASC' } }); // expect: unbounded-query
  }
  orWhere(a: number, b: number) {
    return this.orders.find({ where: [{ id: a }, { id: b }] }); // ok: unbounded-query
  }
  inIds(ids: number[]) {
    return this.orders.findBy({ id: In(ids) }); // ok: unbounded-query
  }
  findByEmpty() {
    return this.orders.findBy({}); // expect: unbounded-query
  }
}

export async function knexWhereIn(ids: number[]) {
  return knex('orders').select('*').whereIn('id', ids); // ok: unbounded-query
}

export async function knexCount() {
  return knex('orders').count('* as n'); // ok: unbounded-query
}

export function notQueries(users: { id: number }[], html: string) {
  const $ = cheerio.load(html);
  _.find(users, { id: 1 }); // ok: unbounded-query
  $('a').find('span'); // ok: unbounded-query
  Object.values({ a: 1 }).find((v) => v > 0); // ok: unbounded-query
  return users.filter((u) => u.id > 1); // ok: unbounded-query
}
