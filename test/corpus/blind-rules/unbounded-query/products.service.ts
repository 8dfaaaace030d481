import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, MoreThan, Repository as Repo } from 'typeorm';
import { Product } from './product.entity';
import { Category } from './category.entity';

@Injectable()
export class ProductsService {
  constructor(
    @InjectRepository(Product) private readonly products: Repo<Product>,
    private readonly dataSource: DataSource,
  ) {}

  listAll() {
    return this.products.find(); // expect: unbounded-query
  }

  listWithCategory() {
    return this.products.find({ relations: { category: true }, order: { name: 'ASC' } }); // expect: unbounded-query
  }

  listEmptyWhere() {
    return this.products.find({ where: {} }); // expect: unbounded-query
  }

  categories() {
    return this.dataSource.getRepository(Category).find({ order: { position: 'ASC' } }); // expect: unbounded-query
  }

  skus() {
    return this.products.createQueryBuilder('p').select(['p.id', 'p.sku']).getMany(); // expect: unbounded-query
  }

  page(skip: number, take: number) {
    return this.products.find({ skip, take: Math.min(take, 100), order: { id: 'ASC' } }); // ok: unbounded-query
  }

  byCategory(categoryId: string) {
    return this.products.find({ where: { categoryId } }); // ok: unbounded-query
  }

  byIds(ids: string[]) {
    return this.products.find({ where: { id: In(ids) } }); // ok: unbounded-query
  }

  inStock() {
    return this.products.findBy({ stock: MoreThan(0) }); // ok: unbounded-query
  }

  async paged(page: number) {
    const [items, total] = await this.products.findAndCount({ take: 20, skip: page * 20 }); // ok: unbounded-query
    return { items, total };
  }

  one(id: string) {
    return this.products.findOne({ where: { id } }); // ok: unbounded-query
  }

  bySku(sku: string) {
    return this.products.findOneBy({ sku }); // ok: unbounded-query
  }

  categoryPage(categoryId: string) {
    return this.products // ok: unbounded-query
      .createQueryBuilder('p')
      .select(['p.id', 'p.name'])
      .where('p.categoryId = :categoryId', { categoryId })
      .take(50)
      .getMany();
  }

  count() {
    return this.products.count(); // ok: unbounded-query
  }

  async featured(ids: string[]) {
    const list = await this.products.find({ where: { id: In(ids) }, take: 10 }); // ok: unbounded-query
    return list.find((p) => p.featured) ?? list[0]; // ok: unbounded-query
  }
}
