// corpus-path: src/migration/legacy-cleanup.job.ts
import { Injectable } from '@nestjs/common';
import { InjectConnection } from 'nest-knexjs';
import type { Knex } from 'knex';

@Injectable()
export class LegacyCleanupJob {
  constructor(@InjectConnection() private readonly knex: Knex) {}

  async run(): Promise<void> {
    await this.knex.schema.dropTableIfExists('import_staging'); // ok: destructive-migration
    await this.knex.schema.alterTable('import_batches', (t) => {
      t.dropColumn('tmp_payload'); // ok: destructive-migration
      t.renameColumn('tmp_state', 'state'); // ok: destructive-migration
    });
  }
}
