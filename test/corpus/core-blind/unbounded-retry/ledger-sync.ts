import backoff from 'async-retry';
import promiseRetry = require('promise-retry');
import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';
import { LedgerApi, LedgerEntry } from '../integrations/ledger';

type SyncResult = { synced: number; cursor: string };

const MAX_ROUNDS = 10;

export class LedgerSync {
  constructor(
    private readonly api: LedgerApi,
    private readonly db: Knex,
  ) {}

  static async waitForApi(api: LedgerApi): Promise<void> {
    try {
      await api.health();
    } catch {
      await sleep(2000);
      return LedgerSync.waitForApi(api); // expect: unbounded-retry
    }
  }

  async pullEntries(since: Date): Promise<LedgerEntry[]> {
    return backoff(async () => this.api.entriesSince(since), {
      forever: true, // expect: unbounded-retry
      maxTimeout: 120_000,
    });
  }

  async pullAccounts(): Promise<string[]> {
    return backoff(async () => this.api.accounts(), { retries: 2 }); // ok: unbounded-retry
  }

  async pushEntry(entry: LedgerEntry): Promise<void> {
    await promiseRetry((retry: (e: unknown) => never, attempt: number) => this.api.push(entry).catch(retry), {
      retries: Infinity, // expect: unbounded-retry
      minTimeout: 250,
    });
  }

  async pushBatch(entries: LedgerEntry[]): Promise<void> {
    await promiseRetry((retry: (e: unknown) => never) => this.api.pushBatch(entries).catch(retry), { retries: 3 }); // ok: unbounded-retry
  }

  async checkpoint(result: SyncResult): Promise<void> {
    let saved = false;
    let delayMs = 100;
    while (saved === false) { // expect: unbounded-retry
      try {
        await this.db('ledger_checkpoints').insert({ cursor: result.cursor, synced: result.synced });
        saved = true;
      } catch (err) {
        console.warn('checkpoint insert failed', err);
        await sleep(delayMs);
        delayMs = Math.min(delayMs * 2, 5_000);
      }
    }
  }

  async resolveConflicts(ids: string[]): Promise<void> {
    retry: while (true) { // expect: unbounded-retry
      try {
        await this.db.transaction(async (trx) => {
          for (const id of ids) {
            await trx('ledger_entries').where({ id }).update({ status: 'resolved' });
          }
        });
        return;
      } catch (err: any) {
        if (err.code === '40001') {
          await sleep(50);
          continue retry;
        }
        throw err;
      }
    }
  }

  async reconcile(): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS; round++) { // ok: unbounded-retry
      try {
        const diff = await this.api.diff();
        if (diff.length === 0) return;
        await this.applyDiff(diff);
      } catch (err) {
        console.warn(`reconcile round ${round} failed`, err);
        await sleep(1_000);
      }
    }
    throw new Error(`ledger not reconciled after ${MAX_ROUNDS} rounds`);
  }

  private async applyDiff(diff: LedgerEntry[]): Promise<void> {
    let attempt = 0;
    while (true) { // ok: unbounded-retry
      try {
        await this.api.applyDiff(diff);
        return;
      } catch (err) {
        attempt += 1;
        if (attempt >= 3) {
          throw err;
        }
        await sleep(200 * attempt);
      }
    }
  }
}
