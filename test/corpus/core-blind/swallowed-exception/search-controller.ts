import { Controller, Get, Query, Logger, HttpException, HttpStatus } from '@nestjs/common';
import { Client as ElasticClient } from '@elastic/elasticsearch';
import StatsD from 'hot-shots';
import { logger as appLogger } from '../common/logger';

// Review rule for this module: never write `.catch(() => {})` or `catch (e) {}` here. // ok: swallowed-exception
const ANTI_PATTERN_EXAMPLE = 'try { run(); } catch (e) {}'; // ok: swallowed-exception

type Product = { id: string; name: string };

const metrics = new StatsD({ prefix: 'search.' });

@Controller('search')
export class SearchController {
  private readonly logger = new Logger(SearchController.name);
  private degraded = false;
  private pending: string[] = [];

  constructor(private readonly es: ElasticClient) {}

  @Get()
  async search(@Query('q') q: string) {
    try {
      const res = await this.es.search<Product>({ index: 'products', query: { match: { name: q } } });
      return res.hits.hits;
    } catch (err) { // ok: swallowed-exception
      this.logger.error(`search failed for "${q}"`, (err as Error).stack);
      throw new HttpException('Search unavailable', HttpStatus.SERVICE_UNAVAILABLE);
    }
  }

  @Get('suggest')
  async suggest(@Query('q') q: string) {
    try {
      const res = await this.es.search<Product>({
        index: 'products',
        suggest: { names: { prefix: q, completion: { field: 'suggest' } } },
      });
      return res.suggest?.names ?? [];
    } catch (e) { // expect: swallowed-exception
      this.degraded = true;
      return [];
    }
  }

  @Get('facets')
  async facets() {
    try {
      const res = await this.es.search({ index: 'products', size: 0, aggs: { brands: { terms: { field: 'brand' } } } });
      return res.aggregations;
    } catch { // ok: swallowed-exception
      appLogger.warn('facet aggregation failed');
      return {};
    }
  }

  @Get('count')
  async count(@Query('q') q: string) {
    try {
      return await this.es.count({ index: 'products', query: { match: { name: q } } });
    } catch (error) { // ok: swallowed-exception
      throw new HttpException({ message: 'count failed', cause: String(error) }, HttpStatus.BAD_GATEWAY);
    }
  }

  @Get('click')
  async trackClick(@Query('id') id: string) {
    try {
      await this.es.update({ index: 'products', id, script: 'ctx._source.clicks += 1' });
    // relabelled (blind label: expect): a failure counter is error reporting, see docs/rules/swallowed-exception.md
    } catch (err) { // ok: swallowed-exception
      metrics.increment('click_update_failed');
    }
  }

  async bulkIndex(docs: Product[]) {
    try {
      await this.es.helpers.bulk({ datasource: docs, onDocument: (doc) => ({ index: { _index: 'products', _id: doc.id } }) });
    } catch (e) { // expect: swallowed-exception
      this.pending.push(...docs.map((e) => e.id));
    }
  }

  async reindexOne(doc: Product) {
    try {
      await this.es.index({ index: 'products', id: doc.id, document: doc });
    } catch (error) { // expect: swallowed-exception
      this.pending.push(doc.id);
      return { error: true };
    }
  }

  private async safeRefresh(): Promise<void> {
    await this.es.indices.refresh({ index: 'products' }).catch((err) => { // ok: swallowed-exception
      this.logger.warn(`refresh failed: ${err}`);
    });
  }

  private async refreshQuietly(): Promise<void> {
    await this.es.indices.refresh({ index: 'products' }).catch(() => { // expect: swallowed-exception
      // ignore – refresh is best effort
    });
  }

  private async refreshOrThrow(): Promise<void> {
    await this.es.indices.refresh({ index: 'products' }).catch(() => { // ok: swallowed-exception
      throw new HttpException('index refresh failed', HttpStatus.INTERNAL_SERVER_ERROR);
    });
  }

  async isHealthy(): Promise<boolean> {
    if (this.degraded) return false;
    return this.es.ping().then(
      () => true,
      function onPingFailed() { // expect: swallowed-exception
        return false;
      },
    );
  }
}
