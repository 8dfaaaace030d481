// @ts-nocheck
import * as Sentry from '@sentry/node';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Product } from './product.entity';
import { InventoryError } from './errors';

@Injectable()
export class InventoryService {
  private readonly logger = new Logger(InventoryService.name);
  private cacheWarm = false;

  constructor(@InjectRepository(Product) private readonly products: Repository<Product>) {}

  async findBySku(sku: string): Promise<Product | null> {
    try {
      return await this.products.findOneBy({ sku });
    } catch (e) { // expect: swallowed-exception
      return null;
    }
  }

  async listActive(): Promise<Product[]> {
    try {
      return await this.products.find({ where: { active: true } });
    } catch { // expect: swallowed-exception
      return [];
    }
  }

  async isInStock(sku: string): Promise<boolean> {
    try {
      const p = await this.products.findOneByOrFail({ sku });
      return p.stock > 0;
    } catch (_err) { // expect: swallowed-exception
      return false;
    }
  }

  async reserve(sku: string, qty: number): Promise<void> {
    try {
      await this.products.decrement({ sku }, 'stock', qty);
    } catch (e) { // ok: swallowed-exception
      throw new InventoryError(`could not reserve ${qty} of ${sku}`, { cause: e });
    }
  }

  async release(sku: string, qty: number): Promise<void> {
    try {
      await this.products.increment({ sku }, 'stock', qty);
    } catch (e) { // ok: swallowed-exception
      this.logger.error(`release failed for ${sku}`, e instanceof Error ? e.stack : undefined);
      throw e;
    }
  }

  async warmCache(): Promise<void> {
    try {
      await this.products.find({ take: 500 });
      this.cacheWarm = true;
    } catch { // expect: swallowed-exception
      this.cacheWarm = false;
    }
  }

  async priceOf(sku: string): Promise<number | undefined> {
    try {
      const p = await this.products.findOneBy({ sku });
      return p?.priceCents;
    } catch (error) { // ok: swallowed-exception
      Sentry.captureException(error);
      return undefined;
    }
  }

  async archive(sku: string): Promise<void> {
    try {
      await this.products.update({ sku }, { active: false });
    } catch (err) { // ok: swallowed-exception
      this.logger.warn('archive failed; will retry on next sweep');
    }
  }

  async lookupLegacy(code: string): Promise<Product | undefined> {
    try {
      return await this.products.findOneBy({ legacyCode: code });
    } catch (err: any) { // ok: swallowed-exception
      if (err.code === '42P01') return undefined;
      throw err;
    }
  }

  async touch(sku: string): Promise<void> {
    try {
      await this.products.update({ sku }, { touchedAt: new Date() });
    } catch (e) { // expect: swallowed-exception
      /* not important */
    }
  }

  async defaultsFor(category: string): Promise<Record<string, unknown>> {
    try {
      const row = await this.products.query('SELECT defaults FROM categories WHERE name = $1', [category]);
      return row[0].defaults;
    } catch { // expect: swallowed-exception
      return { currency: 'EUR', taxRate: 0.2 };
    }
  }

  async safeCount(): Promise<number> {
    try {
      return await this.products.count();
    } catch (err) { // ok: swallowed-exception
      Sentry.captureMessage('product count failed');
      return 0;
    }
  }
}
