import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ColumnChange {
  table: string;
  column: string;
  kind: 'drop' | 'rename' | 'add';
  newName?: string;
}

@Injectable()
export class SchemaDiffService {
  private readonly logger = new Logger(SchemaDiffService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Renders a review-only SQL preview; never executed here. */
  renderPreview(change: ColumnChange): string {
    switch (change.kind) {
      case 'drop':
        return `ALTER TABLE "${change.table}" DROP COLUMN "${change.column}"`; // ok: destructive-migration
      case 'rename':
        return `ALTER TABLE "${change.table}" RENAME COLUMN "${change.column}" TO "${change.newName}"`; // ok: destructive-migration
      default:
        return `ALTER TABLE "${change.table}" ADD "${change.column}" text NOT NULL`; // ok: destructive-migration
    }
  }

  async dropScratchTable(name: string): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.dropTable(`scratch_${name}`, true); // ok: destructive-migration
      this.logger.log(`dropped scratch table ${name}`);
    } finally {
      await runner.release();
    }
  }
}
