import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
import { InventoryRepository } from './inventory.repository';

@Injectable()
export class InventorySyncJob implements OnModuleInit {
  private readonly logger = new Logger('InventorySync');

  constructor(
    private readonly http: HttpService,
    private readonly repo: InventoryRepository,
  ) {}

  onModuleInit() {
    this.repo.warmCache().catch(() => this.logger.warn('inventory cache warm-up failed')); // expect: error-context-lost
    this.repo.prefetch().catch((err) => this.logger.warn(`prefetch failed: ${err}`)); // ok: error-context-lost
  }

  @Cron(CronExpression.EVERY_10_MINUTES)
  async run() {
    let items: Array<{ sku: string; qty: number }> = [];
    try {
      const res = await firstValueFrom(this.http.get('https://warehouse.internal/api/stock'));
      items = res.data.items;
    } catch (_err) {
      this.logger.error(new Error('warehouse stock fetch failed')); // expect: error-context-lost
      return;
    }
    for (const item of items) {
      try {
        await this.repo.setQuantity(item.sku, item.qty);
      } catch (err) {
        this.logger.warn(`skip sku ${item.sku}: ${err}`); // ok: error-context-lost
      }
    }
    try {
      await this.repo.markSynced(new Date());
    } catch (err) {
      this.logger.error(new Error('could not record sync time', { cause: err })); // ok: error-context-lost
    }
  }

  async reconcile(sku: string) {
    try {
      return await this.repo.reconcile(sku);
    } catch (ex) {
      console.warn(`reconcile ${sku} failed`); // expect: error-context-lost
      return null;
    }
  }

  async recount(sku: string) {
    try {
      return await this.repo.recount(sku);
    } catch (err) {
      this.logger.error(`recount ${sku} failed`, err instanceof Error ? err.stack : undefined); // ok: error-context-lost
      throw new Error(`Recount of ${sku} failed`, { cause: err }); // ok: error-context-lost
    }
  }
}
