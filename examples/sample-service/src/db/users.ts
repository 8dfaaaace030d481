import { Column, CreateDateColumn, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { config } from '../config';

// TypeORM still owns the users table (it predates the Prisma schema); everything else is Prisma.
export type UserStatus = 'active' | 'suspended' | 'closed';

@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ unique: true })
  email!: string;

  @Column({ name: 'credit_balance_cents', type: 'integer', default: 0 })
  creditBalanceCents!: number;

  @Column({ type: 'varchar', default: 'active' })
  status!: UserStatus;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}

export const AppDataSource = new DataSource({ type: 'postgres', url: config.databaseUrl, entities: [User], synchronize: false });
