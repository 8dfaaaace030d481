// @ts-nocheck
import { PrismaClient } from '@prisma/client';
import { Repository, DataSource, EntityManager } from 'typeorm';
import { Model } from 'sequelize';
import mongoose from 'mongoose';

const prisma = new PrismaClient();

export async function allUsers() {
  return prisma.user.findMany(); // expect: unbounded-query
}

export async function allUsersEmpty() {
  return prisma.user.findMany({}); // expect: unbounded-query
}

export async function allUsersEmptyWhere() {
  return prisma.user.findMany({ where: {} }); // expect: unbounded-query
}

export async function allUsersSorted() {
  return prisma.user.findMany({ orderBy: { createdAt: 'desc' } }); // expect: unbounded-query
}

export async function allUsersWithPosts() {
  return prisma.user.findMany({ include: { posts: true } }); // expect: unbounded-query
}

export async function pageOfUsers(skip: number) {
  return prisma.user.findMany({ skip, take: 20 }); // ok: unbounded-query
}

export async function usersOfOrg(orgId: string) {
  return prisma.user.findMany({ where: { orgId } }); // ok: unbounded-query
}

export async function cursorPage(cursor: string) {
  return prisma.user.findMany({ take: 50, cursor: { id: cursor } }); // ok: unbounded-query
}

export async function oneUser(id: string) {
  return prisma.user.findUnique({ where: { id } }); // ok: unbounded-query
}

export async function firstUser() {
  return prisma.user.findFirst(); // ok: unbounded-query
}

export async function countUsers() {
  return prisma.user.count(); // ok: unbounded-query
}

export async function inTransaction() {
  return prisma.$transaction(async (tx) => {
    const all = await tx.invoice.findMany(); // expect: unbounded-query
    const mine = await tx.invoice.findMany({ where: { paid: false }, take: 100 }); // ok: unbounded-query
    return [all, mine];
  });
}

export class ProductService {
  constructor(private readonly products: Repository<{ id: number }>, private readonly ds: DataSource, private readonly em: EntityManager) {}

  list() {
    return this.products.find(); // expect: unbounded-query
  }

  listEmpty() {
    return this.products.find({}); // expect: unbounded-query
  }

  listSorted() {
    return this.products.find({ order: { id: 'DESC' } }); // expect: unbounded-query
  }

  listWithRelations() {
    return this.products.find({ relations: ['category'] }); // expect: unbounded-query
  }

  listAndCount() {
    return this.products.findAndCount(); // expect: unbounded-query
  }

  page(page: number) {
    return this.products.find({ skip: page * 20, take: 20 }); // ok: unbounded-query
  }

  byCategory(categoryId: number) {
    return this.products.find({ where: { categoryId } as never }); // ok: unbounded-query
  }

  byCategoryShort(categoryId: number) {
    return this.products.findBy({ categoryId } as never); // ok: unbounded-query
  }

  one(id: number) {
    return this.products.findOne({ where: { id } }); // ok: unbounded-query
  }

  viaManager() {
    return this.em.find('Product'); // expect: unbounded-query
  }

  viaManagerLimited() {
    return this.em.find('Product', { take: 10 }); // ok: unbounded-query
  }

  builderAll() {
    return this.products.createQueryBuilder('p').getMany(); // expect: unbounded-query
  }

  builderFiltered(name: string) {
    return this.products.createQueryBuilder('p').where('p.name = :name', { name }).getMany(); // ok: unbounded-query
  }

  builderLimited() {
    return this.products.createQueryBuilder('p').orderBy('p.id').take(25).getMany(); // ok: unbounded-query
  }

  builderOne(id: number) {
    return this.products.createQueryBuilder('p').where('p.id = :id', { id }).getOne(); // ok: unbounded-query
  }
}

class Customer extends Model {}

export async function sequelizeAll() {
  return Customer.findAll(); // expect: unbounded-query
}

export async function sequelizeAllOrdered() {
  return Customer.findAll({ order: [['name', 'ASC']] }); // expect: unbounded-query
}

export async function sequelizeAllAttrs() {
  return Customer.findAll({ attributes: ['id', 'name'] }); // expect: unbounded-query
}

export async function sequelizeAndCount() {
  return Customer.findAndCountAll(); // expect: unbounded-query
}

export async function sequelizeLimited(offset: number) {
  return Customer.findAll({ limit: 50, offset }); // ok: unbounded-query
}

export async function sequelizeFiltered(country: string) {
  return Customer.findAll({ where: { country } }); // ok: unbounded-query
}

export async function sequelizeOne(id: number) {
  return Customer.findByPk(id); // ok: unbounded-query
}

const Article = mongoose.model('Article', new mongoose.Schema({ title: String }));

export async function mongooseAll() {
  return Article.find(); // expect: unbounded-query
}

export async function mongooseAllEmpty() {
  return Article.find({}).lean(); // expect: unbounded-query
}

export async function mongooseAllSorted() {
  return Article.find({}).sort({ createdAt: -1 }).exec(); // expect: unbounded-query
}

export async function mongooseLimited() {
  return Article.find({}).sort({ createdAt: -1 }).limit(20).exec(); // ok: unbounded-query
}

export async function mongooseFiltered(author: string) {
  return Article.find({ author }); // ok: unbounded-query
}

export async function mongooseOne(id: string) {
  return Article.findById(id); // ok: unbounded-query
}

// Array.prototype.find is not a query.
export function pick(items: { id: number }[], id: number) {
  return items.find((i) => i.id === id); // ok: unbounded-query
}
