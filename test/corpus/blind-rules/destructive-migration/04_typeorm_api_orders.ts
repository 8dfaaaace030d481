// corpus-path: src/database/migrations/1712500000000-OrderRefactor.ts
import * as typeorm from 'typeorm';
import { TableColumn as Column } from 'typeorm';

export class OrderRefactor1712500000000 implements typeorm.MigrationInterface {
  public async up(queryRunner: typeorm.QueryRunner): Promise<void> {
    await queryRunner.dropTable('order_legacy'); // expect: destructive-migration
    await queryRunner.dropColumn('order', 'coupon_code'); // expect: destructive-migration
    await queryRunner.dropColumns('order', ['gift_wrap', 'gift_note']); // expect: destructive-migration
    await queryRunner.renameColumn('order', 'total', 'total_cents'); // expect: destructive-migration
    await queryRunner.addColumn( // expect: destructive-migration
      'order',
      new Column({ name: 'currency', type: 'varchar', length: '3', isNullable: false }),
    );
    await queryRunner.addColumn('order', new Column({ name: 'channel', type: 'varchar', isNullable: false, default: "'web'" })); // ok: destructive-migration
    await queryRunner.addColumn('order', new Column({ name: 'promo_ref', type: 'varchar', isNullable: true })); // ok: destructive-migration
    await queryRunner.dropIndex('order', 'IDX_order_created_at'); // ok: destructive-migration
    await queryRunner.dropForeignKey('order', 'FK_order_customer'); // ok: destructive-migration
    await queryRunner.renameTable('order_item', 'order_line'); // ok: destructive-migration
  }

  public async down(queryRunner: typeorm.QueryRunner): Promise<void> {
    await queryRunner.renameTable('order_line', 'order_item');
    await queryRunner.dropColumn('order', 'promo_ref'); // ok: destructive-migration
    await queryRunner.dropColumn('order', 'channel'); // ok: destructive-migration
    await queryRunner.renameColumn('order', 'total_cents', 'total'); // ok: destructive-migration
    await queryRunner.addColumn('order', new Column({ name: 'coupon_code', type: 'varchar', isNullable: true }));
  }
}
